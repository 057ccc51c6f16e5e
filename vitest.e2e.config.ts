import { defineConfig } from "vitest/config";

// Browser end-to-end tests: the built extension in Chromium and Firefox ESR against the fixture
// pages. Run `npm run build` first. One file at a time, one browser at a time.
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ["verbose"],
  },
});

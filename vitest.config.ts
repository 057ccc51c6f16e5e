import { defineConfig } from "vitest/config";

// Unit tests: pure code in lib/ (and the bench's trace reading), and the fixture checks. The browser e2e suite has its own config.
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.tsx", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    testTimeout: 20_000,
  },
});

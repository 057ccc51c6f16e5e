// The Firefox build as addons.mozilla.org would see it: web-ext lint finds no error.
import path from "node:path";
import { describe, expect, it } from "vitest";
import webExt from "web-ext";

const firefoxBuild = path.resolve(import.meta.dirname, "../../.output/firefox-mv2");

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe("web-ext lint of the Firefox build", () => {
  it("reports no errors", async () => {
    const result = (await webExt.cmd.lint(
      { sourceDir: firefoxBuild, output: "none", selfHosted: false, boring: true, warningsAsErrors: false },
      { shouldExitProgram: false },
    )) as { summary: { errors: number; warnings: number }; errors: LintMessage[]; warnings: LintMessage[] };
    for (const w of result.warnings) console.log(`web-ext lint warning ${w.code} ${w.file ?? ""}: ${w.message}`);
    expect(result.errors.map((e) => `${e.code} ${e.file ?? ""}: ${e.message}`)).toEqual([]);
    expect(result.summary.errors).toBe(0);
  }, 120_000);
});

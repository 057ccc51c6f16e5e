// The quality bar on the hand-annotated seed articles, scored by the shared scorer exactly as the
// held-out set is: F1 ≥ 0.95 for leaders, documents and numbers, ≥ 0.85 for instructions, with
// NFC and with decomposed (NFD) input. Skipped where ../shared is absent.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const scorer = path.resolve(root, "../shared/tools/score.mjs");
const BAR: Record<string, number> = { leader: 0.95, "directive.document": 0.95, number: 0.95, "directive.instruction": 0.85 };

interface Row {
  kind: string;
  f1: number;
}

describe.skipIf(!fs.existsSync(scorer))("dev set scored by ../shared/tools/score.mjs", () => {
  it.each([["NFC", []], ["NFD", ["--nfd"]]] as const)("meets the bar with %s input", (_label, extra) => {
    const out = execFileSync(process.execPath, [scorer, "--json", ...extra], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
    const rows = (JSON.parse(out) as { rows: Row[] }).rows;
    for (const [kind, bar] of Object.entries(BAR)) {
      const row = rows.find((r) => r.kind === kind);
      expect(row?.f1, `${kind} F1`).toBeGreaterThanOrEqual(bar);
    }
  }, 60_000);
});

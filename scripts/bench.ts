// npm run bench: speed as ratios against a floor measured in the same run, never absolute limits.
//
//   rules      extract() over the real-article corpus (../shared/corpus/unc, skipped when absent) and
//              the seed articles, against one pass of /\d+/g over the same texts.
//   families   where extract() spends its time on the corpus: each step of it, against the same floor.
//   scaling    extract() on 10 KB, 100 KB and 1 MB texts: cost per MB should stay flat (linear time).
//   cli        the extract CLI on the whole corpus, against a node process that reads the same files
//              and runs the same trivial regex.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findDocuments } from "../lib/extract/documents";
import { extract } from "../lib/extract/index";
import { findInstructions } from "../lib/extract/instructions";
import { findLeaders } from "../lib/extract/leaders";
import { findNumbers } from "../lib/extract/numbers";
import { splitSentences, tokenize } from "../lib/extract/sentences";
import { normalizeText } from "../lib/extract/text";
import { articleFromHtml } from "../lib/page/html-text";

// the project folder: this script sits in scripts/ (process.argv[1], also when bundled by run-ts)
const root = path.resolve(process.argv[1]!, "..", "..");
const UNC = path.resolve(root, "../shared/corpus/unc");
const DEV = path.resolve(root, "../shared/corpus/dev");
const FIXTURES = path.join(root, "tests/fixtures");

const bytes = (texts: string[]) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const mb = (n: number) => n / (1024 * 1024);

/** The best of `runs` timings, in ms: the least disturbed by the rest of the machine. */
function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

function floorPass(texts: string[]): number {
  let n = 0;
  for (const t of texts) n += t.match(/\d+/g)?.length ?? 0;
  return n;
}

function readTexts(dir: string, filter: (f: string) => boolean): string[] {
  return fs
    .readdirSync(dir)
    .filter(filter)
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
}

function seedTexts(): { texts: string[]; from: string } {
  if (fs.existsSync(DEV)) return { texts: readTexts(DEV, (f) => f.endsWith(".txt")), from: "../shared/corpus/dev" };
  const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES, "pages.json"), "utf8")) as { file: string; expect: string }[];
  const texts = manifest
    .filter((p) => p.expect === "article")
    .map((p) => articleFromHtml(fs.readFileSync(path.join(FIXTURES, p.file), "utf8"))?.text ?? "");
  return { texts, from: "tests/fixtures (article text of the seed pages)" };
}

function row(label: string, texts: string[], runs: number) {
  const size = bytes(texts);
  floorPass(texts);
  for (const t of texts) extract(t); // warm-up: JIT and lazy regex compilation
  const floorMs = best(runs, () => floorPass(texts));
  const extractMs = best(runs, () => {
    for (const t of texts) extract(t);
  });
  const ratio = extractMs / floorMs;
  console.log(
    `${label.padEnd(28)} ${String(texts.length).padStart(5)} texts ${mb(size).toFixed(2).padStart(7)} MB ` +
      `${(mb(size) / (extractMs / 1000)).toFixed(2).padStart(8)} MB/s   floor ${floorMs.toFixed(1).padStart(7)} ms   ` +
      `extract ${extractMs.toFixed(1).padStart(8)} ms   ratio ${ratio.toFixed(1).padStart(5)}×`,
  );
  return ratio;
}

/** Each step of extract() over the texts, timed on its own (the best of `runs` passes per step). */
function families(texts: string[], runs: number) {
  const steps = ["normalize", "documents", "numbers", "tokens", "sentences", "leaders", "instructions"] as const;
  const best = new Map<string, number>(steps.map((s) => [s, Infinity]));
  const floorMs = best0(runs, () => floorPass(texts));
  for (let r = 0; r < runs; r++) {
    const spent = new Map<string, number>(steps.map((s) => [s, 0]));
    const time = <T>(step: string, fn: () => T): T => {
      const t0 = performance.now();
      const out = fn();
      spent.set(step, spent.get(step)! + performance.now() - t0);
      return out;
    };
    for (const t of texts) {
      const nt = time("normalize", () => normalizeText(t));
      const docs = time("documents", () => findDocuments(nt));
      time("numbers", () => findNumbers(nt, {}, docs));
      time("tokens", () => tokenize(nt));
      time("sentences", () => splitSentences(nt));
      const leaders = time("leaders", () => findLeaders(nt, {}));
      time("instructions", () => findInstructions(nt, {}, leaders));
    }
    for (const s of steps) best.set(s, Math.min(best.get(s)!, spent.get(s)!));
  }
  console.log("\nfamilies: each step of extract() over the corpus (best of " + runs + "), against the same floor");
  console.log(
    "  " + steps.map((s) => `${s} ${best.get(s)!.toFixed(0)} ms (${(best.get(s)! / floorMs).toFixed(1)}×)`).join("   "),
  );
}

function best0(runs: number, fn: () => void): number {
  fn();
  return best(runs, fn);
}

function scaling(source: string[]) {
  const joined = source.join("\n\n");
  console.log("\nscaling (linear time: ms per MB should stay flat)");
  const perMb: number[] = [];
  for (const [label, size] of [["10 KB", 10_240], ["100 KB", 102_400], ["1 MB", 1_048_576]] as const) {
    let text = joined;
    while (text.length < size) text += `\n\n${joined}`;
    text = text.slice(0, size);
    extract(text);
    const ms = best(size > 500_000 ? 5 : 10, () => extract(text));
    const floorMs = best(size > 500_000 ? 5 : 10, () => floorPass([text]));
    perMb.push(ms / mb(size));
    console.log(
      `  ${label.padEnd(7)} extract ${ms.toFixed(1).padStart(8)} ms  ${(ms / mb(size)).toFixed(0).padStart(6)} ms/MB   ratio to floor ${(ms / floorMs).toFixed(1)}×`,
    );
  }
  console.log(`  1 MB costs ${(perMb[2]! / perMb[0]!).toFixed(2)}× per MB what 10 KB does (1.00 = perfectly linear)`);
}

function cli(files: string[]) {
  console.log("\nCLI on the corpus (whole processes, start-up included)");
  const floorScript = "const fs=require('fs');let n=0;for(const f of process.argv.slice(1))n+=(fs.readFileSync(f,'utf8').match(/\\d+/g)||[]).length;console.log(n)";
  const run = (cmd: string, args: string[]) =>
    best(3, () => {
      execFileSync(cmd, args, { cwd: root, maxBuffer: 1 << 30, stdio: ["ignore", "ignore", "inherit"] });
    });
  const floorMs = run(process.execPath, ["-e", floorScript, ...files]);
  const cliMs = run(process.execPath, ["scripts/run-ts.mjs", "scripts/extract.ts", ...files]);
  console.log(`  floor process ${floorMs.toFixed(0)} ms   extract CLI ${cliMs.toFixed(0)} ms   ratio ${(cliMs / floorMs).toFixed(1)}×`);
}

function main() {
  console.log("rules: extract() throughput, against one pass of /\\d+/g over the same texts\n");
  const seeds = seedTexts();
  row(`seeds (${path.basename(seeds.from)})`, seeds.texts, 20);
  let corpus: string[] = [];
  if (fs.existsSync(UNC)) {
    corpus = readTexts(UNC, (f) => f.endsWith(".txt"));
    row("corpus (shared/corpus/unc)", corpus, 3);
    families(corpus, 3);
  } else {
    console.log(`corpus: skipped — ${UNC} is absent (the benchmark uses it when it is there)`);
  }
  scaling(corpus.length > 0 ? corpus.slice(0, 200) : seeds.texts);
  if (corpus.length > 0) {
    cli(fs.readdirSync(UNC).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(UNC, f)));
  }
}

main();

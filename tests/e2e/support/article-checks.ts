// Checks shared by the e2e files: is an article annotated as it should be (highlights inside the
// body, samples covered, furniture untouched, highlights matching what the content script lists)?
import type { AnnotationKind } from "../../../lib/extract/types";
import { countKinds, type PageAnnotations } from "../../../lib/messages";
import { poll, type Harness, type TestPage } from "./browsers";
import { ANNOTATED_MEASURE, FURNITURE_SELECTOR, HIGHLIGHT_NAMES, annotationFinished, inspectHighlights, type HighlightReport } from "./page-checks";

export const KIND_OF: Record<(typeof HIGHLIGHT_NAMES)[number], AnnotationKind> = { "vpl-leader": "leader", "vpl-directive": "directive", "vpl-number": "number" };
/** Every highlight the extension draws, the reader's own included. */
export const ALL_HIGHLIGHTS = ["vpl-leader", "vpl-directive", "vpl-number", "vpl-note", "vpl-focus"] as const;

export interface ArticleFixture {
  bodySelector?: string | null;
  bodySamples?: readonly string[];
  furnitureSamples?: readonly string[];
}

export type World = "main" | "isolated";

export function clip(s: string, n = 80): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** Reads the highlights of `page` against the fixture (in the page's main world, or an isolated one). */
export function inspect(h: Harness, page: TestPage, fixture: ArticleFixture, world: World = "main", extraSamples: readonly string[] = []): Promise<HighlightReport> {
  const args = {
    names: HIGHLIGHT_NAMES,
    furniture: FURNITURE_SELECTOR,
    bodySelector: fixture.bodySelector ?? null,
    bodySamples: [...(fixture.bodySamples ?? []), ...extraSamples],
    furnitureSamples: fixture.furnitureSamples ?? [],
  };
  return world === "main" ? h.evaluate(page, inspectHighlights, args) : h.evaluateIsolated(page, inspectHighlights, args);
}

/**
 * What is wrong with an annotated article, as readable lines (empty when all is well): highlights
 * missing or not matching the content script's list, highlights outside the body or on furniture,
 * body samples not highlighted.
 */
export function articleProblems(report: HighlightReport, answer: PageAnnotations | null, options: { allKinds?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (!report.supported) return ["CSS.highlights is not supported in this page"];
  if (!report.bodyFound) problems.push("the fixture's bodySelector matches nothing");
  if (options.allKinds ?? true) {
    const missing = HIGHLIGHT_NAMES.filter((n) => !(report.sizes[n]! > 0));
    if (missing.length) problems.push(`no ranges in ${missing.join(", ")}`);
  }
  if (answer) {
    const counts = countKinds(answer.annotations);
    for (const name of HIGHLIGHT_NAMES) {
      if (report.sizes[name] !== counts[KIND_OF[name]]) problems.push(`${name}: ${report.sizes[name]} ranges drawn, ${counts[KIND_OF[name]]} ${KIND_OF[name]} annotations listed`);
    }
  }
  for (const r of report.ranges) if (r.furniture) problems.push(`${r.name} "${clip(r.text, 60)}" ${r.furniture}`);
  for (const s of report.furnitureSamples) if (s.highlighted) problems.push(`furniture "${s.sample}" highlighted ("${s.highlighted}" in ${s.where.join(", ")})`);
  for (const s of report.samples) {
    if (s.found === 0) problems.push(`body sample "${s.sample}" is not in the page text`);
    else if (!s.covered) problems.push(`body sample "${s.sample}" not highlighted${s.names.length ? ` (left: "${s.uncovered}")` : ""}`);
  }
  return problems;
}

/** Waits for the content script's `policy-lens:annotate` measure, reading it from the given world. */
export async function waitForAnnotated(h: Harness, page: TestPage, world: World = "main", timeoutMs = 30_000): Promise<void> {
  await poll(`${page.url()} to be annotated (${ANNOTATED_MEASURE})`, timeoutMs, () =>
    world === "main" ? h.evaluate(page, annotationFinished, ANNOTATED_MEASURE) : h.evaluateIsolated(page, annotationFinished, ANNOTATED_MEASURE),
  );
}

/** Polls `probe` until it returns an empty list of problems; fails with the last list. */
export async function untilNoProblems(what: string, timeoutMs: number, probe: () => Promise<string[]>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string[] = [];
  for (let delay = 50; ; delay = Math.min(delay * 2, 400)) {
    try {
      last = await probe();
    } catch (error) {
      last = [`error: ${String(error)}`];
    }
    if (last.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${what}: still wrong after ${timeoutMs} ms:\n  - ${last.join("\n  - ")}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

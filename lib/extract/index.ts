// The shared extraction rules: one entry point for the content script, the CLI and the tests.
import { findDocuments } from "./documents";
import { findInstructions } from "./instructions";
import { findLeaders } from "./leaders";
import { findNumbers } from "./numbers";
import { normalizeText, toOriginalSpan, type NormalizedText } from "./text";
import type { Annotation, Draft, ExtractOptions } from "./types";

export type * from "./types";
export { normalizeText } from "./text";

/** Runs one rule family; a bug in one family costs its results, never the others' or the caller's. */
function guarded<T>(family: string, run: () => T[], onError?: (family: string, error: unknown) => void): T[] {
  try {
    return run();
  } catch (error) {
    onError?.(family, error);
    return [];
  }
}

/**
 * The annotation of a draft: offsets into the input, and its text. The draft itself becomes it (each
 * is made for this call and used by nobody after): its keys keep their order and `text` comes last,
 * as `{ ...draft, start, end, text }` would give, without copying objects of many shapes.
 */
function finish(nt: NormalizedText, draft: Draft): Annotation {
  const { start, end } = toOriginalSpan(nt, draft.start, draft.end);
  const annotation = draft as Annotation;
  annotation.start = start;
  annotation.end = end;
  annotation.text = nt.original.slice(start, end);
  return annotation;
}

/**
 * Finds leaders, directives and numbers in a plain text. Never throws: bad input gives an empty
 * or partial result (`onError` hears about a rule family that failed).
 */
export function extract(
  input: string,
  options: ExtractOptions = {},
  onError?: (family: string, error: unknown) => void,
): Annotation[] {
  if (typeof input !== "string" || input.length === 0) return [];
  let nt: NormalizedText;
  try {
    nt = normalizeText(input);
  } catch (error) {
    onError?.("text", error);
    return [];
  }
  const documents = guarded("documents", () => findDocuments(nt, options), onError);
  const numbers = guarded("numbers", () => findNumbers(nt, options, documents), onError);
  const leaders = guarded("leaders", () => findLeaders(nt, options), onError);
  const instructions = guarded("instructions", () => findInstructions(nt, options, leaders), onError);
  const drafts: Draft[] = [...leaders, ...documents, ...instructions, ...numbers];
  return byPosition(drafts.filter((d) => d.end > d.start).map((d) => finish(nt, d)));
}

/**
 * Annotations by start, the longer first at the same start, else in the order given (what a stable
 * sort with `a.start - b.start || b.end - a.end` gives). The comparator reads typed arrays: the
 * annotations have many shapes, and reading their fields in a sort is slow.
 */
function byPosition(annotations: Annotation[]): Annotation[] {
  const n = annotations.length;
  if (n < 2) return annotations;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    starts[i] = annotations[i]!.start;
    ends[i] = annotations[i]!.end;
    order.push(i);
  }
  order.sort((x, y) => starts[x]! - starts[y]! || ends[y]! - ends[x]! || x - y);
  const out: Annotation[] = [];
  for (const i of order) out.push(annotations[i]!);
  return out;
}

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

function finish(nt: NormalizedText, draft: Draft): Annotation {
  const { start, end } = toOriginalSpan(nt, draft.start, draft.end);
  return { ...draft, start, end, text: nt.original.slice(start, end) } as Annotation;
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
  return drafts
    .filter((d) => d.end > d.start)
    .map((d) => finish(nt, d))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

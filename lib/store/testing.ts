// Test helpers: fresh databases over fake-indexeddb, and extracted annotations built from a text.
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import type { Annotation } from "../extract/types";
import { PolicyLensDB } from "./schema";

export const fakeDeps = { indexedDB, IDBKeyRange };

let counter = 0;
export function uniqueName(label = "db"): string {
  return `policy-lens-test-${label}-${++counter}-${crypto.randomUUID()}`;
}

export function freshDb(label?: string): PolicyLensDB {
  return new PolicyLensDB(uniqueName(label), fakeDeps);
}

type Attrs<K extends Annotation["kind"]> = Omit<Extract<Annotation, { kind: K }>, "kind" | "start" | "end" | "text">;

/** The n-th occurrence (from 0) of `quote` in `text` as an extracted annotation. */
export function spanOf(text: string, quote: string, occurrence = 0): { start: number; end: number; text: string } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`"${quote}" (#${occurrence}) is not in the text`);
  }
  return { start: at, end: at + quote.length, text: quote };
}

export const leader = (text: string, quote: string, attrs: Attrs<"leader">, occurrence = 0): Annotation => ({
  kind: "leader",
  ...attrs,
  ...spanOf(text, quote, occurrence),
});
export const doc = (text: string, quote: string, attrs: { docType: string; code?: string; issuer?: string; date?: string }, occurrence = 0): Annotation => ({
  kind: "directive",
  subkind: "document",
  ...attrs,
  ...spanOf(text, quote, occurrence),
});
export const instruction = (text: string, quote: string, attrs: { speaker?: string; verb?: string }, occurrence = 0): Annotation => ({
  kind: "directive",
  subkind: "instruction",
  ...attrs,
  ...spanOf(text, quote, occurrence),
});
export const number = (text: string, quote: string, attrs: Attrs<"number">, occurrence = 0): Annotation => ({
  kind: "number",
  ...attrs,
  ...spanOf(text, quote, occurrence),
});

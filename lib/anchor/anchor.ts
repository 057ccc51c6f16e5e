// Finding a saved span again in the page text as it is now. The approach is the one of
// hypothesis-client's match-quote: trust the stored position when the quote is still there;
// otherwise score every occurrence of the quote by how well its surroundings agree with the saved
// prefix and suffix and how near it is to the old position; otherwise search approximately
// (Myers' bit-parallel algorithm, from approx-string-match) and score the same way.
//
// Matching runs on NFC forms of both the text and the selectors; offsets returned are offsets into
// the text exactly as the caller passed it (NFC, NFD or a mix).
import approxSearch from "approx-string-match";
import { toNfc, type NfcText } from "./nfc-map";
import type { Selectors } from "./selectors";

export type AnchorMethod = "position" | "quote" | "fuzzy";

export interface AnchorResult {
  start: number;
  end: number;
  method: AnchorMethod;
  /** How well the match agrees with the selectors, 0–1 (1: quote, prefix and suffix all equal). */
  score: number;
}

/** Quotes at least this long may be found between their (approximately found) prefix and suffix. */
const LONG_QUOTE = 64;
/** Fuzzy matches of quotes shorter than this must be backed by agreeing context. */
const SHORT_QUOTE = 32;
const MIN_CONTEXT_AGREEMENT = 0.5;
/** Most occurrences of one quote that are scored (a year like "2025" may occur often). */
const MAX_CANDIDATES = 500;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/** Errors allowed when searching for a quote approximately. */
export function maxQuoteErrors(quoteLength: number): number {
  return Math.min(32, Math.floor(quoteLength / 4));
}

interface Candidate {
  /** Offsets in the NFC text. */
  start: number;
  end: number;
  method: AnchorMethod;
  score: number;
  /** Sort key: position hits before exact occurrences before fuzzy matches, then score. */
  rank: number;
}

interface Query {
  exact: string;
  prefix: string;
  suffix: string;
  /** Old start in the NFC text, or undefined when unknown. */
  hint: number | undefined;
}

/** 1 − errors/length of the best approximate occurrence of `pattern` in `text` (0 when none). */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text.includes(pattern)) return 1;
  const best = approxSearch(text, pattern, pattern.length)[0];
  return best ? Math.max(0, 1 - best.errors / pattern.length) : 0;
}

function contextScores(text: string, q: Query, start: number, end: number): { prefix: number; suffix: number } {
  return {
    prefix: q.prefix ? similarity(text.slice(Math.max(0, start - q.prefix.length), start), q.prefix) : 1,
    suffix: q.suffix ? similarity(text.slice(end, end + q.suffix.length), q.suffix) : 1,
  };
}

function score(text: string, q: Query, start: number, end: number, errors: number): { score: number; context: number } {
  const quoteScore = q.exact.length === 0 ? 0 : 1 - errors / q.exact.length;
  const ctx = contextScores(text, q, start, end);
  const positionScore = q.hint === undefined || text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(start - q.hint) / text.length);
  const raw =
    WEIGHTS.quote * quoteScore + WEIGHTS.prefix * ctx.prefix + WEIGHTS.suffix * ctx.suffix + WEIGHTS.position * positionScore;
  return { score: raw / WEIGHT_SUM, context: (ctx.prefix + ctx.suffix) / 2 };
}

function exactOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1 && found.length < MAX_CANDIDATES; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** Long quotes edited beyond fuzzy reach: the span between the saved prefix and suffix, when it still resembles the quote. */
function betweenContext(text: string, q: Query): Candidate[] {
  const len = q.exact.length;
  if (len < LONG_QUOTE || q.prefix.length < 8 || q.suffix.length < 8) return [];
  const prefixes = approxSearch(text, q.prefix, Math.floor(q.prefix.length / 4));
  const out: Candidate[] = [];
  for (const p of prefixes.slice(0, MAX_CANDIDATES)) {
    const start = p.end;
    const windowEnd = Math.min(text.length, start + 2 * len + q.suffix.length);
    const suffixes = approxSearch(text.slice(start, windowEnd), q.suffix, Math.floor(q.suffix.length / 4));
    const s = suffixes.find((m) => m.start >= len / 2 && m.start <= 2 * len);
    if (!s) continue;
    const end = start + s.start;
    const between = text.slice(start, end);
    const best = approxSearch(between, q.exact, len)[0];
    const errors = (best?.errors ?? len) + Math.max(0, between.length - len);
    if (errors > len / 2) continue;
    const { score: sc } = score(text, q, start, end, Math.min(len, errors));
    out.push({ start, end, method: "fuzzy", score: sc, rank: sc });
  }
  return out;
}

/**
 * The stored position, when the quote and its whole context are still there unchanged: the best
 * candidate there can be (score 1), found without scanning the text. A page read again as it was
 * (the usual case) re-anchors each of its thousands of annotations in constant time.
 */
function unchangedAtPosition(text: string, q: Query): Candidate | null {
  if (q.hint === undefined || q.exact.length === 0) return null;
  const start = q.hint;
  const end = start + q.exact.length;
  if (text.slice(start, end) !== q.exact) return null;
  if (text.slice(Math.max(0, start - q.prefix.length), start) !== q.prefix || text.slice(end, end + q.suffix.length) !== q.suffix) return null;
  const { score: sc } = score(text, q, start, end, 0);
  return { start, end, method: "position", score: sc, rank: 3 + sc };
}

/** Every acceptable place for the query, best first. */
function candidates(text: string, q: Query): Candidate[] {
  if (q.exact.length === 0) return [];
  const out: Candidate[] = [];
  const exact = exactOccurrences(text, q.exact);
  for (const start of exact) {
    const end = start + q.exact.length;
    const { score: sc } = score(text, q, start, end, 0);
    const atPosition = q.hint !== undefined && start === q.hint;
    out.push(atPosition ? { start, end, method: "position", score: sc, rank: 3 + sc } : { start, end, method: "quote", score: sc, rank: 2 + sc });
  }
  if (exact.length === 0) {
    const maxErrors = maxQuoteErrors(q.exact.length);
    if (maxErrors > 0) {
      const seen = new Set<string>();
      for (const m of approxSearch(text, q.exact, maxErrors).slice(0, MAX_CANDIDATES)) {
        const key = `${m.start}:${m.end}`;
        if (seen.has(key) || m.end <= m.start) continue;
        seen.add(key);
        const { score: sc, context } = score(text, q, m.start, m.end, m.errors);
        if (q.exact.length < SHORT_QUOTE && context < MIN_CONTEXT_AGREEMENT) continue;
        out.push({ start: m.start, end: m.end, method: "fuzzy", score: sc, rank: 1 + sc });
      }
    }
    if (out.length === 0) out.push(...betweenContext(text, q));
  }
  out.sort((a, b) => b.rank - a.rank || a.start - b.start);
  return out;
}

function prepareQuery(nfc: NfcText, selectors: Selectors): Query {
  const { quote, position } = selectors;
  const exact = quote.exact.normalize("NFC");
  const hintable = Number.isInteger(position?.start) && position.start >= 0;
  return {
    exact,
    prefix: quote.prefix.normalize("NFC"),
    suffix: quote.suffix.normalize("NFC"),
    hint: hintable ? nfc.toNfc(position.start) : undefined,
  };
}

function toResult(nfc: NfcText, c: Candidate): AnchorResult {
  return { start: nfc.toOriginal(c.start, "start"), end: nfc.toOriginal(c.end, "end"), method: c.method, score: c.score };
}

/**
 * Where the span described by `selectors` is in `text` now, or null when it cannot be found
 * (the annotation is then orphaned — kept, and listed as such).
 */
export function anchor(text: string, selectors: Selectors): AnchorResult | null {
  const nfc = toNfc(text);
  const best = candidates(nfc.text, prepareQuery(nfc, selectors))[0];
  return best ? toResult(nfc, best) : null;
}

export interface AnchorItem<K> {
  key: K;
  selectors: Selectors;
  /**
   * Items with the same group may not share a span: when two claim one, the better-scoring wins and
   * the other takes its next candidate or stays unanchored. Leave undefined for items that may
   * overlap freely (a reader's notes).
   */
  group?: string;
}

/**
 * Anchors many items in one text. Unlike calling anchor() for each, an extracted annotation whose
 * text was edited away cannot settle on another annotation's occurrence of the same words: spans
 * are exclusive within a group, given out best match first.
 */
export function anchorAll<K>(text: string, items: readonly AnchorItem<K>[]): Map<K, AnchorResult | null> {
  const nfc = toNfc(text);
  const results = new Map<K, AnchorResult | null>();
  const queries = items.map((item) => prepareQuery(nfc, item.selectors));
  const done = new Set<number>();
  const claimed = new Set<string>();
  const settle = (offers: { item: number; c: Candidate }[]) => {
    offers.sort((a, b) => b.c.rank - a.c.rank || a.item - b.item);
    for (const { item, c } of offers) {
      if (done.has(item)) continue;
      const group = items[item]!.group;
      const claim = group === undefined ? undefined : `${group}\u0000${c.start}:${c.end}`;
      if (claim !== undefined && claimed.has(claim)) continue;
      if (claim !== undefined) claimed.add(claim);
      done.add(item);
      results.set(items[item]!.key, toResult(nfc, c));
    }
  };
  // first the items still exactly where they were (no other candidate can beat those), then the
  // rest with every candidate; an item whose unchanged place another item took is searched too
  const offers: { item: number; c: Candidate }[] = [];
  const searched = new Set<number>();
  items.forEach((item, i) => {
    results.set(item.key, null);
    const unchanged = unchangedAtPosition(nfc.text, queries[i]!);
    if (unchanged) offers.push({ item: i, c: unchanged });
    else {
      searched.add(i);
      for (const c of candidates(nfc.text, queries[i]!)) offers.push({ item: i, c });
    }
  });
  settle(offers);
  const rest: { item: number; c: Candidate }[] = [];
  items.forEach((_item, i) => {
    if (done.has(i) || searched.has(i)) return;
    for (const c of candidates(nfc.text, queries[i]!)) rest.push({ item: i, c });
  });
  if (rest.length > 0) settle(rest);
  return results;
}

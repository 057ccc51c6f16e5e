// Text as real pages carry it: NFC, NFD or a mix; old and new tone placement (hoà/hòa, uỷ/ủy);
// non-breaking and zero-width spaces; odd dash and Đ look-alikes. The rules run on one canonical
// form and every offset maps back to the input as it was read.
//
// Speed matters (the rules run on every article a reader opens): text that needs no change in
// length — the common case — is handled by native passes with an identity offset map; only
// decomposed clusters and zero-width characters make a piecewise map.

/** The canonical text the rules see, and how its offsets map back to the input. */
export interface NormalizedText {
  /** The input exactly as given. */
  readonly original: string;
  /** NFC, canonical tone placement (hòa, ủy), plain spaces and hyphens, no zero-width characters. */
  readonly text: string;
  /** `text` lower-cased code unit by code unit, so offsets stay the same. */
  readonly lower: string;
  /** Where pieces of `text` come from in `original`; null when offsets are the same in both. */
  readonly map: OffsetMap | null;
}

/**
 * Piece i covers text[textStarts[i], textStarts[i+1]) and original[origStarts[i], origStarts[i+1]).
 * An identity piece maps code unit to code unit; any other maps as a whole.
 */
interface OffsetMap {
  textStarts: number[];
  origStarts: number[];
  identity: boolean[];
}

/** A base character with combining marks after it (decomposed text), or zero-width characters. */
const LENGTH_CHANGING = /[^\u0300-\u036F]?[\u0300-\u036F]+|[\u200B\u200C\u200D\u2060\uFEFF\u00AD]+/g;
/** Is there anything LENGTH_CHANGING would match? (one class: a quicker scan than its alternatives) */
const ANY_LENGTH_CHANGING = /[\u0300-\u036F\u200B\u200C\u200D\u2060\uFEFF\u00AD]/;

const SAME_LENGTH =
  /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]|[\u2010\u2011\u2012\u2212\uFE63\uFF0D]|[\u00D0\u00F0]|(?<![qQ])([oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** "oà" → "òa", "uỷ" → "ủy": the tone mark moves onto the first vowel of an open syllable. */
function moveTone(pair: string): string {
  const first = pair[0]!;
  const d = pair[1]!.normalize("NFD");
  const tone = d.match(TONE_MARKS)?.[0];
  if (!tone) return pair;
  return (first + tone).normalize("NFC") + d.replace(tone, "").normalize("NFC");
}

/** The replacement of one SAME_LENGTH match. */
function sameLengthFix(m: string): string {
  if (m.length === 2) {
    const moved = moveTone(m);
    return moved.length === 2 ? moved : m;
  }
  if (m === "\u00D0") return "\u0110"; // Icelandic eth typed for Đ
  if (m === "\u00F0") return "\u0111";
  if (/[\u2010\u2011\u2012\u2212\uFE63\uFF0D]/.test(m)) return "-";
  return " ";
}

function sameLengthFixes(text: string): string {
  return text.replace(SAME_LENGTH, sameLengthFix);
}

/**
 * SAME_LENGTH, or one character LENGTH_CHANGING would take (tried last). On a text without the
 * latter it replaces exactly as SAME_LENGTH does (the last alternative never matches, and no
 * SAME_LENGTH match holds such a character), so one pass both fixes the common text and tells
 * whether it was one.
 */
const SAME_LENGTH_OR_CHANGING = new RegExp(`${SAME_LENGTH.source}|${ANY_LENGTH_CHANGING.source}`, "gu");

function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/**
 * The text with SAME_LENGTH fixed, or null when it holds a character LENGTH_CHANGING takes. A short
 * text goes through one native replace (quickest when the answer is a text); a long one through
 * the matches one by one, which stops at the first such character (no pass over the rest).
 */
function sameLengthFixedOrNull(original: string): string | null {
  const re = SAME_LENGTH_OR_CHANGING;
  if (original.length <= 65_536) {
    let lengthChanging = false;
    const fixed = original.replace(re, (m) => {
      if (m.length === 1 && ANY_LENGTH_CHANGING.test(m)) {
        lengthChanging = true;
        return m;
      }
      return sameLengthFix(m);
    });
    return lengthChanging ? null : fixed;
  }
  re.lastIndex = 0;
  const parts: string[] = [];
  let at = 0;
  for (let m = re.exec(original); m !== null; m = re.exec(original)) {
    const s = m[0];
    if (s.length === 1 && ANY_LENGTH_CHANGING.test(s)) return null;
    parts.push(original.slice(at, m.index), sameLengthFix(s));
    at = m.index + s.length;
  }
  if (at === 0) return original;
  parts.push(original.slice(at));
  return parts.join("");
}

export function normalizeText(original: string): NormalizedText {
  const fixed = sameLengthFixedOrNull(original);
  if (fixed !== null) return { original, text: fixed, lower: lowerSameLength(fixed), map: null };

  const parts: string[] = [];
  const map: OffsetMap = { textStarts: [], origStarts: [], identity: [] };
  let textAt = 0;
  let origAt = 0;
  const piece = (value: string, origLength: number, identity: boolean) => {
    map.textStarts.push(textAt);
    map.origStarts.push(origAt);
    map.identity.push(identity);
    parts.push(value);
    textAt += value.length;
    origAt += origLength;
  };
  LENGTH_CHANGING.lastIndex = 0;
  for (let m = LENGTH_CHANGING.exec(original); m; m = LENGTH_CHANGING.exec(original)) {
    if (m.index > origAt) piece(original.slice(origAt, m.index), m.index - origAt, true);
    const zeroWidth = /^[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/.test(m[0]);
    piece(zeroWidth ? "" : m[0].normalize("NFC"), m[0].length, false);
  }
  if (origAt < original.length) piece(original.slice(origAt), original.length - origAt, true);
  map.textStarts.push(textAt);
  map.origStarts.push(origAt);

  const text = sameLengthFixes(parts.join(""));
  return { original, text, lower: lowerSameLength(text), map };
}

/** The last piece starting at or before `at` (binary search); empty pieces come before their successor. */
function pieceAt(map: OffsetMap, at: number): number {
  let lo = 0;
  let hi = map.identity.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.textStarts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function originalOffset(map: OffsetMap, at: number, isEnd: boolean): number {
  const i = pieceAt(map, isEnd ? Math.max(0, at - 1) : at);
  if (map.identity[i]) return map.origStarts[i]! + (at - map.textStarts[i]!);
  return isEnd ? map.origStarts[i + 1]! : map.origStarts[i]!;
}

/** Maps a span of the normalised text back to the original input. */
export function toOriginalSpan(nt: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = Math.max(0, Math.min(start, nt.text.length));
  const e = Math.max(s, Math.min(end, nt.text.length));
  if (!nt.map) return { start: s, end: e };
  if (e === s) {
    const at = originalOffset(nt.map, s, false);
    return { start: at, end: at };
  }
  return { start: originalOffset(nt.map, s, false), end: originalOffset(nt.map, e, true) };
}

/**
 * The original input under a span of the normalised text, as a reader would quote it: NFC, with
 * runs of white space folded. Attributes such as `name` are written this way ("as written").
 */
export function written(nt: NormalizedText, start: number, end: number): string {
  if (end <= start) return "";
  const span = toOriginalSpan(nt, start, end);
  const raw = nt.original.slice(span.start, span.end);
  // names, titles, units and verbs come back again and again: their cleaned forms are kept
  let clean = writtenCache.get(raw);
  if (clean === undefined) {
    clean = raw
      .normalize("NFC")
      .replace(/[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g, "")
      .replace(/\s+/g, " ")
      .trim();
    if (writtenCache.size >= 4096) writtenCache.clear();
    writtenCache.set(raw, clean);
  }
  return clean;
}

const writtenCache = new Map<string, string>();

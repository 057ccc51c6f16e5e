// Text as real pages carry it: NFC, NFD or a mix; old and new tone placement (hoà/hòa, uỷ/ủy);
// non-breaking and zero-width spaces; odd dash and Đ look-alikes. The rules run on one canonical
// form and every offset maps back to the input as it was read.

/** The canonical text the rules see, and how each of its code units maps back to the input. */
export interface NormalizedText {
  /** The input exactly as given. */
  readonly original: string;
  /** NFC, canonical tone placement (hòa, ủy), plain spaces and hyphens, no zero-width characters. */
  readonly text: string;
  /** `text` lower-cased code unit by code unit, so offsets stay the same. */
  readonly lower: string;
  /** For each code unit of `text`: where its source starts in `original`. */
  readonly origStart: Uint32Array;
  /** For each code unit of `text`: where its source ends in `original`. */
  readonly origEnd: Uint32Array;
}

const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/;
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/;
const HYPHEN_LIKE = /[\u2010\u2011\u2012\u2212\uFE63\uFF0D]/;
const COMBINING = /[\u0300-\u036F]/;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** Moves the tone mark of "oà, oè, uỳ" (new placement, at a syllable's end) onto the first vowel. */
function canonicalTone(first: string, second: string): string | null {
  const d = second.normalize("NFD");
  const tone = [...d].find((c) => TONE_MARKS.test(c));
  if (!tone) return null;
  const bare = d.replace(tone, "").normalize("NFC");
  return (first.normalize("NFD") + tone).normalize("NFC") + bare;
}

const TONE_PAIRS = new Set(["oa", "oe", "uy"]);

function baseLetter(ch: string): string {
  return ch.normalize("NFD").charAt(0).toLowerCase();
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

export function normalizeText(original: string): NormalizedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]!);
      starts.push(from);
      ends.push(to);
    }
  };

  // Pass 1: clusters (a base character and its combining marks) to NFC, spaces and dashes unified.
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    while (j < original.length && COMBINING.test(original[j]!)) j++;
    const cluster = original.slice(i, j);
    const head = cluster[0]!;
    if (ZERO_WIDTH.test(head) && cluster.length === 1) {
      // dropped: it maps to nothing
    } else if (SPACE_LIKE.test(head) && cluster.length === 1) {
      push(" ", i, j);
    } else if (HYPHEN_LIKE.test(head) && cluster.length === 1) {
      push("-", i, j);
    } else if (head === "\u00D0" && cluster.length === 1) {
      push("\u0110", i, j); // Icelandic eth typed for Đ
    } else if (head === "\u00F0" && cluster.length === 1) {
      push("\u0111", i, j);
    } else {
      const nfc = cluster.normalize("NFC");
      // A cluster that composes to several characters keeps them all mapped to the whole source.
      push(nfc, i, j);
    }
    i = j;
  }

  // Pass 2: canonical tone placement. "hoà" → "hòa", "uỷ" → "ủy", but not "hoàn", "quý".
  for (let k = 0; k + 1 < out.length; k++) {
    const pair = baseLetter(out[k]!) + baseLetter(out[k + 1]!);
    if (!TONE_PAIRS.has(pair)) continue;
    if (isLetter(out[k + 2])) continue; // the syllable goes on: the mark is where it belongs
    if (k > 0 && baseLetter(out[k - 1]!) === "q") continue; // "qu" is a consonant
    if (TONE_MARKS.test(out[k]!.normalize("NFD"))) continue;
    const moved = canonicalTone(out[k]!, out[k + 1]!);
    if (moved && moved.length === 2) {
      out[k] = moved[0]!;
      out[k + 1] = moved[1]!;
    }
  }

  const text = out.join("");
  let lower = "";
  for (const ch of out) {
    const l = ch.toLowerCase();
    lower += l.length === ch.length ? l : ch;
  }
  return {
    original,
    text,
    lower,
    origStart: Uint32Array.from(starts),
    origEnd: Uint32Array.from(ends),
  };
}

/** Maps a span of the normalised text back to the original input. */
export function toOriginalSpan(nt: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (nt.text.length === 0) return { start: 0, end: 0 };
  const s = Math.max(0, Math.min(start, nt.text.length - 1));
  const e = Math.max(s + 1, Math.min(end, nt.text.length));
  return { start: nt.origStart[s]!, end: nt.origEnd[e - 1]! };
}

/**
 * The original input under a span of the normalised text, as a reader would quote it: NFC, with
 * runs of white space folded. Attributes such as `name` are written this way ("as written").
 */
export function written(nt: NormalizedText, start: number, end: number): string {
  if (end <= start) return "";
  const span = toOriginalSpan(nt, start, end);
  return nt.original
    .slice(span.start, span.end)
    .normalize("NFC")
    .replace(/[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

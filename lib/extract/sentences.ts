// Words and sentences of a normalised text, shared by the leader and instruction rules.
// Both scans are linear: one pass over the characters, no backtracking regular expressions.
import { normalizeText, type NormalizedText } from "./text";

/** A word or one punctuation character of `nt.text`. */
export interface Token {
  /** Start offset in `nt.text`. */
  readonly s: number;
  /** End offset in `nt.text`. */
  readonly e: number;
  /** A word (letters and digits, with inner "-", "&", "'" or "." joins), not punctuation. */
  readonly w: boolean;
  /** The token as the rules see it (`nt.text`). */
  readonly t: string;
  /** Lower case. */
  readonly l: string;
  /** A line break lies between the previous token and this one (true for the first token). */
  readonly nl: boolean;
  /** White space lies right before this token. */
  readonly sp: boolean;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

const tokenCache = new WeakMap<NormalizedText, Token[]>();

/** Splits `nt.text` into words and punctuation (white space is dropped); cached per text. */
export function tokenize(nt: NormalizedText): Token[] {
  const cached = tokenCache.get(nt);
  if (cached) return cached;
  const text = nt.text;
  const lower = nt.lower;
  const out: Token[] = [];
  let nl = true;
  let sp = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === "\n" || ch === "\r" || ch === "\u2028" || ch === "\u2029") {
      nl = true;
      sp = true;
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      sp = true;
      i++;
      continue;
    }
    if (!isWordChar(ch)) {
      out.push({ s: i, e: i + 1, w: false, t: ch, l: ch, nl, sp });
      nl = false;
      sp = false;
      i++;
      continue;
    }
    const start = i;
    let segStart = i;
    for (;;) {
      while (i < n && isWordChar(text[i])) i++;
      // inner joins: "GD&ĐT", "Jae-in", "Covid-19", "O'Brien", "TP.HCM", "PGS.TS"
      const j = text[i];
      const next = text[i + 1];
      if (j !== undefined && next !== undefined && isWordChar(next)) {
        const seg = text.slice(segStart, i);
        const segUpper = seg === seg.toUpperCase() && /\p{L}/u.test(seg);
        if (j === "&" || j === "'" || j === "\u2019") {
          i++;
          segStart = i;
          continue;
        }
        if (j === "-" && (LOWER.test(next) || DIGIT.test(next) || segUpper)) {
          i++;
          segStart = i;
          continue;
        }
        if (j === "." && UPPER.test(next) && seg.length <= 4 && /^\p{L}+$/u.test(seg) && UPPER.test(seg[0]!)) {
          i++;
          segStart = i;
          continue;
        }
      }
      break;
    }
    out.push({ s: start, e: i, w: true, t: text.slice(start, i), l: lower.slice(start, i), nl, sp });
    nl = false;
    sp = false;
  }
  tokenCache.set(nt, out);
  return out;
}

/** Title case: an upper-case letter, then no upper-case letter ("Nguyễn", "Jae-in"). */
export function isTitleCase(t: Token): boolean {
  if (!t.w) return false;
  const first = t.t[0]!;
  if (!UPPER.test(first)) return false;
  if (t.t.length === 1) return false;
  return t.t.slice(1) === t.l.slice(1) && LOWER.test(t.t);
}

/** Starts with a capital and has some lower case ("McCarthy", "Nguyễn"), not "UBND". */
export function isCapitalised(t: Token): boolean {
  return t.w && UPPER.test(t.t[0]!) && LOWER.test(t.t);
}

export interface Sentence {
  /** Offsets in `nt.text`, trimmed of white space. */
  readonly s: number;
  readonly e: number;
  /** The first sentence of its line (a paragraph start). */
  readonly paragraphStart: boolean;
}

/** Abbreviations whose dot does not end a sentence ("TP. Hồ Chí Minh", "PGS.TS. Nguyễn …"). */
const ABBREVIATIONS = new Set([
  "tp", "tx", "ts", "gs", "pgs", "ths", "bs", "ks", "ls", "st", "mr", "mrs", "ms", "dr", "v.v", "vv",
  "nxb", "tt", "ncs", "tskh", "gs.ts", "pgs.ts", "bsckii", "bscki", "ds", "kts", "inc", "ltd", "jr",
  "sr", "th.s",
]);

const OPEN_QUOTES = "“‘«";
const CLOSE_QUOTES = "”’»";
const CLOSERS = "”’»\"')]}";

/**
 * Splits `nt.text` into sentences: every line is a paragraph; inside it a sentence ends at ". ",
 * "! ", "? ", "… " or "... " before a capital, a digit or a quote, except after an abbreviation
 * and inside a quotation that closes on the same line.
 */
export function splitSentences(nt: NormalizedText): Sentence[] {
  const text = nt.text;
  const out: Sentence[] = [];
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = n;
    splitLine(text, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

function pushTrimmed(text: string, s: number, e: number, first: boolean, out: Sentence[]): boolean {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) return false;
  out.push({ s, e, paragraphStart: first });
  return true;
}

function splitLine(text: string, from: number, to: number, out: Sentence[]): void {
  // Quotations that close on this line: breaks inside them are not sentence ends.
  const quoteEnds: Array<[number, number]> = [];
  {
    let open = -1;
    let straightOpen = -1;
    for (let k = from; k < to; k++) {
      const c = text[k]!;
      if (OPEN_QUOTES.includes(c) && c !== "’") {
        if (open < 0) open = k;
      } else if (CLOSE_QUOTES.includes(c) && c !== "’") {
        if (open >= 0) {
          quoteEnds.push([open, k]);
          open = -1;
        }
      } else if (c === '"') {
        if (straightOpen < 0) straightOpen = k;
        else {
          quoteEnds.push([straightOpen, k]);
          straightOpen = -1;
        }
      }
    }
  }
  quoteEnds.sort((a, b) => a[0] - b[0]);
  let q = 0;
  let first = true;
  let start = from;
  let k = from;
  while (k < to) {
    while (q < quoteEnds.length && quoteEnds[q]![1] < k) q++;
    const inQuote = q < quoteEnds.length && quoteEnds[q]![0] < k && k < quoteEnds[q]![1];
    const c = text[k]!;
    let endAt = -1; // end of the sentence (exclusive) if it ends here
    let after = k + 1;
    if (c === "." || c === "!" || c === "?" || c === "…") {
      // runs of dots: "..."
      while (after < to && (text[after] === "." || text[after] === "…")) after++;
      let m = after;
      while (m < to && CLOSERS.includes(text[m]!)) m++;
      const closeEnd = m;
      if (m >= to) {
        endAt = closeEnd;
      } else if (/\s/.test(text[m]!)) {
        let nx = m;
        while (nx < to && /\s/.test(text[nx]!)) nx++;
        const nc = text[nx];
        const startsNew = nc === undefined || UPPER.test(nc) || DIGIT.test(nc) || OPEN_QUOTES.includes(nc) || nc === '"' || nc === "(" || nc === "-";
        if (startsNew && !(c === "." && after === k + 1 && isAbbreviation(text, from, k))) endAt = closeEnd;
      }
      if (endAt >= 0 && inQuote && quoteEnds[q]![1] >= closeEnd) endAt = -1;
      if (endAt >= 0) {
        if (pushTrimmed(text, start, endAt, first, out)) first = false;
        start = endAt;
        k = endAt;
        continue;
      }
      k = after;
      continue;
    }
    k++;
  }
  pushTrimmed(text, start, to, first, out);
}

function isAbbreviation(text: string, lineStart: number, dot: number): boolean {
  let b = dot;
  while (b > lineStart && (isWordChar(text[b - 1]) || text[b - 1] === ".")) b--;
  const word = text.slice(b, dot);
  if (word.length === 0) return false;
  if (word.length === 1 && UPPER.test(word)) return true; // an initial: "J. Biden"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Index of the first token at or after offset `s` (binary search). */
export function tokenIndexAt(tokens: readonly Token[], s: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.s < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---- phrase dictionaries over tokens -------------------------------------------------------

/** The lower-case tokens of a vocabulary phrase, tokenised exactly as a text would be. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(normalizeText(phrase)).map((t) => t.l);
}

export interface LexMatch<K> {
  /** Number of tokens matched. */
  len: number;
  kinds: readonly K[];
  /** The first letter of the matched text is upper case. */
  cap: boolean;
}

export class Lexicon<K extends string> {
  private readonly map = new Map<string, K[]>();
  private readonly firsts = new Set<string>();
  private maxLen = 1;

  add(phrases: Iterable<string>, kind: K): this {
    for (const p of phrases) {
      const toks = phraseTokens(p);
      if (toks.length === 0) continue;
      const key = toks.join(" ");
      const kinds = this.map.get(key);
      if (kinds) {
        if (!kinds.includes(kind)) kinds.push(kind);
      } else this.map.set(key, [kind]);
      this.firsts.add(toks[0]!);
      if (toks.length > this.maxLen) this.maxLen = toks.length;
    }
    return this;
  }

  has(phrase: string, kind?: K): boolean {
    const kinds = this.map.get(phraseTokens(phrase).join(" "));
    return kinds !== undefined && (kind === undefined || kinds.includes(kind));
  }

  /**
   * Longest entry starting at token `i` (ending at or before `limit`) with a kind that `accept`
   * takes; null when none.
   */
  match(tokens: readonly Token[], i: number, accept?: (kind: K) => boolean, limit = tokens.length): LexMatch<K> | null {
    const first = tokens[i];
    if (!first || !this.firsts.has(first.l)) return null;
    const keys: string[] = [];
    let key = "";
    const end = Math.min(limit, i + this.maxLen, tokens.length);
    for (let k = i; k < end; k++) {
      const t = tokens[k]!;
      if (k > i && t.nl) break;
      key = k === i ? t.l : `${key} ${t.l}`;
      keys.push(key);
    }
    for (let len = keys.length; len >= 1; len--) {
      const kinds = this.map.get(keys[len - 1]!);
      if (!kinds) continue;
      const ok = accept ? kinds.filter(accept) : kinds;
      if (ok.length > 0) return { len, kinds: ok, cap: /^\p{Lu}/u.test(first.t) };
    }
    return null;
  }
}

/** A set of single lower-case words or phrases, for quick membership tests of token runs. */
export function wordSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => phraseTokens(w).join(" ")));
}

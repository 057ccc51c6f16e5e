// Words and sentences of a normalised text, shared by the leader and instruction rules.
// Both scans are linear: one pass over the characters, no backtracking regular expressions.
import { C_CASED, C_LETTER, C_LOWER, C_NUMBER, C_SPACE, C_UPPER, C_WORD, anyClass, charClass, unitClass } from "./chars";
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
  /** Flags (kind, case, spacing); read them through w, nl, sp, isTitleCase, isCapitalised, startsUpper. */
  readonly f: number;
  /** What the vocabularies know about the lower-case word `l`. */
  readonly wi: WordInfo;
}

/** Token flags (`Token.f`). */
const F_CAP = 1; // the first character is upper case (\p{Lu})
const F_LOWER = 2; // some character is lower case (\p{Ll})
const F_TITLE = 4; // title case: see isTitleCase
const F_DIFF_FIRST = 8; // the first character changes in lower case
const F_DIFF_TAIL = 16; // a later character changes in lower case
const F_WORD = 32;
const F_NL = 64;
const F_SP = 128;

/**
 * Tokens are made for every word of every text the rules read, and most are only looked at through
 * their flags and vocabulary record: their strings are sliced when first asked for.
 */
class Tok implements Token {
  private tCache: string | undefined = undefined;
  private lCache: string | undefined = undefined;

  constructor(
    readonly s: number,
    readonly e: number,
    readonly f: number,
    readonly wi: WordInfo,
    private readonly nt: NormalizedText,
  ) {}

  get w(): boolean {
    return (this.f & F_WORD) !== 0;
  }

  get nl(): boolean {
    return (this.f & F_NL) !== 0;
  }

  get sp(): boolean {
    return (this.f & F_SP) !== 0;
  }

  get t(): string {
    let v = this.tCache;
    if (v === undefined) this.tCache = v = this.nt.text.slice(this.s, this.e);
    return v;
  }

  get l(): string {
    let v = this.lCache;
    if (v === undefined) {
      // punctuation keeps its own character ("l" of "İ" would be the text's lower-case form)
      v = (this.f & F_WORD) === 0 || (this.f & (F_DIFF_FIRST | F_DIFF_TAIL)) === 0 ? this.t : this.nt.lower.slice(this.s, this.e);
      this.lCache = v;
    }
    return v;
  }

  toJSON(): object {
    return { s: this.s, e: this.e, w: this.w, t: this.t, l: this.l, nl: this.nl, sp: this.sp };
  }
}

/**
 * What the vocabularies know about one lower-case word: a bit per Lexicon (or word list) whose
 * entries start with it. A token carries its word's record, so a Lexicon rejects a token with a
 * bit test instead of a Map look-up (several Lexicons are asked at every token).
 */
export interface WordInfo {
  mask: number;
  /** Set on the shared record of "no vocabulary word" once later vocabulary adds words: then ask the Map. */
  stale: boolean;
}

interface VocabularyWord extends WordInfo {
  readonly word: string;
  readonly hash: number;
}

// The first words of all Lexicons, in an open-addressing hash table keyed by the words' UTF-16
// code units: a token finds its record without making a string.
let vocabSlots: (VocabularyWord | undefined)[] = new Array(1024).fill(undefined);
let vocabSize = 0;
/** The record of every other word; replaced (and marked stale) when the vocabulary grows. */
let notVocabulary: WordInfo = { mask: 0, stale: false };

const HASH_SEED = 0x811c9dc5;
const hashStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

function hashOf(word: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < word.length; k++) h = hashStep(h, word.charCodeAt(k));
  return h;
}

/** The record of the word src[s, e) whose hash is `h`; notVocabulary when it has none. */
function wordInfoAt(src: string, s: number, e: number, h: number): WordInfo {
  const mask = vocabSlots.length - 1;
  const len = e - s;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const v = vocabSlots[slot];
    if (v === undefined) return notVocabulary;
    if (v.hash === h && v.word.length === len) {
      let k = 0;
      while (k < len && v.word.charCodeAt(k) === src.charCodeAt(s + k)) k++;
      if (k === len) return v;
    }
  }
}

function vocabularyWord(word: string): WordInfo {
  const h = hashOf(word);
  const found = wordInfoAt(word, 0, word.length, h);
  if (found !== notVocabulary) return found;
  if ((vocabSize + 1) * 2 > vocabSlots.length) {
    const old = vocabSlots;
    vocabSlots = new Array(old.length * 2).fill(undefined);
    for (const v of old) if (v !== undefined) place(v);
  }
  const rec: VocabularyWord = { word, hash: h, mask: 0, stale: false };
  place(rec);
  vocabSize++;
  notVocabulary.stale = true;
  notVocabulary = { mask: 0, stale: false };
  return rec;
}

function place(v: VocabularyWord): void {
  const mask = vocabSlots.length - 1;
  let slot = v.hash & mask;
  while (vocabSlots[slot] !== undefined) slot = (slot + 1) & mask;
  vocabSlots[slot] = v;
}

let nextVocabularyBit = 1;

/** A fresh bit for WordInfo.mask, or 0 when they ran out (then users fall back to their Map or Set). */
function newVocabularyBit(): number {
  if (nextVocabularyBit > 1 << 30) return 0;
  const bit = nextVocabularyBit;
  nextVocabularyBit *= 2;
  return bit;
}

/**
 * A bit set on the records of the first words of `keys` (lower-case words or phrases of words
 * joined by single spaces, as wordSet makes them): mayStart(t, bit) is false for a token no key
 * starts with.
 */
export function firstWordBit(keys: Iterable<string>): number {
  const bit = newVocabularyBit();
  for (const key of keys) {
    const sp = key.indexOf(" ");
    vocabularyWord(sp < 0 ? key : key.slice(0, sp)).mask |= bit;
  }
  return bit;
}

/** May an entry of the vocabulary with this bit (or any of these bits) start with token `t`'s word? (true when unsure) */
export function mayStart(t: Token, bit: number): boolean {
  return bit === 0 || (t.wi.mask & bit) !== 0 || t.wi.stale;
}

/** The bits of several vocabularies, for one mayStart test; 0 (always unsure) when one of them has none. */
export function anyOfBits(...bits: number[]): number {
  let all = 0;
  for (const b of bits) {
    if (b === 0) return 0;
    all |= b;
  }
  return all;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && (charClass(ch.charCodeAt(0)) & C_WORD) !== 0;
}

/**
 * The tokens of a text are kept on the text itself (a hidden property): the leader and instruction
 * rules share them. Not a WeakMap: token arrays held by ephemerons survive every minor garbage
 * collection until a full one, which made the collector several times slower than tokenizing.
 */
const TOKENS = Symbol("tokens");
type WithTokens = NormalizedText & { [TOKENS]?: Token[] };

/** Splits `nt.text` into words and punctuation (white space is dropped); cached per text. */
export function tokenize(nt: NormalizedText): Token[] {
  const cached = (nt as WithTokens)[TOKENS];
  if (cached) return cached;
  const out = tokens(nt);
  if (Object.isExtensible(nt)) Object.defineProperty(nt, TOKENS, { value: out, enumerable: false });
  return out;
}

/** tokenize, without keeping the tokens on the text. */
function tokens(nt: NormalizedText): Token[] {
  const text = nt.text;
  const lower = nt.lower;
  const out: Token[] = [];
  let space = F_NL | F_SP; // flags of what came before the next token
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      space = F_NL | F_SP;
      i++;
      continue;
    }
    const cls = unitClass(c);
    if ((cls & C_SPACE) !== 0) {
      space |= F_SP;
      i++;
      continue;
    }
    if ((cls & C_WORD) === 0) {
      out.push(new Tok(i, i + 1, space, wordInfoAt(text, i, i + 1, hashStep(HASH_SEED, c)), nt));
      space = 0;
      i++;
      continue;
    }
    // A word: one pass over its characters reads its end, its case flags (first letter's case,
    // lower-case letters, title case) and the hash of its lower case.
    const start = i;
    let segStart = i;
    let f = F_WORD | space;
    let h = HASH_SEED;
    {
      const lc = lower.charCodeAt(i);
      h = hashStep(h, lc);
      if (c !== lc) f |= F_DIFF_FIRST;
      if ((cls & C_LOWER) !== 0) f |= F_LOWER;
      else if ((cls & C_UPPER) !== 0) f |= F_CAP;
      i++;
    }
    for (;;) {
      while (i < n) {
        const ch = text.charCodeAt(i);
        const chCls = unitClass(ch);
        if ((chCls & C_WORD) === 0) break;
        const lc = (chCls & C_CASED) !== 0 ? lower.charCodeAt(i) : ch; // the same in `lower` unless cased
        h = hashStep(h, lc);
        if (ch !== lc) f |= F_DIFF_TAIL;
        if ((chCls & C_LOWER) !== 0) f |= F_LOWER;
        i++;
      }
      // inner joins: "GD&ĐT", "Jae-in", "Covid-19", "O'Brien", "TP.HCM", "PGS.TS"
      if (i + 1 >= n) break;
      const j = text.charCodeAt(i);
      if (j !== 0x26 && j !== 0x27 && j !== 0x2019 && j !== 0x2d && j !== 0x2e) break; // & ' ’ - .
      const nextCls = charClass(text.charCodeAt(i + 1));
      if ((nextCls & C_WORD) === 0) break;
      let join = false;
      if (j === 0x26 || j === 0x27 || j === 0x2019) join = true;
      else if (j === 0x2d) join = (nextCls & (C_LOWER | C_NUMBER)) !== 0 || segIsUpper(text.slice(segStart, i));
      // "."
      else join = (nextCls & C_UPPER) !== 0 && i - segStart <= 4 && (charClass(text.charCodeAt(segStart)) & C_UPPER) !== 0 && allLetters(text, segStart, i);
      if (!join) break;
      // the joining mark is part of the word (none of them is a lower-case letter)
      const lc = lower.charCodeAt(i);
      h = hashStep(h, lc);
      if (j !== lc) f |= F_DIFF_TAIL;
      i++;
      segStart = i;
    }
    if ((f & F_CAP) !== 0 && i - start > 1 && (f & F_DIFF_TAIL) === 0 && (f & F_LOWER) !== 0) f |= F_TITLE;
    out.push(new Tok(start, i, f, wordInfoAt(lower, start, i, h), nt));
    space = 0;
  }
  return out;
}

/** An upper-case segment before a "-" join ("UBND-…"): `seg === seg.toUpperCase()` with a letter in it. */
function segIsUpper(seg: string): boolean {
  return seg === seg.toUpperCase() && anyClass(seg, C_LETTER);
}

function allLetters(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if ((charClass(text.charCodeAt(k)) & C_LETTER) === 0) return false;
  return true;
}

/** Title case: an upper-case letter, then no upper-case letter ("Nguyễn", "Jae-in"). */
export function isTitleCase(t: Token): boolean {
  return (t.f & F_TITLE) !== 0; // set on words only
}

/** Starts with a capital and has some lower case ("McCarthy", "Nguyễn"), not "UBND". */
export function isCapitalised(t: Token): boolean {
  return (t.f & (F_CAP | F_LOWER)) === (F_CAP | F_LOWER); // set on words only
}

/** The token's first character is upper case (`/^\p{Lu}/u.test(t.t)`). */
export function startsUpper(t: Token): boolean {
  return (t.f & F_CAP) !== 0; // punctuation is never a letter
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

/** “ ‘ « */
function isOpenQuote(c: number): boolean {
  return c === 0x201c || c === 0x2018 || c === 0xab;
}

/** ” ’ » " ' ) ] } */
function isCloser(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d;
}

function isSpace(c: number): boolean {
  return (charClass(c) & C_SPACE) !== 0;
}

/**
 * Splits `nt.text` into sentences: every line is a paragraph; inside it a sentence ends at ". ",
 * "! ", "? ", "… " or "... " before a capital, a digit or a quote, except after an abbreviation
 * and inside a quotation that closes on the same line.
 */
export function splitSentences(nt: NormalizedText): Sentence[] {
  const text = nt.text;
  const out: Sentence[] = [];
  // the characters that matter, found by two native scans: quotes and sentence-ending marks
  const marks: Marks = { quotes: positions(QUOTE_CHARS, text), qi: 0, terms: positions(TERMINATORS, text), ti: 0 };
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = n;
    splitLine(text, lineStart, lineEnd, out, marks);
    lineStart = lineEnd + 1;
  }
  return out;
}

const QUOTE_CHARS = /["“‘«”»]/g;
const TERMINATORS = /[.!?\u2026]/g;

function positions(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  while (re.test(text)) out.push(re.lastIndex - 1); // one character each
  return out;
}

/** Positions of quotes and of . ! ? … in the text, and how far the lines have read them. */
interface Marks {
  quotes: number[];
  qi: number;
  terms: number[];
  ti: number;
}

function pushTrimmed(text: string, s: number, e: number, first: boolean, out: Sentence[]): boolean {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e <= s) return false;
  out.push({ s, e, paragraphStart: first });
  return true;
}

function splitLine(text: string, from: number, to: number, out: Sentence[], marks: Marks): void {
  // Quotations that close on this line: breaks inside them are not sentence ends.
  const quoteEnds: Array<[number, number]> = [];
  {
    let open = -1;
    let straightOpen = -1;
    const quotes = marks.quotes;
    let qi = marks.qi;
    while (qi < quotes.length && quotes[qi]! < from) qi++;
    for (; qi < quotes.length && quotes[qi]! < to; qi++) {
      const k = quotes[qi]!;
      const c = text.charCodeAt(k);
      if (isOpenQuote(c)) {
        if (open < 0) open = k;
      } else if (c === 0x201d || c === 0xbb) {
        if (open >= 0) {
          quoteEnds.push([open, k]);
          open = -1;
        }
      } else if (c === 0x22) {
        if (straightOpen < 0) straightOpen = k;
        else {
          quoteEnds.push([straightOpen, k]);
          straightOpen = -1;
        }
      }
    }
    marks.qi = qi;
  }
  if (quoteEnds.length > 1) quoteEnds.sort((a, b) => a[0] - b[0]);
  let q = 0;
  let first = true;
  let start = from;
  let k = from;
  const terms = marks.terms;
  let ti = marks.ti;
  for (;;) {
    // the next . ! ? … at or after k on this line
    while (ti < terms.length && terms[ti]! < k) ti++;
    if (ti >= terms.length || terms[ti]! >= to) break;
    k = terms[ti]!;
    const c = text.charCodeAt(k);
    let endAt = -1; // end of the sentence (exclusive) if it ends here
    let after = k + 1;
    // runs of dots: "..."
    while (after < to && (text.charCodeAt(after) === 0x2e || text.charCodeAt(after) === 0x2026)) after++;
    let m = after;
    while (m < to && isCloser(text.charCodeAt(m))) m++;
    const closeEnd = m;
    if (m >= to) {
      endAt = closeEnd;
    } else if (isSpace(text.charCodeAt(m))) {
      let nx = m;
      while (nx < to && isSpace(text.charCodeAt(nx))) nx++;
      const nc = text.charCodeAt(nx);
      const startsNew =
        nx >= text.length || (charClass(nc) & (C_UPPER | C_NUMBER)) !== 0 || isOpenQuote(nc) || nc === 0x22 || nc === 0x28 || nc === 0x2d;
      if (startsNew && !(c === 0x2e && after === k + 1 && isAbbreviation(text, from, k))) endAt = closeEnd;
    }
    if (endAt >= 0) {
      while (q < quoteEnds.length && quoteEnds[q]![1] < k) q++;
      const inQuote = q < quoteEnds.length && quoteEnds[q]![0] < k && k < quoteEnds[q]![1];
      if (inQuote && quoteEnds[q]![1] >= closeEnd) endAt = -1;
    }
    if (endAt >= 0) {
      if (pushTrimmed(text, start, endAt, first, out)) first = false;
      start = endAt;
      k = endAt;
      continue;
    }
    k = after;
  }
  marks.ti = ti;
  pushTrimmed(text, start, to, first, out);
}

function isAbbreviation(text: string, lineStart: number, dot: number): boolean {
  let b = dot;
  while (b > lineStart && (isWordChar(text[b - 1]) || text[b - 1] === ".")) b--;
  const word = text.slice(b, dot);
  if (word.length === 0) return false;
  if (word.length === 1 && (charClass(word.charCodeAt(0)) & C_UPPER) !== 0) return true; // an initial: "J. Biden"
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
  return tokens(normalizeText(freshCopy(phrase))).map((t) => t.l);
}

/**
 * A copy of a vocabulary phrase in a string of its own (not the interned string the source code
 * holds), same characters. The tokenizer reads every character of every text; had it also read
 * interned strings (the phrases, when the vocabularies are built), V8 would see too many kinds of
 * string there and read all characters after that through a slow generic path: twice the time.
 * ("x".split("").join("") would give back the one-character string, which is interned too; a
 * trailing space makes no token.)
 */
function freshCopy(phrase: string): string {
  return phrase.length >= 2 ? phrase.split("").join("") : `${phrase} `;
}

export interface LexMatch<K> {
  /** Number of tokens matched. */
  len: number;
  kinds: readonly K[];
  /** The first letter of the matched text is upper case. */
  cap: boolean;
}

interface LexNode<K> {
  /** The entry ending here, or null. */
  kinds: K[] | null;
  next: Map<string, LexNode<K>> | null;
}

export class Lexicon<K extends string> {
  private readonly map = new Map<string, K[]>();
  /** The entries as a trie over lower-case tokens: a match walks it token by token. */
  private readonly root = new Map<string, LexNode<K>>();
  private maxLen = 1;
  /** This Lexicon's bit in WordInfo.mask (on its entries' first words); 0 when the bits ran out (then the Map is asked). */
  readonly bit: number;

  constructor() {
    this.bit = newVocabularyBit();
  }

  add(phrases: Iterable<string>, kind: K): this {
    for (const p of phrases) {
      const toks = phraseTokens(p);
      if (toks.length === 0) continue;
      const key = toks.join(" ");
      let kinds = this.map.get(key);
      if (kinds) {
        if (!kinds.includes(kind)) kinds.push(kind);
      } else {
        kinds = [kind];
        this.map.set(key, kinds);
      }
      let level = this.root;
      let node: LexNode<K> | undefined;
      for (const t of toks) {
        node = level.get(t);
        if (!node) level.set(t, (node = { kinds: null, next: null }));
        level = node.next ??= new Map();
      }
      node!.kinds = kinds;
      vocabularyWord(toks[0]!).mask |= this.bit;
      if (toks.length > this.maxLen) this.maxLen = toks.length;
    }
    return this;
  }

  has(phrase: string, kind?: K): boolean {
    const kinds = this.map.get(phraseTokens(phrase).join(" "));
    return kinds !== undefined && (kind === undefined || kinds.includes(kind));
  }

  /** Some entry starts with the lower-case word `l`. */
  starts(l: string): boolean {
    return this.root.has(l);
  }

  /**
   * Longest entry starting at token `i` (ending at or before `limit`) with a kind that `accept`
   * takes; null when none.
   */
  match(tokens: readonly Token[], i: number, accept?: (kind: K) => boolean, limit = tokens.length): LexMatch<K> | null {
    const first = tokens[i];
    if (!first) return null;
    if (!mayStart(first, this.bit)) return null;
    let node = this.root.get(first.l);
    if (!node) return null;
    const end = Math.min(limit, i + this.maxLen, tokens.length);
    if (end <= i) return null;
    let best: K[] | null = null;
    let bestLen = 0;
    for (let k = i; ; ) {
      const kinds = node.kinds;
      if (kinds !== null && (accept === undefined || kinds.some(accept))) {
        best = kinds;
        bestLen = k - i + 1;
      }
      k++;
      if (k >= end || node.next === null) break;
      const t = tokens[k]!;
      if (t.nl) break;
      const nx = node.next.get(t.l);
      if (!nx) break;
      node = nx;
    }
    if (best === null) return null;
    return { len: bestLen, kinds: accept ? best.filter(accept) : best, cap: startsUpper(first) };
  }
}

/** A set of single lower-case words or phrases, for quick membership tests of token runs. */
export function wordSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => phraseTokens(w).join(" ")));
}

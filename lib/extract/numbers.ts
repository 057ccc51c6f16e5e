// Numbers: quantities, money, percents, dates, times, periods and ordinals written with digits,
// with their unit, qualifier and a normalised value (see ../../../shared/spec/ENTITIES.md §3).
//
// One left-to-right pass: at each run of digits that starts a token, the rules below are tried
// in order (full dates, day ranges, times, month/year, day/month, quarters, year ranges, periods
// of months, years, ordinals, then plain numbers with scale, unit and qualifier). Every regex is
// sticky or anchored at the end of a short slice, with no nested quantifiers over overlapping
// classes, and the scan never goes back, so a line of a million digits or slashes is read once.
import {
  APPROX_WORDS,
  COMPARATIVE_WORDS,
  DATE_LEAD_WORDS,
  DATE_NAME_HEADS,
  DAY_PARTS,
  NAME_HEAD_WORDS,
  ORDINAL_BARE_NOUNS,
  ORDINAL_NAME_HEADS,
  ORDINAL_NOUNS,
  PERIOD_LEAD_WORDS,
  QUARTER_ROMAN,
  TIME_LEAD_WORDS,
  WEEKDAY_LEAD_WORDS,
} from "./data/number-words";
import { CURRENCIES, DONG_COMPOUNDS, GLUED_UNITS, MULTIWORD_UNITS, SCALE_WORDS, UNIT_STOP_WORDS } from "./data/units";
import { C_UPPER, anyClass, isLetterChar, isUpperChar } from "./chars";
import { written, type NormalizedText } from "./text";
import type { Approx, DocumentAnnotation, Draft, ExtractOptions, NumberAnnotation, NumberSubkind } from "./types";

type Num = Draft<NumberAnnotation>;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLetter = isLetterChar;
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isLetterChar(c);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An alternation of phrases, longest first, words separated by runs of spaces. */
function alt(phrases: Iterable<string>): string {
  return [...phrases]
    .map((p) => p.trim().toLowerCase())
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(/\s+/).map(escapeRe).join("[ \\t]+"))
    .join("|");
}

/** The most words (separated by white space) of any of `phrases`. */
function maxWords(phrases: Iterable<string>): number {
  let most = 0;
  for (const p of phrases) most = Math.max(most, p.trim().split(/\s+/).length);
  return most;
}

const isSpaceOrTab = (s: string, i: number): boolean => s[i] === " " || s[i] === "\t";

/** A "-" or "–" after `i` and spaces or tabs: what RANGE_TAIL needs before its digit. */
function dashAfterSpaces(s: string, i: number): boolean {
  while (isSpaceOrTab(s, i)) i++;
  return s[i] === "-" || s[i] === "–";
}

/**
 * A regex anchored at the end ($) of the slice before a number, which can only match across its
 * last `words` runs of characters other than spaces and tabs (a run holds one or more of the
 * regex's words and marks; the regex separates them by [ \t]).
 *
 * A regex ending in $ is still tried at every position of the 48 characters' slice; this one runs
 * on the slice's tail from the space before those runs instead, which finds the same match at the
 * same place: every match starts there or later, and no match can start at the tail's first
 * character through ^ (a space never starts a phrase). `index` is given back in the whole slice.
 */
class Back {
  /**
   * The words (see contextWord) a slice can end with when this regex matches it; null when not
   * known. A slice before a number is only made when its word is a context word, and most
   * regexes look for a few of those: the others are answered without running the regex.
   */
  ends: ReadonlySet<string> | null = null;

  constructor(
    readonly re: RegExp,
    readonly words: number,
    /** Where the tail that holds every match begins, for a regex that counts no words. */
    private readonly start?: (b: string) => number,
  ) {}

  /** Sets `ends` (returns this). */
  endingWith(words: Iterable<string>): this {
    this.ends = new Set(words);
    return this;
  }

  /** Where the tail that holds every match begins: 0, or a space or tab before the runs. */
  private from(b: string): number {
    if (this.start) return this.start(b);
    let i = b.length;
    while (i > 0 && isSpaceOrTab(b, i - 1)) i--;
    for (let w = 0; w < this.words; w++) {
      while (i > 0 && !isSpaceOrTab(b, i - 1)) i--;
      if (i === 0) return 0;
      if (w < this.words - 1) while (i > 0 && isSpaceOrTab(b, i - 1)) i--;
    }
    return i - 1;
  }

  exec(b: string): RegExpExecArray | null {
    if (this.ends !== null && !this.ends.has(contextWord(b))) return null;
    const from = this.from(b);
    const m = this.re.exec(from === 0 ? b : b.slice(from));
    if (m) m.index += from;
    return m;
  }

  test(b: string): boolean {
    if (this.ends !== null && !this.ends.has(contextWord(b))) return false;
    const from = this.from(b);
    return this.re.test(from === 0 ? b : b.slice(from));
  }
}

let lastSlice = "";
let lastWord = "";

/**
 * The word the slice before a number ends with, as NumberScanner.before reads it in the text:
 * up to 6 of " \t:.(/-" skipped, then up to 24 letters. (Within the 48 characters of the slice.)
 */
function contextWord(b: string): string {
  if (b === lastSlice) return lastWord;
  let i = b.length;
  while (i > 0 && b.length - i < 6 && " \t:.(/-".includes(b[i - 1]!)) i--;
  let j = i;
  while (j > 0 && i - j < 24 && isLetter(b[j - 1])) j--;
  lastSlice = b;
  lastWord = b.slice(j, i);
  return lastWord;
}

/** The word a slice ending with `phrase` and a space has (contextWord). */
const phraseWord = (phrase: string): string => contextWord(`${phrase.trim().toLowerCase()} `);

/**
 * Tests whether a slice ends with one of `phrases` (a whole word), then `tail` (spaces, and
 * `tailWords` words or marks of its own). `tailEnds`: the words such a tail can end with; without
 * it the tail is spaces and the slice ends with a phrase's word.
 */
function endsWith(phrases: Iterable<string>, tail = "[ \\t]+", tailWords = 0, tailEnds?: Iterable<string>): Back {
  const list = [...phrases];
  const back = new Back(new RegExp(`(?:^|[^\\p{L}\\p{N}])(${alt(list)})${tail}$`, "u"), maxWords(list) + tailWords);
  return back.endingWith(tailEnds ?? list.map(phraseWord));
}

const APPROX_BY_WORD = new Map<string, Approx>(APPROX_WORDS.map(([w, a]) => [w, a]));
const APPROX_BEFORE = endsWith(APPROX_BY_WORD.keys());
const COMPARATIVE_BEFORE = endsWith(COMPARATIVE_WORDS, "[ \\t]+hơn[ \\t]+", 1, ["hơn"]);
// the head's word, "số" after it, or "số" glued to it (":" and "." are skipped like spaces)
const NAME_HEAD_BEFORE = endsWith(NAME_HEAD_WORDS, "[ \\t]*(?:[:.]|số)?[ \\t]*", 1, [
  ...NAME_HEAD_WORDS.map(phraseWord),
  "số",
  ...NAME_HEAD_WORDS.map((w) => phraseWord(`${w}số`)),
]);
const DATE_NAME_BEFORE = endsWith(DATE_NAME_HEADS);
const DAY_PART_BEFORE = endsWith([...DAY_PARTS, "ngày", "hôm"]);
const DATE_LEAD_BEFORE = endsWith(DATE_LEAD_WORDS);
const TIME_LEAD_BEFORE = endsWith([...TIME_LEAD_WORDS, ...DAY_PARTS]);
const WEEKDAY_BEFORE = endsWith(WEEKDAY_LEAD_WORDS, "[ \\t]+thứ[ \\t]+", 1, ["thứ"]);
const ORDINAL_BEFORE = endsWith(ORDINAL_NOUNS, "[ \\t]+thứ[ \\t]+", 1, ["thứ"]);
const THU_BEFORE = endsWith(["thứ"]);
const ORDINAL_BARE_BEFORE = endsWith(ORDINAL_BARE_NOUNS);
const ORDINAL_NAME_BEFORE = new Back(
  new RegExp(`(?:${alt(ORDINAL_NAME_HEADS)})[ \\t]+(?:(?:lần|đợt)[ \\t]+)?thứ[ \\t]+$`, "u"),
  maxWords(ORDINAL_NAME_HEADS) + 2,
).endingWith(["thứ"]);
const PERIOD_LEAD_BEFORE = endsWith(PERIOD_LEAD_WORDS);
const NGAY_BEFORE = endsWith(["ngày"]);
const THANG_BEFORE = endsWith(["tháng"]);
const NAM_BEFORE = endsWith(["năm"]);
const QUY_BEFORE = endsWith(["quý"]);
const QUY_ROMAN_BEFORE = new Back(/(?:^|[^\p{L}\p{N}])quý[ \t]+(iv|i{1,3})[ \t]*(?:[/-]|năm)[ \t]*$/u, 3).endingWith(
  ["iv", "i", "ii", "iii"].flatMap((n) => [n, `${n}năm`]).concat("năm"),
);
const HALF_YEAR_BEFORE = new Back(/(?:^|[^\p{L}\p{N}])nửa[ \t]+(đầu|cuối|sau)[ \t]+(?:của[ \t]+)?năm[ \t]+$/u, 4).endingWith(["năm"]);
const FROM_YEAR_BEFORE = new Back(/(?:^|[^\p{L}\p{N}])(từ)[ \t]+(?:năm[ \t]+)?$/u, 2).endingWith(["từ", "năm"]);
/** "tổng số", "với số": "số" counts here, it names nothing. */
const COUNT_SO_BEFORE = new Back(/(?:tổng|con|với|có|một)[ \t]+số[ \t]*$/u, 2).endingWith(["số"]);
const PHONE_WORDS = ["điện thoại", "đt", "sđt", "tel", "fax", "hotline", "đường dây nóng", "tổng đài", "liên hệ"];
const PHONE_WORD_MAX = Math.max(...PHONE_WORDS.map((w) => w.length));
/**
 * A phone lead: a word, then only spaces, tabs and the marks of "(+84) 24." after it. Every word
 * ends with a letter, none of those marks is one: a match's word ends where the marks before the
 * end begin, and starts at most the longest word's length before.
 */
const PHONE_BEFORE = new Back(
  new RegExp(`(?:${PHONE_WORDS.join("|")})[ \\t]*[:.]?[ \\t]*\\(?\\+?(?:\\d{1,4}\\)?[ \\t.-]*)?$`, "u"),
  0,
  (b) => {
    let i = b.length;
    while (i > 0 && " \t:.()+-0123456789".includes(b[i - 1]!)) i--;
    return Math.max(0, i - PHONE_WORD_MAX);
  },
);
const VERSION_BEFORE = endsWith(["công nghiệp", "cách mạng", "cmcn", "kỷ nguyên", "phiên bản", "web", "version", "thế hệ", "chuyển đổi"]);

const LUC_BEFORE = endsWith(["lúc", "vào lúc"]);
const TIME_H_LEAD_BEFORE = endsWith(["lúc", "vào lúc", "từ", "khoảng"]);
const DURATION_BEFORE = endsWith(["trong", "sau", "suốt", "mất", "qua", "kéo dài", "gần", "hơn"]);
const SHARE_BEFORE = endsWith(["chiếm", "còn", "hết", "mất", "tới", "đến"]);

/**
 * The last words of every phrase the rules look for before a number. A number whose previous
 * word is none of them has no left context, and the slice before it is not searched at all.
 */
const CONTEXT_WORDS: ReadonlySet<string> = new Set(
  [
    ...APPROX_WORDS.map(([w]) => w),
    ...NAME_HEAD_WORDS,
    ...DATE_NAME_HEADS,
    ...DAY_PARTS,
    ...DATE_LEAD_WORDS,
    ...TIME_LEAD_WORDS,
    ...ORDINAL_BARE_NOUNS,
    ...PERIOD_LEAD_WORDS,
    ...QUARTER_ROMAN.keys(),
    "hơn",
    "thứ",
    "ngày",
    "hôm",
    "tháng",
    "năm",
    "quý",
    "từ",
    "lúc",
    "khoảng",
    "trong",
    "sau",
    "suốt",
    "mất",
    "qua",
    "dài",
    "gần",
    "chiếm",
    "còn",
    "hết",
    "tới",
    "đến",
    "công nghiệp",
    "cách mạng",
    "cmcn",
    "kỷ nguyên",
    "phiên bản",
    "web",
    "version",
    "thế hệ",
    "chuyển đổi",
    "điện thoại",
    "đt",
    "sđt",
    "tel",
    "fax",
    "hotline",
    "đường dây nóng",
    "tổng đài",
    "liên hệ",
    "số",
  ].map((phrase) => phrase.toLowerCase().split(/[\s-]+/).pop()!),
);

// a phone word has no boundary before it: any context word ending with one
PHONE_BEFORE.endingWith([...CONTEXT_WORDS].filter((w) => PHONE_WORDS.some((p) => w.endsWith(phraseWord(p)))));

const SCALE_RE = new RegExp(`[ \\t]+(${alt(SCALE_WORDS.keys())})(?![\\p{L}\\p{N}])`, "uy");
const PERCENT_RE = /(?:[ \t]*%|[ \t]+phần[ \t]+trăm(?![\p{L}]))/uy;
const POINT_PERCENT_RE = /[ \t]+điểm[ \t]+phần[ \t]+trăm(?![\p{L}])/uy;
const PER_UNIT_RE = /[ \t]*\/[ \t]*(?:\p{L}+|\d+[ \t]?\p{L}+)(?:[ \t]*\/[ \t]*\p{L}+)?/uy;

const FULL_DATE = /(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d\p{L}])/uy;
const DAY_RANGE = /(\d{1,2})[ \t]*-[ \t]*(\d{1,2})[ \t]*\/[ \t]*(\d{1,2})(?:\/(\d{4}))?(?![\d\p{L}/])/uy;
const TIME_COLON = /(\d{1,2}):(\d{2})(?::\d{2})?(?![\d])/y;
const TIME_H = /(\d{1,2})[hH](?:(\d{2})(?:'|’|p(?![\p{L}]))?)?(?![\p{L}\d])/uy;
const TIME_GIO = /(\d{1,2})[ \t]+giờ(?:[ \t]+(\d{1,2})(?:[ \t]+phút)?)?(?![\p{L}])/uy;
const MONTH_YEAR = /(\d{1,2})[ \t]*([/-])[ \t]*(\d{4})(?![\d\p{L}/])/uy;
const DAY_MONTH = /(\d{1,2})([/-])(\d{1,2})(?![\d/]|[.,]\d)/y;
const DAY_WORD_MONTH = /(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})(?:[ \t]*,?[ \t]*năm[ \t]+(\d{4}))?(?![\d])/y;
const MONTH_WORD_YEAR = /(\d{1,2})[ \t]+năm[ \t]+(\d{4})(?![\d])/y;
const DAY_BEFORE_DAY_MONTH = /(\d{1,2})[ \t]*(,|và|-|đến|tới)[ \t]*(?:ngày[ \t]+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\d/])/y;
const FROM_BEFORE = endsWith(["từ"]);
const QUARTER = /(\d)(?:[ \t]*[/-][ \t]*(\d{4})|[ \t]+năm[ \t]+(\d{4}))?(?![\d\p{L}])/uy;
const YEAR_RANGE = /(\d{4})[ \t]*([-–—/])[ \t]*(\d{4})(?![\d\p{L}/])/uy;
const YEAR_TO_YEAR = /(\d{4})[ \t]+(?:đến|tới|-)[ \t]+(?:năm[ \t]+)?(\d{4})(?![\d\p{L}])/uy;
const MONTHS_OF_YEAR =
  /(\d{1,2})[ \t]+tháng[ \t]+(?:(đầu|cuối)[ \t]+)?(?:của[ \t]+)?năm(?:[ \t]+(\d{4})(?![\d])|[ \t]+(nay|qua|trước|ngoái|tới|sau)(?![\p{L}]))?/uy;
const YEAR4 = /(\d{4})(?![\d\p{L}])/uy;
const NUM_THOUSANDS = /\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])/y;
const NUM_EN_THOUSANDS = /\d{1,3}(?:,\d{3}){2,}(?![\d])/y;
const NUM_DEC_COMMA = /\d+,\d+(?![\d])/y;
const NUM_DEC_DOT = /\d+\.\d{1,2}(?![\d])/y;
const NUM_INT = /\d+/y;
const NUMBER_FORMS = [NUM_THOUSANDS, NUM_EN_THOUSANDS, NUM_DEC_COMMA, NUM_DEC_DOT, NUM_INT];
const RANGE_TAIL = /[ \t]*[-–][ \t]*(?=\d)/y;
const RANGE_END = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/y;
const SCALE_MORE = /[ \t]+(\d{1,3}(?:,\d+)?)(?=[ \t])/y;
const WORD = /\p{L}+/uy;

const CURRENCY_ENTRIES = [...CURRENCIES].sort((a, b) => b.words.length - a.words.length);
const CURRENCY_FIRST = new Set(CURRENCIES.map((c) => c.words[0]![0]!));
/** CURRENCY_ENTRIES by the first letter of their first word, in the same order. */
const CURRENCIES_BY_FIRST = new Map<string, typeof CURRENCY_ENTRIES>();
for (const c of CURRENCY_ENTRIES) {
  const first = c.words[0]![0]!;
  const list = CURRENCIES_BY_FIRST.get(first) ?? [];
  list.push(c);
  CURRENCIES_BY_FIRST.set(first, list);
}
const DONG_COMPOUND_SET = new Set(DONG_COMPOUNDS);
const GLUED_UNIT_SET = new Set(GLUED_UNITS.map((u) => u.toLowerCase()));
const STOP_SET = new Set(UNIT_STOP_WORDS);
const UNITS_BY_FIRST = new Map<string, string[][]>();
for (const u of MULTIWORD_UNITS) {
  const words = u.split(" ");
  const list = UNITS_BY_FIRST.get(words[0]!) ?? [];
  list.push(words);
  UNITS_BY_FIRST.set(words[0]!, list);
}
for (const list of UNITS_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);
const UNIT_FIRST_CHARS = new Set([...UNITS_BY_FIRST.keys()].map((w) => w[0]));

/** Does a lower-case ASCII word look like a Vietnamese syllable written without its marks? */
const VI_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** A number annotation; optional attributes only when present. */
function num(subkind: NumberSubkind, start: number, end: number, value: number | string, unit?: string, approx?: Approx): Num {
  const n: Num = { kind: "number", subkind, start, end, value };
  if (unit !== undefined) n.unit = unit;
  if (approx !== undefined) n.approx = approx;
  return n;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function validDay(d: number, m: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && !(m === 2 && d > 29) && !([4, 6, 9, 11].includes(m) && d > 30);
}

/** The value of a number as Vietnamese writes it: "2.500" 2500, "6,5" 6.5, "1.234,5" 1234.5. */
export function parseVietnameseNumber(raw: string): number {
  if (raw.indexOf(".") < 0 && raw.indexOf(",") < 0) return Number(raw); // none of the forms below
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(raw)) return Number(raw.replace(/\./g, "").replace(",", "."));
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(raw)) return Number(raw.replace(/,/g, ""));
  if (/^\d+,\d+$/.test(raw)) return Number(raw.replace(",", "."));
  return Number(raw);
}

interface Step {
  end: number;
  num?: Num;
}

class NumberScanner {
  private readonly text: string;
  private readonly lower: string;
  private readonly year: number | undefined;
  private readonly out: Num[] = [];
  private readonly docs: readonly { start: number; end: number }[];
  private docAt = 0;

  constructor(
    private readonly nt: NormalizedText,
    options: ExtractOptions,
    documents: readonly Draft<DocumentAnnotation>[],
  ) {
    this.text = nt.text;
    this.lower = nt.lower;
    const y = /^(\d{4})-\d{2}-\d{2}$/.exec(options.articleDate ?? "");
    this.year = y ? Number(y[1]) : undefined;
    this.docs = [...documents].map((d) => ({ start: d.start, end: d.end })).sort((a, b) => a.start - b.start);
  }

  run(): Num[] {
    const DIGIT = /\d/g;
    let lastEnd = 0;
    while (DIGIT.test(this.text)) {
      const p = DIGIT.lastIndex - 1;
      const step = this.at(p, lastEnd);
      if (step.num) {
        if (step.num.start < lastEnd) step.num.start = lastEnd;
        if (step.num.end > step.num.start) {
          this.out.push(step.num);
          lastEnd = step.num.end;
        }
      }
      DIGIT.lastIndex = Math.max(step.end, p + 1);
    }
    return this.out;
  }

  private cachedAt = -1;
  private cachedBefore = "";

  /**
   * The lower-case text just before `p`, where the left-context rules look; "" when the word
   * before `p` ends none of their phrases (most numbers), so those rules cost nothing.
   */
  private before(p: number): string {
    if (p === this.cachedAt) return this.cachedBefore;
    let i = p;
    while (i > 0 && p - i < 6 && " \t:.(/-".includes(this.lower[i - 1]!)) i--;
    let j = i;
    while (j > 0 && i - j < 24 && isLetter(this.lower[j - 1])) j--;
    const word = this.lower.slice(j, i);
    this.cachedAt = p;
    this.cachedBefore = word && CONTEXT_WORDS.has(word) ? this.lower.slice(Math.max(0, p - 48), p) : "";
    return this.cachedBefore;
  }

  private match(re: RegExp, p: number): RegExpExecArray | null {
    re.lastIndex = p;
    return re.exec(this.lower);
  }

  /** End of the run of letters and digits at `p`. */
  private tokenEnd(p: number): number {
    let i = p;
    while (i < this.text.length && isAlnum(this.text[i])) i++;
    return i;
  }

  /** End of a code-like run at `p`: letters, digits and the separators inside ("30A-123.45"). */
  private codeEnd(p: number): number {
    let i = p;
    while (i < this.text.length) {
      const c = this.text[i];
      if (isAlnum(c)) i++;
      else if ((c === "/" || c === "-" || c === "." || c === ",") && isAlnum(this.text[i + 1])) i++;
      else break;
    }
    return i;
  }

  private inDocument(p: number): number {
    while (this.docAt < this.docs.length && this.docs[this.docAt]!.end <= p) this.docAt++;
    const d = this.docs[this.docAt];
    return d && d.start <= p ? d.end : -1;
  }

  /** Start of the last occurrence of group 1 of `re` in the slice before `p`. */
  private groupStart(p: number, re: Back, group = 1): number | undefined {
    const b = this.before(p);
    const m = re.exec(b);
    if (!m) return undefined;
    const g = m[group];
    if (g === undefined) return undefined;
    // group text sits inside m[0]; find its last position that keeps the rest of m[0] after it
    const offset = m[0].lastIndexOf(g);
    return p - b.length + m.index + offset;
  }

  private date(start: number, end: number, value: string, subkind: NumberSubkind = "date"): Step {
    return { end, num: { kind: "number", subkind, start, end, value } };
  }

  private ymd(y: number | undefined, m: number, d: number): string {
    return y !== undefined ? `${y}-${pad2(m)}-${pad2(d)}` : `--${pad2(m)}-${pad2(d)}`;
  }

  private at(p: number, lastEnd: number): Step {
    const text = this.text;
    const prev = text[p - 1];
    // inside a word or a code: "P4G", "G20", "COP26", "VF8", "Covid-19", "SARS-CoV-2"
    if (isLetter(prev) || isDigit(prev)) return { end: this.codeEnd(p) };
    if (prev === "-" && isDigit(text[p - 2])) {
      // the second end of "30/4-1/5", "10h30-11h", "17/3/2023-20/3/2023"
      const second = this.fullDate(p) ?? this.time(p) ?? (this.match(DAY_MONTH, p)?.[2] === "/" ? this.dayMonth(p) : undefined);
      if (second) return second;
    }
    if ((prev === "-" || prev === "/" || prev === "." || prev === "_" || prev === "+") && isAlnum(text[p - 2])) {
      // "quý I/2021" is a quarter; "Covid-19", "SARS-CoV-2", "30A-123.45" are names
      const quarter = QUY_ROMAN_BEFORE.test(this.before(p)) ? this.quarter(p) : undefined;
      return quarter ?? { end: this.codeEnd(p) };
    }
    if (prev === "," && isDigit(text[p - 2])) return { end: this.tokenEnd(p) };
    const docEnd = this.inDocument(p);
    if (docEnd >= 0) return { end: docEnd };
    if (p < lastEnd) return { end: this.tokenEnd(p) };

    // very long digit runs are identifiers, not quantities
    let q = p;
    while (isDigit(text[q]) && q - p < 9) q++;
    if (q - p >= 9 || (q - p >= 8 && text[p] !== "0")) {
      while (isDigit(text[q])) q++;
      return { end: q };
    }

    // a list marker at the start of a line: "1. Đẩy mạnh …", "2) Tiếp tục …"
    if ((text[q] === "." || text[q] === ")") && (text[q + 1] === " " || text[q + 1] === "\t") && q - p <= 2 && this.lineStart(p))
      return { end: q + 1 };

    // page furniture: "© 2023", "Copyright 2023"
    if (this.furnitureBefore(p)) return { end: this.codeEnd(p) };

    const phone = this.phoneEnd(p);
    if (phone > 0) return { end: phone };

    const b = this.before(p);
    const head = NAME_HEAD_BEFORE.exec(b);
    if (head && !(head[1] === "số" && COUNT_SO_BEFORE.test(b))) {
      // "Điều 5", "Quận 1", "số 73 Quán Sứ", "BN 2899" are names; "phòng 2 người" still counts
      let e = p;
      while (isDigit(text[e])) e++;
      if (!this.knownUnit(e)) return { end: this.codeEnd(p) };
    }

    // Each rule below starts with a sticky regex that needs a certain digit run and character after
    // it, or with a look at the words before (b): a rule that cannot match is not asked.
    // c: the character right after the digits; c2: the first one after the spaces and tabs there
    let d = 0;
    while (d < 5 && isDigit(text[p + d])) d++;
    const c = this.lower[p + d];
    let k = p + d;
    while (this.lower[k] === " " || this.lower[k] === "\t") k++;
    const c2 = this.lower[k];
    const short = d <= 2;
    const space = c === " " || c === "\t";
    const slashOrDash = c === "/" || c === "-";
    const hasBefore = b !== "";
    return (
      // FULL_DATE: 1-2 digits, / . or -
      (short && (slashOrDash || c === ".") ? this.fullDate(p) : undefined) ??
      // DAY_RANGE: 1-2 digits, spaces, "-"
      (short && c2 === "-" ? this.dayRange(p) : undefined) ??
      // TIME_COLON "8:30", TIME_H "8h" (lower case), TIME_GIO "8 giờ"
      (short && (c === ":" || c === "h" || (space && c2 === "g")) ? this.time(p) : undefined) ??
      (hasBefore ? this.quarter(p) : undefined) ??
      // MONTH_YEAR: 1-2 digits, spaces, / or -
      (short && (c2 === "/" || c2 === "-") ? this.monthYear(p) : undefined) ??
      // DAY_MONTH: 1-2 digits, / or -
      (short && slashOrDash ? this.dayMonth(p) : undefined) ??
      (hasBefore ? this.wordedDate(p) : undefined) ??
      // YEAR_RANGE: 4 digits, spaces, - – — or /; else a "từ" before (YEAR_TO_YEAR)
      ((d === 4 && (c2 === "-" || c2 === "–" || c2 === "—" || c2 === "/")) || hasBefore ? this.yearRange(p) : undefined) ??
      // MONTHS_OF_YEAR: 1-2 digits, spaces, "tháng"
      (short && space && c2 === "t" ? this.monthsOfYear(p) : undefined) ??
      // YEAR4: exactly 4 digits
      (d === 4 ? this.year4(p) : undefined) ??
      (hasBefore ? this.ordinal(p) : undefined) ??
      this.plain(p)
    );
  }

  /**
   * Does the 12 characters' slice before `p` end with "©", "copyright" or "bản quyền" (and spaces)?
   * Only a slice whose last character before the spaces ends one of them can: "©", "t", "n".
   */
  private furnitureBefore(p: number): boolean {
    const from = Math.max(0, p - 12);
    let j = p;
    while (j > from && (this.lower[j - 1] === " " || this.lower[j - 1] === "\t")) j--;
    const c = this.lower[j - 1];
    if (j === from || (c !== "©" && c !== "t" && c !== "n")) return false;
    return /(?:©|copyright|bản quyền)[ \t]*$/u.test(this.lower.slice(from, p));
  }

  /** Is `p` the first thing on its line (after white space)? */
  private lineStart(p: number): boolean {
    let i = p;
    while (i > 0 && p - i < 8 && (this.text[i - 1] === " " || this.text[i - 1] === "\t")) i--;
    return i === 0 || this.text[i - 1] === "\n" || this.text[i - 1] === "\r";
  }

  /** A phone number: "0912 345 678", "024.3823.4567", "(024) 3825 7000", "1900 1234". */
  private phoneEnd(p: number): number {
    const text = this.text;
    const b = this.before(p);
    const lead = b !== "" && PHONE_BEFORE.test(b); // a lead needs a word before
    const starts0 = text[p] === "0" || text[p - 1] === "+" || (text[p - 1] === "(" && text[p] === "0");
    const hotline = text[p] === "1" && /^1[89]00[ .]?\d/.test(text.slice(p, p + 6));
    if (!lead && !starts0 && !hotline) return -1;
    let i = p;
    let digits = 0;
    let last = p;
    while (i < text.length && i - p < 24) {
      const c = text[i]!;
      if (isDigit(c)) {
        digits++;
        last = i + 1;
      } else if (!(c === " " || c === "." || c === "-" || c === ")" || c === "(")) break;
      else if (c === " " && !isDigit(text[i + 1]) && text[i + 1] !== "(") break;
      i++;
    }
    if (isLetter(text[last])) return -1;
    if (digits >= 9 && digits <= 13) return last;
    if (hotline && digits >= 8) return last;
    if (lead && digits >= 6) return last;
    return -1;
  }

  private fullDate(p: number): Step | undefined {
    const m = this.match(FULL_DATE, p);
    if (!m) return undefined;
    const d = Number(m[1]);
    const mo = Number(m[3]);
    const y = Number(m[4]);
    if (!validDay(d, mo) || y < 1000 || y > 2199) return undefined;
    if (m[2] === "." && m[1]!.length === 3) return undefined;
    const start = this.groupStart(p, NGAY_BEFORE) ?? p;
    return this.date(start, FULL_DATE.lastIndex, this.ymd(y, mo, d));
  }

  /** "ngày 14-17/4" → --04-14/--04-17. */
  private dayRange(p: number): Step | undefined {
    const m = this.match(DAY_RANGE, p);
    if (!m) return undefined;
    const d1 = Number(m[1]);
    const d2 = Number(m[2]);
    const mo = Number(m[3]);
    if (!(d1 < d2) || !validDay(d1, mo) || !validDay(d2, mo)) return undefined;
    const y = m[4] ? Number(m[4]) : this.year;
    const start = this.groupStart(p, NGAY_BEFORE) ?? this.groupStart(p, FROM_YEAR_BEFORE) ?? p;
    return this.date(start, DAY_RANGE.lastIndex, `${this.ymd(y, mo, d1)}/${this.ymd(y, mo, d2)}`, "period");
  }

  private time(p: number): Step | undefined {
    let m = this.match(TIME_COLON, p);
    if (m) {
      const h = Number(m[1]);
      const min = Number(m[2]);
      if (h <= 24 && min < 60) {
        const start = this.groupStart(p, LUC_BEFORE) ?? p;
        return this.date(start, TIME_COLON.lastIndex, `${pad2(h)}:${pad2(min)}`, "time");
      }
      return undefined;
    }
    m = this.match(TIME_H, p);
    if (m) {
      const h = Number(m[1]);
      const min = m[2] ? Number(m[2]) : 0;
      if (h > 24 || min >= 60) return undefined;
      const b = this.before(p);
      if (!m[2] && DURATION_BEFORE.test(b)) {
        return { end: TIME_H.lastIndex, num: { kind: "number", subkind: "quantity", start: p, end: TIME_H.lastIndex, value: h, unit: "h" } };
      }
      const start = this.groupStart(p, TIME_H_LEAD_BEFORE) ?? p;
      return this.date(start, TIME_H.lastIndex, `${pad2(h)}:${pad2(min)}`, "time");
    }
    m = this.match(TIME_GIO, p);
    if (m) {
      const h = Number(m[1]);
      const min = m[2] ? Number(m[2]) : 0;
      if (h > 24 || min >= 60) return undefined;
      const after = this.lower.slice(TIME_GIO.lastIndex, TIME_GIO.lastIndex + 12);
      const b = this.before(p);
      const isTime = m[2] !== undefined || TIME_LEAD_BEFORE.test(b) || /^[ \t]*(?:sáng|trưa|chiều|tối|đêm|ngày|hôm|rạng)(?![\p{L}])/u.test(after);
      if (!isTime) return undefined;
      const start = this.groupStart(p, LUC_BEFORE) ?? p;
      return this.date(start, TIME_GIO.lastIndex, `${pad2(h)}:${pad2(min)}`, "time");
    }
    return undefined;
  }

  private quarterValue(q: number, y: number | undefined): string {
    const a = 3 * q - 2;
    const b = 3 * q;
    return y !== undefined ? `${y}-${pad2(a)}/${y}-${pad2(b)}` : `--${pad2(a)}/--${pad2(b)}`;
  }

  /** "quý 1/2021", "quý II năm 2021" → 2021-01/2021-03 (and 2021-04/2021-06). */
  private quarter(p: number): Step | undefined {
    const b = this.before(p);
    const roman = quarterRomanBefore(b);
    if (roman) {
      const y = this.match(YEAR4, p);
      if (!y) return undefined;
      const q = QUARTER_ROMAN.get(roman.numeral) ?? 0;
      if (!q) return undefined;
      const start = p - b.length + roman.index;
      return this.date(start, YEAR4.lastIndex, this.quarterValue(q, Number(y[1])), "period");
    }
    if (!QUY_BEFORE.test(b)) return undefined;
    const m = this.match(QUARTER, p);
    if (!m) return undefined;
    const q = Number(m[1]);
    if (q < 1 || q > 4) return undefined;
    const y = m[2] ?? m[3];
    const start = this.groupStart(p, QUY_BEFORE) ?? p;
    return this.date(start, QUARTER.lastIndex, this.quarterValue(q, y ? Number(y) : this.year), "period");
  }

  /** "tháng 7/2025", "7/2021" → 2025-07. */
  private monthYear(p: number): Step | undefined {
    const m = this.match(MONTH_YEAR, p);
    if (!m) return undefined;
    const mo = Number(m[1]);
    const y = Number(m[3]);
    if (mo < 1 || mo > 12 || y < 1000 || y > 2199) return undefined;
    const thang = this.groupStart(p, THANG_BEFORE);
    if (m[2] === "-" && thang === undefined) return undefined;
    return this.date(thang ?? p, MONTH_YEAR.lastIndex, `${y}-${pad2(mo)}`);
  }

  /** "16/3", "ngày 9/3", "ngày 24-1" → --03-16 (with the article's year when known). */
  private dayMonth(p: number): Step | undefined {
    const m = this.match(DAY_MONTH, p);
    if (!m) return undefined;
    const d = Number(m[1]);
    const mo = Number(m[3]);
    const b = this.before(p);
    const end = DAY_MONTH.lastIndex;
    if (m[2] === "-") {
      if (!DAY_PART_BEFORE.test(b) || !validDay(d, mo) || isLetter(this.text[end])) return undefined;
    } else {
      if (isLetter(this.text[end])) return undefined;
      if (!validDay(d, mo)) return this.fraction(p, d, mo, end);
      const dateLead = DATE_LEAD_BEFORE.test(b);
      if (!dateLead) {
        if (DATE_NAME_BEFORE.test(b)) return { end };
        if (d === 24 && mo === 7) return { end }; // "24/7": round the clock
        if (APPROX_BEFORE.test(b) || SHARE_BEFORE.test(b)) return this.fraction(p, d, mo, end);
        if (/^[ \t]+(?:số|dân số|tổng|diện tích|trong số|lượng|thời gian|trên tổng)(?![\p{L}])/u.test(this.lower.slice(end, end + 16)))
          return this.fraction(p, d, mo, end);
      }
    }
    const start = this.groupStart(p, NGAY_BEFORE) ?? p;
    return this.date(start, end, this.ymd(this.year, mo, d));
  }

  /** "hơn 1/3 dân số": a fraction, read as a quantity. */
  private fraction(p: number, a: number, b: number, end: number): Step {
    if (b === 0) return { end };
    const approx = this.approx(p);
    return { end, num: num("quantity", approx?.start ?? p, end, a / b, undefined, approx?.approx) };
  }

  /** "ngày 24 tháng 1 năm 2025", "tháng 7 năm 2025", "tháng 7", "ngày 14 và 15/4". */
  private wordedDate(p: number): Step | undefined {
    const ngay = this.groupStart(p, NGAY_BEFORE);
    if (ngay !== undefined) {
      let m = this.match(DAY_WORD_MONTH, p);
      if (m) {
        const d = Number(m[1]);
        const mo = Number(m[2]);
        if (!validDay(d, mo)) return { end: DAY_WORD_MONTH.lastIndex };
        const y = m[3] ? Number(m[3]) : this.year;
        return this.date(ngay, DAY_WORD_MONTH.lastIndex, this.ymd(y, mo, d));
      }
      m = this.match(DAY_BEFORE_DAY_MONTH, p);
      if (m) {
        const d = Number(m[1]);
        const d2 = Number(m[3]);
        const mo = Number(m[4]);
        const year = m[5] ? Number(m[5]) : this.year;
        const from = this.groupStart(ngay, FROM_BEFORE);
        if (from !== undefined && m[2] !== "," && m[2] !== "và" && d < d2 && validDay(d, mo) && validDay(d2, mo)) {
          // "từ ngày 14 đến 17/4": one period
          return this.date(from, DAY_BEFORE_DAY_MONTH.lastIndex, `${this.ymd(year, mo, d)}/${this.ymd(year, mo, d2)}`, "period");
        }
        if (validDay(d, mo)) {
          // "ngày 14 và 15/4": the first day takes the month written after it
          let e = p;
          while (isDigit(this.text[e])) e++;
          return this.date(ngay, e, this.ymd(year, mo, d));
        }
      }
      // "ngày 15" alone: a day of a month we do not know
      let e = p;
      while (isDigit(this.text[e])) e++;
      if (e - p <= 2 && !/^[ \t]*(?:ngày|tháng|năm|giờ|tuần)(?![\p{L}])/u.test(this.lower.slice(e, e + 8))) return { end: e };
      return undefined;
    }
    const thang = this.groupStart(p, THANG_BEFORE);
    if (thang !== undefined) {
      let e = p;
      while (isDigit(this.text[e])) e++;
      if (e - p > 2) return undefined;
      const mo = Number(this.text.slice(p, e));
      if (mo < 1 || mo > 12) return { end: e }; // "lương tháng 13"
      if (isLetter(this.text[e])) return undefined;
      const m = this.match(MONTH_WORD_YEAR, p);
      if (m) return this.date(thang, MONTH_WORD_YEAR.lastIndex, `${m[2]}-${pad2(mo)}`);
      return this.date(thang, e, `--${pad2(mo)}`);
    }
    return undefined;
  }

  /** "nhiệm kỳ 2023-2026", "giai đoạn 2021–2025", "từ năm 2021 đến năm 2025" → 2021/2025. */
  private yearRange(p: number): Step | undefined {
    let m = this.match(YEAR_RANGE, p);
    let end = YEAR_RANGE.lastIndex;
    let start: number | undefined;
    if (!m) {
      start = this.groupStart(p, FROM_YEAR_BEFORE);
      if (start === undefined) return undefined;
      m = this.match(YEAR_TO_YEAR, p);
      if (!m) return undefined;
      end = YEAR_TO_YEAR.lastIndex;
    }
    const y1 = Number(m[1]);
    const y2 = Number(m[m.length - 1]);
    if (y1 < 1000 || y2 > 2199 || y2 <= y1 || y2 - y1 > 200) return undefined;
    if (m[2] === "/" && y2 !== y1 + 1) return undefined; // "mùa giải 2001/2002", not "123/2021"
    start ??= this.groupStart(p, PERIOD_LEAD_BEFORE) ?? p;
    return this.date(start, end, `${y1}/${y2}`, "period");
  }

  /** "6 tháng cuối năm 2023" → 2023-07/2023-12; "6 tháng đầu năm" → the article's year. */
  private monthsOfYear(p: number): Step | undefined {
    const m = this.match(MONTHS_OF_YEAR, p);
    if (!m) return undefined;
    const n = Number(m[1]);
    if (n < 1 || n > 12) return undefined;
    const part = m[2];
    const yWord = m[4];
    if (!part && !m[3]) return undefined; // "6 tháng năm nay" is odd; "3 tháng năm 2021" has a year
    let y: number | undefined = m[3] ? Number(m[3]) : this.year;
    if (yWord && y !== undefined) {
      if (yWord === "qua" || yWord === "trước" || yWord === "ngoái") y -= yWord === "qua" ? 0 : 1;
      else if (yWord === "tới" || yWord === "sau") y += 1;
    }
    const a = part === "cuối" ? 13 - n : 1;
    const z = part === "cuối" ? 12 : n;
    const value = y !== undefined ? `${y}-${pad2(a)}/${y}-${pad2(z)}` : `--${pad2(a)}/--${pad2(z)}`;
    const approx = this.approx(p);
    const num: Num = { kind: "number", subkind: "period", start: approx?.start ?? p, end: MONTHS_OF_YEAR.lastIndex, value };
    return { end: num.end, num };
  }

  /** "năm 2023", "nửa đầu năm 2025", a bare "2025". */
  private year4(p: number): Step | undefined {
    const m = this.match(YEAR4, p);
    if (!m) return undefined;
    const y = Number(m[1]);
    const end = YEAR4.lastIndex;
    const b = this.before(p);
    const half = HALF_YEAR_BEFORE.exec(b);
    if (half && y >= 1000 && y <= 2199) {
      const start = p - b.length + half.index + (half[0].startsWith("n") ? 0 : 1);
      const value = half[1] === "đầu" ? `${y}-01/${y}-06` : `${y}-07/${y}-12`;
      return this.date(start, end, value, "period");
    }
    const nam = this.groupStart(p, NAM_BEFORE);
    if (nam !== undefined && y >= 1000 && y <= 2199) return this.date(nam, end, String(y));
    if (y < 1900 || y > 2099) return undefined;
    // a bare year, unless a counted noun follows ("2000 người")
    if (this.knownUnit(end)) return undefined;
    const c = this.text[end];
    if (c === "%" || c === "," && isDigit(this.text[end + 1])) return undefined;
    if (SCALE_RE.test(this.scaleProbe(end))) return undefined;
    if (this.approx(p)) return undefined;
    return this.date(p, end, String(y));
  }

  private scaleProbe(end: number): string {
    SCALE_RE.lastIndex = 0;
    return this.lower.slice(end, end + 12);
  }

  /** "lần thứ 4", "Kỳ họp thứ 6", "đợt 3"; not "Cách mạng công nghiệp lần thứ 4" nor "thứ 2" (Monday). */
  private ordinal(p: number): Step | undefined {
    const b = this.before(p);
    let e = p;
    while (isDigit(this.text[e])) e++;
    if (e - p > 3 || isAlnum(this.text[e]) || ((this.text[e] === "." || this.text[e] === ",") && isDigit(this.text[e + 1]))) return undefined;
    const n = Number(this.text.slice(p, e));
    const thu = this.groupStart(p, THU_BEFORE);
    if (thu !== undefined) {
      if (ORDINAL_NAME_BEFORE.test(b)) return { end: e };
      const noun = this.groupStart(p, ORDINAL_BEFORE);
      if (noun === undefined && n >= 2 && n <= 7) {
        if (WEEKDAY_BEFORE.test(b) || /^[ \t]*[,(][ \t]*(?:ngày[ \t]+)?\d/.test(this.lower.slice(e, e + 12))) return { end: e };
      }
      return { end: e, num: { kind: "number", subkind: "ordinal", start: noun ?? thu, end: e, value: n } };
    }
    const bare = this.groupStart(p, ORDINAL_BARE_BEFORE);
    if (bare !== undefined && !this.unitAt(e) && !SCALE_RE.test(this.scaleProbe(e))) {
      return { end: e, num: { kind: "number", subkind: "ordinal", start: bare, end: e, value: n } };
    }
    return undefined;
  }

  /** The qualifier right before `p`: "hơn 200", "gần 300"; not the comparative "cao hơn 5%". */
  private approx(p: number): { start: number; approx: Approx } | undefined {
    const b = this.before(p);
    const m = APPROX_BEFORE.exec(b);
    if (!m) return undefined;
    const word = m[1]!.replace(/[ \t]+/g, " ");
    if (word === "hơn" && COMPARATIVE_BEFORE.test(b)) return undefined;
    const approx = APPROX_BY_WORD.get(word);
    if (!approx) return undefined;
    return { start: p - b.length + m.index + m[0].lastIndexOf(m[1]!), approx };
  }

  /** A counted noun from the vocabulary right after `i` (after spaces), or undefined. */
  private knownUnit(i: number): { start: number; end: number } | undefined {
    let k = i;
    while (this.text[k] === " " && k - i < 2) k++;
    if (k === i) return undefined;
    // the first word must start a unit of the vocabulary (so must its first character)
    if (!UNIT_FIRST_CHARS.has(this.lower[k]!)) return undefined;
    WORD.lastIndex = k;
    const firstWord = WORD.exec(this.lower);
    if (!firstWord || !UNITS_BY_FIRST.has(firstWord[0])) return undefined;
    const words: { e: number; w: string }[] = [];
    let j = k;
    for (let n = 0; n < 6; n++) {
      WORD.lastIndex = j;
      const m = WORD.exec(this.lower);
      if (!m) break;
      j = WORD.lastIndex;
      words.push({ e: j, w: m[0] });
      if (this.lower[j] !== " " && this.lower[j] !== "-") break;
      j++;
    }
    const list = words.length ? UNITS_BY_FIRST.get(words[0]!.w) : undefined;
    if (!list) return undefined;
    for (const cand of list) {
      if (cand.length > words.length) continue;
      let same = true;
      for (let w = 0; w < cand.length && same; w++) same = words[w]!.w === cand[w];
      if (same) return { start: k, end: words[cand.length - 1]!.e };
    }
    return undefined;
  }

  /** The unit noun after `i`: a vocabulary entry, else one lower-case word that is no stop word. */
  private unitAt(i: number): { start: number; end: number } | undefined {
    const known = this.knownUnit(i);
    if (known) return known;
    let k = i;
    while (this.text[k] === " " && k - i < 2) k++;
    if (k === i) return undefined;
    WORD.lastIndex = k;
    const m = WORD.exec(this.lower);
    if (!m) return undefined;
    if (STOP_SET.has(m[0])) return undefined;
    if (GLUED_UNIT_SET.has(m[0])) return { start: k, end: WORD.lastIndex }; // "2 MP", "52,35 Mbps"
    if (isUpperChar(this.text[k])) return undefined;
    if (SCALE_WORDS.has(m[0])) return undefined;
    // Vietnamese nouns are mostly two syllables: "ứng viên", "nhân sự", "doanh nhân"
    const first = WORD.lastIndex;
    if (this.text[first] === " ") {
      WORD.lastIndex = first + 1;
      const second = WORD.exec(this.lower);
      if (second && second.index === first + 1 && !STOP_SET.has(second[0]) && !isUpperChar(this.text[first + 1]) && !UNITS_BY_FIRST.has(second[0]))
        return { start: k, end: WORD.lastIndex };
    }
    return { start: k, end: first };
  }

  /** A currency after `i` (after spaces): its span. `scaled` when a scale word came before. */
  private currencyAt(i: number, scaled: boolean): { start: number; end: number } | undefined {
    let k = i;
    while (this.text[k] === " " && k - i < 2) k++;
    if (k === i) return undefined;
    if (!isLetter(this.lower[k]) || !CURRENCY_FIRST.has(this.lower[k]!)) return undefined;
    // (an entry whose first letter is another cannot match here)
    for (const c of CURRENCIES_BY_FIRST.get(this.lower[k]!)!) {
      let j = k;
      let ok = true;
      for (let w = 0; w < c.words.length; w++) {
        const word = c.words[w]!;
        if (this.lower.startsWith(word, j) && !isLetter(this.lower[j + word.length])) {
          j += word.length;
          if (w < c.words.length - 1) {
            if (this.lower[j] !== " ") {
              ok = false;
              break;
            }
            j++;
          }
        } else {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (c.ambiguous && !scaled) {
        // "500 đồng", "500 đồng/kg" are money; "5 đồng chí", "2 đồng hồ" are not; "3 bảng" is a board
        if (c.words[0] !== "đồng") return undefined;
        WORD.lastIndex = this.text[j] === " " ? j + 1 : j;
        const next = this.text[j] === " " ? WORD.exec(this.lower) : null;
        if (next && next.index === j + 1 && DONG_COMPOUND_SET.has(next[0])) return undefined;
      }
      return { start: k, end: j };
    }
    return undefined;
  }

  /** Is the word before `p` a title-case word that does not start a sentence ("Đồng 1")? */
  private titleWordBefore(p: number): boolean {
    let i = p;
    while (i > 0 && p - i < 2 && this.text[i - 1] === " ") i--;
    if (i === p) return false;
    let j = i;
    while (j > 0 && i - j < 12 && isLetter(this.text[j - 1])) j--;
    if (j === i || !isUpperChar(this.text[j]) || (i - j > 1 && anyClass(this.text.slice(j + 1, i), C_UPPER))) return false;
    let k = j;
    while (k > 0 && j - k < 3 && this.text[k - 1] === " ") k--;
    const c = this.text[k - 1];
    return k > 0 && k < j && (isLetter(c) || c === ",");
  }

  /** Is the word before `p` a Latin-script name ("iPhone 12", "Windows 10", "Covid 19")? */
  private latinNameBefore(p: number): boolean {
    let i = p;
    while (i > 0 && p - i < 2 && this.text[i - 1] === " ") i--;
    if (i === p) return false;
    let j = i;
    while (j > 0 && i - j < 20 && isAsciiLetter(this.text.charCodeAt(j - 1))) j--;
    if (i - j < 2 || isLetter(this.text[j - 1])) return false;
    const word = this.text.slice(j, i);
    return /[A-Z]/.test(word) && !/^[A-Z]+$/.test(word) && !VI_SYLLABLE.test(word.toLowerCase());
  }

  /** A number with its scale, unit and qualifier: quantities, money and percents. */
  private plain(p: number): Step {
    const text = this.text;
    let raw: string | undefined;
    let end = p;
    let q = p;
    while (isDigit(text[q])) q++;
    if (q > p && text[q] !== "." && text[q] !== ",") {
      // every other form needs a "." or a "," after its first digits: only NUM_INT matches
      raw = text.slice(p, q);
      end = q;
    } else {
      for (const re of NUMBER_FORMS) {
        re.lastIndex = p;
        const m = re.exec(text);
        if (m) {
          raw = m[0];
          end = re.lastIndex;
          break;
        }
      }
    }
    if (raw === undefined) return { end: p + 1 };
    if (/^\d+\.0$/.test(raw)) return { end }; // "4.0", "2.0": versions and names
    // a symbol the document rules did not take: "123/GP-BTTTT", "3-CT"
    if ((text[end] === "/" || text[end] === "-") && isUpperChar(text[end + 1])) return { end: this.codeEnd(p) };
    if (/^\d+\.\d{1,2}$/.test(raw) && VERSION_BEFORE.test(this.before(p))) return { end };
    let value = parseVietnameseNumber(raw);
    if (!Number.isFinite(value)) return { end };

    // glued unit or name: "5km", "100m2", "4G", "5K"
    if (isLetter(text[end])) {
      let e = end;
      while (isAlnum(text[e]) && e - end < 8) e++;
      const suffix = text.slice(end, e);
      if (isAlnum(text[e]) || !GLUED_UNIT_SET.has(suffix.toLowerCase())) return { end: this.codeEnd(p) };
      const approx = this.approx(p);
      const money = /^(?:đ|usd|vnd|vnđ)$/i.test(suffix);
      return { end: e, num: num(money ? "money" : "quantity", approx?.start ?? p, e, value, suffix, approx?.approx) };
    }

    // a name before it: "iPhone 12", "Windows 10", "Covid 19"
    if (this.latinNameBefore(p)) return { end: this.codeEnd(p) };

    // a range: "2-3%", "10-15 người" (the lower bound is the value)
    RANGE_TAIL.lastIndex = end;
    if (dashAfterSpaces(text, end) && RANGE_TAIL.exec(text)) {
      RANGE_END.lastIndex = RANGE_TAIL.lastIndex;
      const m2 = RANGE_END.exec(text);
      const after = text[RANGE_END.lastIndex];
      if (m2 && !isLetter(after) && after !== "/" && after !== "-") end = RANGE_END.lastIndex;
    }

    // scale words: "14,5 triệu", "2 nghìn tỷ", "1 tỷ 200 triệu"
    let scaled = false;
    let total = 0;
    let group = value;
    let scale = 1;
    for (let k = 0; k < 8; k++) {
      SCALE_RE.lastIndex = end;
      const s = isSpaceOrTab(this.lower, end) ? SCALE_RE.exec(this.lower) : null; // SCALE_RE starts with [ \t]+
      if (s) {
        const f = SCALE_WORDS.get(s[1]!) ?? 1;
        group *= f;
        scale *= f;
        end = SCALE_RE.lastIndex;
        scaled = true;
        continue;
      }
      if (!scaled) break;
      // "1 tỷ 200 triệu": a further number with a smaller scale adds on
      SCALE_MORE.lastIndex = end;
      const mm = SCALE_MORE.exec(text);
      if (!mm) break;
      SCALE_RE.lastIndex = SCALE_MORE.lastIndex;
      const s2 = SCALE_RE.exec(this.lower);
      if (!s2) break;
      const f2 = SCALE_WORDS.get(s2[1]!) ?? 1;
      if (f2 >= scale) break;
      total += group;
      group = parseVietnameseNumber(mm[1]!) * f2;
      scale = f2;
      end = SCALE_RE.lastIndex;
    }
    value = total + group;

    const approx = this.approx(p);
    const start = approx?.start ?? p;
    const make = (subkind: NumberSubkind, e: number, unit?: string): Step => ({ end: e, num: num(subkind, start, e, value, unit, approx?.approx) });

    // both start with spaces or "%": "điểm phần trăm", "phần trăm", "%"
    let k = end;
    while (isSpaceOrTab(this.lower, k)) k++;
    const afterSpaces = this.lower[k];
    POINT_PERCENT_RE.lastIndex = end;
    if (afterSpaces === "đ" && POINT_PERCENT_RE.exec(this.lower)) {
      const e = POINT_PERCENT_RE.lastIndex;
      return make("percent", e, "điểm phần trăm");
    }
    PERCENT_RE.lastIndex = end;
    if ((afterSpaces === "%" || afterSpaces === "p") && PERCENT_RE.exec(this.lower)) {
      let e = PERCENT_RE.lastIndex;
      PER_UNIT_RE.lastIndex = e;
      if (PER_UNIT_RE.exec(this.lower)) e = PER_UNIT_RE.lastIndex;
      return make("percent", e, "%");
    }
    const cur = this.currencyAt(end, scaled);
    if (cur) {
      let e = cur.end;
      PER_UNIT_RE.lastIndex = e;
      if (PER_UNIT_RE.exec(this.lower)) e = PER_UNIT_RE.lastIndex;
      return make("money", e, written(this.nt, cur.start, cur.end));
    }
    const unit = this.unitAt(end);
    if (unit) {
      return make("quantity", unit.end, written(this.nt, unit.start, unit.end));
    }
    // a bare number after a capitalised word inside a sentence ends a name: "Nhi Đồng 1",
    // "Hội nghị Trung ương 8", "Top 100"
    if (!scaled && !approx && this.titleWordBefore(p)) return { end };
    return make("quantity", end);
  }
}

function quarterRomanBefore(b: string): { numeral: string; index: number } | undefined {
  const m = QUY_ROMAN_BEFORE.exec(b);
  if (!m) return undefined;
  return { numeral: m[1]!, index: m.index + m[0].indexOf("quý") };
}

export function findNumbers(
  nt: NormalizedText,
  options: ExtractOptions = {},
  documents: Draft<DocumentAnnotation>[] = [],
): Draft<NumberAnnotation>[] {
  if (!nt.text) return [];
  return new NumberScanner(nt, options, documents).run();
}

// Documents: a legal or Party document made specific by its number and symbol ("Chỉ thị số
// 15-CT/TW", "Nghị định 13/2023/NĐ-CP", "Chỉ thị 15") or by its issuer ("Chương trình hành động
// của Chính phủ"). A symbol alone ("theo 15-CT/TW") is a document too.
//
// Everything runs on the normalised text in one left-to-right pass per rule; symbols are read by a
// small hand-written scanner with bounded segment counts and lengths, so no input can make it
// backtrack (a line of a million digits, slashes or dashes is read once).
import { DOCUMENT_TYPES, ISSUER_CODES, ISSUER_NAMES, SYMBOL_TYPE_CODES, type DocumentType } from "./data/document-types";
import { isLetterChar, isLowerChar, isUpperChar } from "./chars";
import { written, type NormalizedText } from "./text";
import type { DocumentAnnotation, Draft, ExtractOptions } from "./types";

type Doc = Draft<DocumentAnnotation>;

const MAX_SEGMENTS = 6;
const MAX_SEGMENT_LENGTH = 16;
const MAX_NUMBER_DIGITS = 6;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isLetter = isLetterChar;
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isLetterChar(c);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A phrase as a regex source: words separated by any run of spaces. */
function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map(escapeRe)
    .join("[ \\t]+");
}

const TYPES_BY_LOWER = new Map<string, DocumentType>(DOCUMENT_TYPES.map((t) => [t.name.toLowerCase(), t]));

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

/**
 * A regex source matching any of `phrases` (lower case), built as a trie so the engine picks a
 * branch by its first letter instead of trying every phrase at every position; a run of spaces
 * matches the space between words, and the longest phrase wins.
 */
function trieSource(phrases: readonly string[]): string {
  const root: Trie = { end: false, next: new Map() };
  for (const phrase of phrases) {
    let node = root;
    for (const ch of phrase.trim().toLowerCase().replace(/\s+/g, " ")) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Trie): string => {
    const branches = [...node.next].map(([ch, child]) => (ch === " " ? "[ \\t]+" : escapeRe(ch)) + emit(child));
    if (branches.length === 0) return "";
    const group = branches.length === 1 ? branches[0]! : `(?:${branches.join("|")})`;
    return node.end ? `(?:${group})?` : group;
  };
  return emit(root);
}

const TYPE_WORD = new RegExp(trieSource(DOCUMENT_TYPES.map((t) => t.name)), "u");

/** Type words; the caller checks the word boundary before a match (a look-behind here is slow). */
const TYPE_RE = new RegExp(`${trieSource(DOCUMENT_TYPES.map((t) => t.name))}(?![\\p{L}\\p{N}])`, "gu");

interface Issuer {
  readonly lower: string;
  readonly words: string;
  /** Takes the capitalised words after it as part of the name. */
  readonly open: boolean;
}

const ISSUERS: readonly Issuer[] = [...new Set([...ISSUER_NAMES, ...ISSUER_CODES.values()])]
  .sort((a, b) => b.trim().length - a.trim().length)
  .map((n) => ({ lower: n.trim().toLowerCase(), words: n.trim(), open: n.endsWith(" ") }));

const ISSUER_RE = new RegExp(`(?:${ISSUERS.map((i) => phraseSource(i.lower)).join("|")})(?![\\p{L}\\p{N}])`, "uy");

/** Words that end an open issuer name: "của Bộ Y tế về việc …", "UBND tỉnh Cao Bằng ban hành". */
const ISSUER_STOP = new Set([
  "về",
  "của",
  "ngày",
  "số",
  "đã",
  "được",
  "ban",
  "quy",
  "hướng",
  "tại",
  "trong",
  "cho",
  "với",
  "thì",
  "là",
  "nhằm",
  "theo",
  "để",
  "khi",
  "do",
  "đến",
  "từ",
  "sẽ",
  "đang",
  "vừa",
  "có",
  "không",
  "này",
  "đó",
  "nêu",
  "yêu",
  "như",
  "cũng",
  "mà",
  "nên",
  "vào",
  "ra",
  "bằng",
  "trên",
  "sau",
  "trước",
  "hoặc",
  "hay",
  "các",
  "những",
]);

/** Lower-case words that may sit inside an issuer's name after its head: "UBND tỉnh Cao Bằng". */
const ISSUER_INNER = new Set(["tỉnh", "thành", "phố", "tp", "tp.", "huyện", "quận", "thị", "xã", "phường", "và", "lần", "thứ", "khóa"]);

/** Words after a bare number that still leave it a document number: "Chỉ thị 15 của …". */
const BARE_FOLLOWERS = new Set([
  "của",
  "về",
  "ngày",
  "và",
  "hoặc",
  "đã",
  "được",
  "do",
  "này",
  "có",
  "là",
  "cũng",
  "thì",
  "mà",
  "trong",
  "với",
  "tại",
  "sẽ",
  "đang",
  "vừa",
  "nêu",
  "yêu",
  "quy",
  "hướng",
  "ban",
  "nhằm",
  "để",
  "sửa",
  "bổ",
  "thay",
  "năm",
  "không",
  "chưa",
  "cho",
  "khi",
  "vẫn",
  "còn",
  "nói",
  "trên",
  "đề",
  "ký",
  "phê",
  "chỉ",
  "nay",
  "như",
  "thông",
  "liên",
  "gồm",
  "bao",
  "áp",
  "đối",
  "hết",
  "qua",
  "ra",
]);

/** Words before a type that make the mention generic: "các nghị quyết của Quốc hội". */
const PLURAL_BEFORE = /(?:(?:^|[^\p{L}])(?:các|những|nhiều|một số|mọi|số|loạt|hai|ba|bốn|năm)|\d)[ \t]+$/u;

interface Code {
  start: number;
  end: number;
  /** Letter segments of the symbol, upper case: ["NQ", "TW"]. */
  letters: string[];
  /** Digit segments after the number: ["2023"]. */
  digits: string[];
}

/** Reads one symbol segment at `i`: "NĐ", "TTg", "QĐi", "GDTrH", "2023", "QH12"; -1 when none. */
function readSegment(s: string, i: number): number {
  const start = i;
  while (i < s.length && i - start <= MAX_SEGMENT_LENGTH) {
    const c = s[i]!;
    if (isDigit(c) || c === "&" || isUpperChar(c)) {
      i++;
    } else if (c >= "a" && c <= "z" && i > start && !isLowerChar(s[i + 1])) {
      // one lower-case letter inside a code ("TTg", "QĐi", "GDTrH"), not a glued word ("BGDĐTvề")
      i++;
    } else break;
  }
  if (i === start || i - start > MAX_SEGMENT_LENGTH) return -1;
  if (s[start] === "&" || s[i - 1] === "&") return -1;
  return i;
}

/**
 * Reads a number and its symbol at `p` (a digit): "15-CT/TW", "13/2023/NĐ-CP", "73/TTg-CN",
 * "17 / 2008 / QH12", "15". Returns undefined when the digits are too long to be a number.
 */
function readCode(s: string, p: number): Code | undefined {
  let i = p;
  while (i < s.length && isDigit(s[i]) && i - p <= MAX_NUMBER_DIGITS) i++;
  if (i - p > MAX_NUMBER_DIGITS) return undefined;
  const code: Code = { start: p, end: i, letters: [], digits: [] };
  for (let k = 0; k < MAX_SEGMENTS; k++) {
    let j = code.end;
    let spaced = false;
    while (s[j] === " " && j - code.end < 2) {
      j++;
      spaced = true;
    }
    const sep = s[j];
    if (sep !== "/" && sep !== "-") break;
    j++;
    while (s[j] === " " && j - code.end < 5) {
      j++;
      spaced = true;
    }
    const end = readSegment(s, j);
    if (end < 0) break;
    const seg = s.slice(j, end);
    const hasLetter = /\p{L}/u.test(seg);
    if (!hasLetter && !/^\d{4}$/.test(seg)) break; // "6/3" is a date, "2-3" a range
    if (!hasLetter && isDigit(s[end])) break;
    if (spaced && !hasLetter && sep !== "/") break;
    if (isLetter(s[end]) && !hasLetter) break;
    code.end = end;
    if (hasLetter) code.letters.push(seg.toUpperCase());
    else code.digits.push(seg);
  }
  return code;
}

/** A symbol ends where a word may start, even a word glued to it ("…/TT-BGDĐTvề"). */
function codeEnds(s: string, code: Code): boolean {
  const c = s[code.end];
  if (!isAlnum(c)) return true;
  return code.letters.length > 0 && isLowerChar(c);
}

function lookup<V>(table: ReadonlyMap<string, V>, key: string): V | undefined {
  return table.get(key) ?? table.get(key.replace(/D/g, "Đ"));
}

/** The document type a symbol names: "CT" → Chỉ thị; a công văn has no type code ("73/TTg-CN"). */
function typeOfSymbol(code: Code): string | undefined {
  for (const seg of code.letters) {
    for (const part of seg.split(/[-&]/)) {
      const t = lookup(SYMBOL_TYPE_CODES, part);
      if (t) return t;
    }
  }
  const first = code.letters[0]?.split("-")[0];
  if (first && lookup(ISSUER_CODES, first.replace(/\d+$/, ""))) return "Công văn";
  return undefined;
}

/**
 * The issuer a symbol names: "NĐ-CP" → Chính phủ, "QH12" → Quốc hội, "TTLT-BNG-BTC" → both
 * ministries; "TW" names none.
 */
function issuerOfSymbol(code: Code): string | undefined {
  const found: string[] = [];
  for (const seg of code.letters) {
    for (const part of seg.split(/[-&]/)) {
      const issuer = lookup(ISSUER_CODES, part.replace(/\d+$/, ""));
      if (issuer && !found.includes(issuer)) found.push(issuer);
    }
  }
  return found.length ? found.join(", ") : undefined;
}

function skipSpaces(s: string, i: number, max = 3): number {
  const start = i;
  while ((s[i] === " " || s[i] === "\t") && i - start < max) i++;
  return i;
}

/** The word at `i` (letters only), lower case, or "" when none starts there. */
function wordAt(lower: string, i: number): string {
  let j = i;
  while (j < lower.length && isLetter(lower[j]) && j - i < 20) j++;
  return lower.slice(i, j);
}

const NUMERIC_DATE = /(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{4})(?!\d)/y;
const WORDED_DATE = /(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})[ \t]*(?:,[ \t]*)?năm[ \t]+(\d{4})(?!\d)/y;
const DATE_LEAD = /[ \t]*,?[ \t]*(?:(?:được[ \t]+|đã[ \t]+)?ban[ \t]+hành[ \t]+)?(?:vào[ \t]+)?(?:ngày|ngay)[ \t]+/y;

function isoDate(y: string, m: string, d: string): string | undefined {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "ngày 24/01/2025" (or ", ban hành ngày 24 tháng 1 năm 2025") at `i`: its ISO date and end. */
function readIssueDate(nt: NormalizedText, i: number): { date: string; end: number } | undefined {
  DATE_LEAD.lastIndex = i;
  const lead = DATE_LEAD.exec(nt.lower);
  if (!lead) return undefined;
  const at = DATE_LEAD.lastIndex;
  NUMERIC_DATE.lastIndex = at;
  const m = NUMERIC_DATE.exec(nt.lower);
  if (m) {
    const date = isoDate(m[4]!, m[3]!, m[1]!);
    return date ? { date, end: NUMERIC_DATE.lastIndex } : undefined;
  }
  WORDED_DATE.lastIndex = at;
  const w = WORDED_DATE.exec(nt.lower);
  if (w) {
    const date = isoDate(w[3]!, w[2]!, w[1]!);
    return date ? { date, end: WORDED_DATE.lastIndex } : undefined;
  }
  return undefined;
}

/** An issuer name at `i` (no "của" before it): its span in the text. */
function readIssuerName(nt: NormalizedText, i: number): { start: number; end: number } | undefined {
  ISSUER_RE.lastIndex = i;
  const m = ISSUER_RE.exec(nt.lower);
  if (!m) return undefined;
  const issuer = ISSUERS.find((x) => x.lower === m[0].replace(/[ \t]+/g, " "));
  let end = i + m[0].length;
  if (issuer?.open) {
    // the name goes on: capitalised words, codes such as "GD-ĐT", the lower-case syllable of a
    // title-case word ("Y tế", "Giáo dục"), the inner words of a place ("tỉnh", "và")
    const tokens: { e: number; w: string; cap: boolean; title: boolean }[] = [];
    let j = end;
    while (tokens.length < 10) {
      const k = skipSpaces(nt.text, j, 2);
      if (k === j) break;
      let e = k;
      while (
        e < nt.text.length &&
        (isAlnum(nt.text[e]) || ((nt.text[e] === "-" || nt.text[e] === "&") && isAlnum(nt.text[e + 1]))) &&
        e - k < 24
      )
        e++;
      if (e === k) break;
      const raw = nt.text.slice(k, e);
      const cap = isUpperChar(raw[0]) || isDigit(raw[0]);
      tokens.push({ e, w: nt.lower.slice(k, e), cap, title: cap && raw.length > 1 && raw.slice(1) === nt.lower.slice(k + 1, e) });
      j = e;
    }
    let lastGood = -1;
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t]!;
      if (!tok.cap && ISSUER_STOP.has(tok.w)) break;
      const next = tokens[t + 1];
      if (tok.cap) {
        lastGood = tok.e;
        // "Y tế", "Giáo dục"; not after a run of capitals, which is a place ("Cao Bằng phê duyệt")
        const afterCap = t > 0 && tokens[t - 1]!.cap;
        if ((tok.title || tok.w.length === 1) && !afterCap && next && !next.cap && !ISSUER_STOP.has(next.w) && !ISSUER_INNER.has(next.w)) {
          lastGood = next.e;
          t++;
        }
      } else if (ISSUER_INNER.has(tok.w)) {
        if ((tok.w === "phố" || tok.w === "xã") && lastGood >= 0 && tokens[t - 1]?.cap) lastGood = tok.e;
        else if (!next?.cap) break;
      } else break;
    }
    if (lastGood < 0) return undefined; // "Bộ" alone is no issuer
    end = lastGood;
  }
  return { start: i, end };
}

const OF_ISSUER = /[ \t]*,?[ \t]*(?:của|do)[ \t]+/y;

/** "của Ban Bí thư" at `i`: the issuer's span. */
function readOfIssuer(nt: NormalizedText, i: number): { start: number; end: number } | undefined {
  OF_ISSUER.lastIndex = i;
  if (!OF_ISSUER.exec(nt.lower)) return undefined;
  return readIssuerName(nt, OF_ISSUER.lastIndex);
}

const ISSUER_BEFORE =
  /(ban bí thư|bộ chính trị|chính phủ|thủ tướng chính phủ|thủ tướng|quốc hội|ủy ban thường vụ quốc hội|chủ tịch nước)[ \t]+(?:(?:vừa|đã|mới)[ \t]+)?(?:ký[ \t]+)?(?:ban[ \t]+hành|thông[ \t]+qua|ký)[ \t]+$/u;

/** The issuer written just before a type: "Bộ Chính trị ban hành Nghị quyết …". */
function issuerBefore(nt: NormalizedText, typeStart: number): string | undefined {
  const from = Math.max(0, typeStart - 60);
  const m = ISSUER_BEFORE.exec(nt.lower.slice(from, typeStart));
  if (!m) return undefined;
  const s = from + m.index;
  return written(nt, s, s + m[1]!.length);
}

/** Is the bare number ending at `end` a document number ("Chỉ thị 15 của …"), not a count? */
function bareNumberEnds(nt: NormalizedText, end: number): boolean {
  const c = nt.text[end];
  if (c === undefined) return true;
  if (isAlnum(c)) return false; // "5K", "100m"
  if (c === "%" || c === "," && isDigit(nt.text[end + 1]) || c === "." && isDigit(nt.text[end + 1])) return false;
  const k = skipSpaces(nt.text, end, 3);
  const next = nt.text[k];
  if (next === undefined || !isLetter(next)) return !isDigit(next);
  if (k === end) return false;
  if (isUpperChar(next)) return true;
  const w = wordAt(nt.lower, k);
  if (w === "năm") return /^năm[ \t]+\d{4}(?!\d)/.test(nt.lower.slice(k, k + 12));
  return BARE_FOLLOWERS.has(w);
}

function capitalised(nt: NormalizedText, i: number): boolean {
  return isUpperChar(nt.text[i]);
}

const NUMBER_LEAD = /[ \t]*(?:(số|no\.?)[ \t]*:?[ \t]*)?/y;
const NAMED_LEAD = /[ \t]+((?:[^\s\d.,;:!?()"“”]+[ \t]+){1,8}?)số[ \t]*:?[ \t]*/uy;
/** Types that carry a name before their number: "Luật Trồng trọt số 31/2018/QH14". */
const NAMED_TYPES = new Set(["luật", "bộ luật", "pháp lệnh", "hiệp định", "công ước", "hiến pháp", "nghị định thư"]);
/** Words that cannot sit in such a name: "quy định trong Nghị định số …" names no law. */
const NOT_IN_NAME = /(?:^|[ \t])(?:tại|trong|của|theo|được|về|và|với|cho|do|đã|là|có|thì|ở|từ|đến|gửi|kèm)(?=[ \t])/u;
const PLENUM = /[ \t]+(?:(?:lần[ \t]+)?thứ[ \t]+)?(?:\d{1,2}|[IVXL]{1,6})(?![\p{L}\p{N}])/uy;
const LIST_LEAD = /[ \t]*(?:,|;|và|hoặc|và số)[ \t]*(?:số[ \t]*)?/y;

function buildDoc(
  nt: NormalizedText,
  start: number,
  docType: string,
  code: Code | undefined,
  spanEnd: number,
  after: number,
  fallbackIssuer?: string,
): Doc {
  const doc: Doc = { kind: "directive", subkind: "document", start, end: spanEnd, docType };
  if (code) doc.code = written(nt, code.start, code.end);
  let issuerAt = after;
  const date = readIssueDate(nt, after);
  if (date) {
    doc.date = date.date;
    issuerAt = date.end;
  }
  const issuer = readOfIssuer(nt, issuerAt);
  if (issuer) {
    doc.issuer = written(nt, issuer.start, issuer.end);
    // "Chỉ thị 15 của Ban Bí thư": the issuer right after the code belongs to the span
    if (!date) doc.end = issuer.end;
  } else {
    const fromSymbol = code ? issuerOfSymbol(code) : undefined;
    const issuerText = fromSymbol ?? fallbackIssuer;
    if (issuerText) doc.issuer = issuerText;
  }
  return doc;
}

export function findDocuments(nt: NormalizedText, _options: ExtractOptions = {}): Draft<DocumentAnnotation>[] {
  const text = nt.text;
  const lower = nt.lower;
  const found: Doc[] = [];

  // 1. A type word and what makes it specific.
  TYPE_RE.lastIndex = 0;
  for (let m = TYPE_RE.exec(lower); m; m = TYPE_RE.exec(lower)) {
    const ts = m.index;
    if (isAlnum(lower[ts - 1])) {
      TYPE_RE.lastIndex = ts + 1;
      continue;
    }
    const te = ts + m[0].length;
    const type = TYPES_BY_LOWER.get(m[0].replace(/[ \t]+/g, " "));
    if (!type) continue;
    const docType = written(nt, ts, te);
    const before = issuerBefore(nt, ts);

    // "Chỉ thị số 15-CT/TW", "Nghị định 100", "Quyết định số: 123/QĐ-TTg"
    NUMBER_LEAD.lastIndex = te;
    const lead = NUMBER_LEAD.exec(lower);
    let at = NUMBER_LEAD.lastIndex;
    let code: Code | undefined;
    if (lead && isDigit(text[at]) && (at > te || !isAlnum(text[te]))) {
      const hasSo = lead[1] !== undefined;
      const c = readCode(text, at);
      if (c) {
        const full = c.letters.length > 0 || c.digits.length > 0;
        if (full && codeEnds(text, c)) code = c;
        else if (!full && (type.bareNumber || hasSo) && bareNumberEnds(nt, c.end)) {
          if (hasSo || capitalised(nt, ts) || /^[ \t]*(?:của|về|ngày|,|\.|;)/.test(lower.slice(c.end, c.end + 6))) code = c;
        }
      }
    }
    // "Luật Ban hành văn bản quy phạm pháp luật số 17/2008/QH12"
    if (!code && NAMED_TYPES.has(type.name.toLowerCase())) {
      NAMED_LEAD.lastIndex = te;
      const named = NAMED_LEAD.exec(lower);
      if (named && !NOT_IN_NAME.test(` ${named[1]}`) && !TYPE_WORD.test(named[1]!)) {
        at = NAMED_LEAD.lastIndex;
        if (isDigit(text[at])) {
          const c = readCode(text, at);
          if (c && c.letters.length > 0 && codeEnds(text, c)) code = c;
        }
      }
    }
    if (code) {
      const doc = buildDoc(nt, ts, docType, code, code.end, code.end, before);
      found.push(doc);
      TYPE_RE.lastIndex = Math.max(TYPE_RE.lastIndex, doc.end);
      // "Nghị định 15/2018/NĐ-CP và 74/2018/NĐ-CP", "Chỉ thị 15, 16 của Thủ tướng"
      let last = code;
      for (let k = 0; k < 8; k++) {
        LIST_LEAD.lastIndex = last.end;
        if (!LIST_LEAD.exec(lower)) break;
        const p = LIST_LEAD.lastIndex;
        if (!isDigit(text[p])) break;
        const c = readCode(text, p);
        if (!c || isAlnum(text[c.end])) break;
        const full = c.letters.length > 0 || c.digits.length > 0;
        const wasFull = last.letters.length > 0 || last.digits.length > 0;
        if (full !== wasFull) break;
        if (!full && !bareNumberEnds(nt, c.end)) break;
        const next = buildDoc(nt, c.start, docType, c, c.end, c.end, before);
        found.push(next);
        TYPE_RE.lastIndex = Math.max(TYPE_RE.lastIndex, next.end);
        last = c;
      }
      // the first document of a list shares the issuer written after the last one
      continue;
    }

    // "Chương trình hành động của Chính phủ", "nghị quyết của Quốc hội", "Nghị quyết Trung ương 4"
    if (type.byIssuer && !PLURAL_BEFORE.test(lower.slice(Math.max(0, ts - 12), ts))) {
      let issuer = readOfIssuer(nt, te);
      if (!issuer) {
        const k = skipSpaces(text, te, 2);
        if (k > te && isUpperChar(text[k])) issuer = readIssuerName(nt, k);
      }
      if (issuer) {
        // a plenum or congress number after the issuer is part of it: "Trung ương 4", "Đại hội XIII"
        PLENUM.lastIndex = issuer.end;
        if (PLENUM.exec(text)) issuer = { start: issuer.start, end: PLENUM.lastIndex };
        const end = issuer.end;
        const doc: Doc = {
          kind: "directive",
          subkind: "document",
          start: ts,
          end,
          docType,
          issuer: written(nt, issuer.start, issuer.end),
        };
        const date = readIssueDate(nt, end);
        if (date) doc.date = date.date;
        found.push(doc);
        TYPE_RE.lastIndex = Math.max(TYPE_RE.lastIndex, end);
      }
    }
  }

  // 2. A full symbol with no type word before it: "theo 15-CT/TW", "và 74/2018/NĐ-CP".
  const taken = found.map((d) => [d.start, d.end] as const).sort((a, b) => a[0] - b[0]);
  const DIGIT = /\d/g;
  let t = 0;
  while (DIGIT.test(text)) {
    const p = DIGIT.lastIndex - 1;
    let q = p;
    while (isDigit(text[q])) q++;
    DIGIT.lastIndex = q;
    if (isLetter(text[p - 1]) || text[p - 1] === "." || text[p - 1] === ",") continue;
    if (isDigit(text[p - 1])) continue;
    if (text[q] !== "/" && text[q] !== "-" && text[q] !== " ") continue;
    while (t < taken.length && taken[t]![1] <= p) t++;
    if (t < taken.length && taken[t]![0] <= p) continue;
    const c = readCode(text, p);
    if (!c || c.letters.length === 0 || !codeEnds(text, c)) continue;
    if (!c.letters.some((seg) => /\p{Lu}.*\p{Lu}/u.test(seg) || seg.length === 1)) continue;
    const docType = typeOfSymbol(c);
    if (!docType) continue;
    // a symbol needs its separators: "15-CT/TW" has both kinds, "13/2023/NĐ-CP" too, "73/TTg-CN"
    const raw = text.slice(c.start, c.end);
    if (!/\//.test(raw) || !/-/.test(raw)) continue;
    let start = c.start;
    const so = /(?:^|[^\p{L}])(số[ \t]*:?[ \t]*)$/u.exec(lower.slice(Math.max(0, p - 8), p));
    if (so) start = p - so[1]!.length;
    found.push(buildDoc(nt, start, docType, c, c.end, c.end));
    DIGIT.lastIndex = Math.max(DIGIT.lastIndex, c.end);
  }

  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Doc[] = [];
  let lastEnd = -1;
  for (const d of found) {
    if (d.start < lastEnd) continue;
    out.push(d);
    lastEnd = d.end;
  }
  return out;
}

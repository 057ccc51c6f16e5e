// Leaders: named officials with their titles (ENTITIES.md §1).
//
// The text is scanned once, token by token (see ./sentences.ts). At each token:
//  1. an honorific (đồng chí, ông, bà, ngài, cố) may open the mention;
//  2. a title phrase: a chain of title heads ("Phó Thủ tướng Chính phủ, Bộ trưởng Bộ Ngoại giao")
//     each followed by its office ("Bộ Ngoại giao", "UBND tỉnh Quảng Nam", "Việt Nam tại Hoa Kỳ"),
//     and then a personal name: Vietnamese (2–4 capitalised syllables from a family name) or
//     foreign (Latin script, or after a country);
//  3. or a name first, its title after it: "đồng chí Nguyễn Thế Giang, Tỉnh ủy viên, Phó Chủ tịch
//     UBND tỉnh", "ông Poshitha Perera, Đại sứ Sri Lanka tại Việt Nam".
// A second pass finds later mentions of the names found with a title ("Phạm Văn Đồng" alone),
// and bare titles used as a subject ("Thủ tướng nhấn mạnh") are resolved to the person last named
// with that title. Every loop is bounded by a small constant per token: linear time.
import { COUNTRIES, INTERNATIONAL_BODIES, LOCAL_UNITS, NOT_AUTHORITY_UNITS, OFFICES, PLACES_ONLY_AFTER_UNIT, PROVINCES, PROVINCE_UNITS, SECTORS, UNIT_NOUNS, OFFICE_CONNECTORS, OFFICE_STOPWORDS } from "./data/offices";
import { HONORIFICS, NOT_PERSON_BEFORE, OFFICIAL_HONORIFICS } from "./data/honorifics";
import { COMMON_FAMILY_NAMES, NOT_FOREIGN_NAME_WORDS, NOT_NAME_SYLLABLES, OTHER_FAMILY_NAMES } from "./data/names";
import { DEGREES, HEAD_COMPLEMENT_WORDS, HEADS_NEEDING_OFFICE, SUBJECT_ADVERBS, SUBJECT_VERBS, TITLE_HEADS, TITLE_MODIFIERS } from "./data/titles";
import { C_LETTER, C_NUMBER, charClass, firstClass } from "./chars";
import { Lexicon, anyOfBits, firstWordBit, isCapitalised, isTitleCase, mayStart, phraseTokens, startsUpper, tokenize, wordSet, type Token } from "./sentences";
import { normalizeText, written, type NormalizedText } from "./text";
import type { Draft, ExtractOptions, LeaderAnnotation } from "./types";

// ---- vocabularies -------------------------------------------------------------------------

type PlaceKind = "office" | "sector" | "country" | "province" | "afterUnitPlace" | "provinceUnit" | "localUnit" | "unit" | "headWord";

const PLACES = new Lexicon<PlaceKind>()
  .add(OFFICES, "office")
  .add(SECTORS.map((s) => `Bộ ${s}`), "office")
  .add(SECTORS, "sector")
  .add(COUNTRIES, "country")
  .add(INTERNATIONAL_BODIES, "country")
  .add(PROVINCES.filter((p) => !PLACES_ONLY_AFTER_UNIT.includes(p)), "province")
  .add(PLACES_ONLY_AFTER_UNIT, "afterUnitPlace")
  .add(PROVINCE_UNITS, "provinceUnit")
  .add(LOCAL_UNITS, "localUnit")
  .add(UNIT_NOUNS, "unit")
  .add(HEAD_COMPLEMENT_WORDS, "headWord");

type HeadKind = "head" | "needsOffice";
const HEADS = new Lexicon<HeadKind>().add(TITLE_HEADS, "head").add(HEADS_NEEDING_OFFICE, "needsOffice");
const MODIFIERS = wordSet(TITLE_MODIFIERS);
const HONORIFIC_LEX = new Lexicon<"official" | "polite">()
  .add(OFFICIAL_HONORIFICS, "official")
  .add(HONORIFICS.filter((h) => !OFFICIAL_HONORIFICS.includes(h)), "polite");
const NOT_PERSON = new Lexicon<"np">().add(NOT_PERSON_BEFORE, "np");
const ADVERBS = new Lexicon<"adv">().add(SUBJECT_ADVERBS, "adv");
const VERBS = new Lexicon<"verb">().add(SUBJECT_VERBS, "verb");

const COMMON_FAMILY = new Set(COMMON_FAMILY_NAMES);
const COUNTRY_KEYS = new Set([...COUNTRIES, ...INTERNATIONAL_BODIES].map((c) => phraseTokens(c).join(" ")));
const FAMILY = new Set([...COMMON_FAMILY_NAMES, ...OTHER_FAMILY_NAMES]);
/**
 * On the lower case of the family names (as a text's lower case has it: the whole string lowered, or
 * character by character when that changes its length): a word without it is none.
 */
const FAMILY_BIT = firstWordBit(
  [...FAMILY].flatMap((f) => [f.toLowerCase(), Array.from(f, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join("")]),
);
const NOT_NAME = new Set(NOT_NAME_SYLLABLES);
const NOT_FOREIGN_NAME = new Set(NOT_FOREIGN_NAME_WORDS);
const CONNECTORS = wordSet(OFFICE_CONNECTORS);
const STOPWORDS = wordSet(OFFICE_STOPWORDS);
const DEGREE_SET = new Set(DEGREES.map((d) => d.toLowerCase()));

/**
 * Heads after which a foreign name may follow with no country between: "Tổng thống Trump",
 * "Thủ tướng Modi", "Ngoại trưởng Antony Blinken" (not "Chủ tịch Man Utd", "Giám đốc Huawei").
 */
const FOREIGN_NAME_HEADS = wordSet([
  "tổng thống", "phó tổng thống", "thủ tướng", "ngoại trưởng", "quốc vương", "nhà vua", "vua",
  "nữ hoàng", "thái tử", "hoàng thái tử", "thị trưởng", "thượng nghị sĩ", "hạ nghị sĩ", "nghị sĩ",
  "giáo hoàng", "đại sứ", "bộ trưởng", "tổng thư ký", "nhà lãnh đạo", "cố vấn", "người phát ngôn",
  "thống đốc", "tướng", "phó thủ tướng", "tổng thư ký", "chủ tịch nước", "thủ tướng thường trực",
]);
/** Head words that also name bodies, so they do not end an office ("Trưởng Đoàn đại biểu Quốc hội"). */
const HEADS_INSIDE_OFFICES = wordSet(["đại biểu", "thường trực", "lãnh đạo", "tham mưu trưởng", "đại sứ"]);
/** Bare titles that are never annotated alone (too generic as a subject). */
const NO_BARE = wordSet(["đại biểu", "nghị sĩ", "đại tá", "thượng tá", "trung tá", "tham tán", "tùy viên", "ủy viên", "thành viên", "trưởng", "phó trưởng", "cố vấn", "đại biện", "lãnh sự", "đặc phái viên"]);
/** Words before a bare title that make it plural or generic: "các Bộ trưởng", "mỗi Đại sứ". */
const PLURAL_BEFORE = wordSet(["các", "những", "mỗi", "mọi", "nhiều", "vị", "hai", "ba", "một số", "từng", "cả", "toàn thể"]);
const PLURAL_FIRSTS = firstWords(PLURAL_BEFORE);
const MODIFIER_FIRSTS = firstWords(MODIFIERS);
/** On the first words of the modifiers: most tokens are rejected by a bit test. */
const MODIFIER_BIT = firstWordBit(MODIFIERS);
/** The first words of honorifics, modifiers and title heads: where a leader can start, names aside. */
const LEADER_START = anyOfBits(HONORIFIC_LEX.bit, MODIFIER_BIT, HEADS.bit);
const CONNECTOR_FIRSTS = firstWords(CONNECTORS);

// kinds of places a rule accepts
const IS_UNIT_OR_HEAD_WORD = (k: PlaceKind) => k === "provinceUnit" || k === "localUnit" || k === "headWord";
const IS_KNOWN = (k: PlaceKind) => k === "country" || k === "province" || k === "office" || k === "unit" || k === "sector";
const IS_NAMED_PLACE = (k: PlaceKind) => k === "country" || k === "province" || k === "office" || k === "sector";
const IS_HEAD_WORD = (k: PlaceKind) => k === "headWord";
const IN_OFFICE_AFTER_HEAD = (k: PlaceKind) => k !== "afterUnitPlace";
const IN_OFFICE = (k: PlaceKind) => k !== "headWord" && k !== "afterUnitPlace";
const IS_PLACE_AFTER_UNIT = (k: PlaceKind) => k === "province" || k === "afterUnitPlace" || k === "country";
const IS_COUNTRY_OR_PROVINCE = (k: PlaceKind) => k === "country" || k === "province";
const IS_PLACE_UNIT = (k: PlaceKind) => k === "provinceUnit" || k === "localUnit";

// ---- token helpers ------------------------------------------------------------------------

const VN_SYLLABLE = /^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|c|m|n|p|t)?$/;

/** A word that cannot be one Vietnamese syllable: "Trump", "Perera", "Jae-in". */
function foreignWord(t: Token): boolean {
  if (!/^[\p{L}'’-]+$/u.test(t.t)) return false;
  const base = t.l.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (/[fjwz]/.test(base)) return true;
  return base.split(/[-'’]/).some((part) => part.length > 0 && !VN_SYLLABLE.test(part));
}

/** foreignWord's answers by lower-case word (with the word as written, which the answer also reads). */
const foreignCache = new Map<string, { t: string; v: boolean }>();

function isForeignWord(t: Token): boolean {
  const hit = foreignCache.get(t.l);
  if (hit !== undefined && hit.t === t.t) return hit.v;
  const v = foreignWord(t);
  if (foreignCache.size > 20_000) foreignCache.clear();
  foreignCache.set(t.l, { t: t.t, v });
  return v;
}

function isVnSyllable(t: Token): boolean {
  return isTitleCase(t) && !isForeignWord(t) && allOf(t.t, C_LETTER);
}

/** Every character of a word has one of `mask`'s classes (`/^[…]+$/u` for a non-empty word). */
function allOf(s: string, mask: number): boolean {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k++) if ((charClass(s.charCodeAt(k)) & mask) === 0) return false;
  return true;
}

/** First words of the multi-word entries of a word set: a two-word key is built only after one. */
function firstWords(set: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const key of set) {
    const sp = key.indexOf(" ");
    if (sp > 0) out.add(key.slice(0, sp));
  }
  return out;
}

/** `set` holds the two-word phrase "a b". */
function hasPair(set: ReadonlySet<string>, firsts: ReadonlySet<string>, a: string, b: string): boolean {
  return firsts.has(a) && set.has(`${a} ${b}`);
}

interface Ctx {
  toks: readonly Token[];
  n: number;
  /** What is known of each token as a name syllable (M_* bits; 0 until asked). */
  memo: Uint8Array | null;
}

const M_KNOWN = 1;
const M_FOREIGN = 2;
const M_VN = 4;

/** isForeignWord and isVnSyllable of token `k`, worked out once per token: names are looked at again and again. */
function wordFacts(ctx: Ctx, k: number): number {
  if (k < 0 || k >= ctx.n) {
    const t = ctx.toks[k]!;
    return M_KNOWN | (isForeignWord(t) ? M_FOREIGN : 0) | (isVnSyllable(t) ? M_VN : 0);
  }
  const memo = (ctx.memo ??= new Uint8Array(ctx.n));
  let v = memo[k]!;
  if (v === 0) {
    const t = ctx.toks[k]!;
    const foreign = isForeignWord(t);
    // isVnSyllable(t), with the answer above
    const vn = isTitleCase(t) && !foreign && allOf(t.t, C_LETTER);
    v = M_KNOWN | (foreign ? M_FOREIGN : 0) | (vn ? M_VN : 0);
    memo[k] = v;
  }
  return v;
}

const foreignAt = (ctx: Ctx, k: number): boolean => (wordFacts(ctx, k) & M_FOREIGN) !== 0;
const vnSyllableAt = (ctx: Ctx, k: number): boolean => (wordFacts(ctx, k) & M_VN) !== 0;

/** Same line and separated by white space only: the next word of a run of capitalised words. */
function joined(ctx: Ctx, k: number): boolean {
  const t = ctx.toks[k];
  return t !== undefined && !t.nl && t.sp;
}

/** Length of the run of capitalised words from `i` (at most `max`). */
function capRun(ctx: Ctx, i: number, max = 8): number {
  let k = i;
  while (k < ctx.n && k - i < max && isCapitalised(ctx.toks[k]!) && (k === i || joined(ctx, k))) k++;
  return k - i;
}

function headAt(ctx: Ctx, i: number): { len: number; needsOffice: boolean; key: string } | null {
  const t = ctx.toks[i];
  if (!t || !t.w) return null;
  const m = HEADS.match(ctx.toks, i);
  if (!m) return null;
  // a head is a word of its own: "Đại sứ quán" is an embassy, not an ambassador
  const next = ctx.toks[i + m.len];
  if (next && !next.nl && next.w && (next.l === "quán" || (next.l === "thương" && t.l === "đại"))) return null;
  const key = m.len === 1 ? t.l : ctx.toks.slice(i, i + m.len).map((x) => x.l).join(" ");
  return { len: m.len, needsOffice: !m.kinds.includes("head"), key };
}

/** Modifiers before a head ("nguyên", "cựu", "tân"), then the head. */
function headWithModifiers(ctx: Ctx, i: number): { start: number; headStart: number; len: number; needsOffice: boolean; key: string } | null {
  let k = i;
  for (let step = 0; step < 2 && k < ctx.n; step++) {
    const t = ctx.toks[k]!;
    const next = ctx.toks[k + 1];
    if (!next || next.nl) break;
    if (!mayStart(t, MODIFIER_BIT)) break; // neither a modifier nor the first word of one
    if (MODIFIERS.has(t.l)) k++;
    else if (ctx.toks[k + 2] && !ctx.toks[k + 2]!.nl && hasPair(MODIFIERS, MODIFIER_FIRSTS, t.l, next.l)) k += 2;
    else break;
  }
  const h = headAt(ctx, k);
  if (!h) return null;
  return { start: i, headStart: k, len: k - i + h.len, needsOffice: h.needsOffice, key: h.key };
}

function degreeLen(ctx: Ctx, i: number): number {
  const t = ctx.toks[i];
  if (!t || !t.w || t.nl) return 0;
  // ("x".split(".") is ["x"]: a word without a dot is a degree only when it is in the set)
  if (!DEGREE_SET.has(t.l) && (!t.l.includes(".") || !t.l.split(".").every((p) => DEGREE_SET.has(p)))) return 0;
  let len = 1;
  if (ctx.toks[i + 1]?.t === "." && !ctx.toks[i + 1]!.sp) len++;
  return len;
}

function placeAt(ctx: Ctx, i: number, accept: (k: PlaceKind) => boolean, capRequired: boolean) {
  const m = PLACES.match(ctx.toks, i, accept);
  if (!m) return null;
  if (capRequired && !m.cap) {
    const kinds = m.kinds.filter(IS_UNIT_OR_HEAD_WORD);
    if (kinds.length === 0) return null;
    return { len: m.len, kinds };
  }
  return { len: m.len, kinds: m.kinds };
}

/** A known place, country or office starts at `i`: such words never start a personal name. */
function knownAt(ctx: Ctx, i: number): boolean {
  return PLACES.match(ctx.toks, i, IS_KNOWN) !== null;
}

// ---- names --------------------------------------------------------------------------------

type NameCtx = "head" | "country" | "place" | "office" | "unit" | "after";

/** A Vietnamese name: family name, then 1–3 more title-case syllables. */
function vnNameLen(ctx: Ctx, i: number, len: number): boolean {
  if (len < 2 || len > 4) return false;
  if (!mayStart(ctx.toks[i]!, FAMILY_BIT) || !FAMILY.has(ctx.toks[i]!.t)) return false;
  for (let k = i; k < i + len; k++) {
    const t = ctx.toks[k]!;
    if (!vnSyllableAt(ctx, k)) return false;
    if (k > i && NOT_NAME.has(t.t) && k === i + 1 && len === 2) return false;
  }
  return true;
}

/**
 * The personal name inside a run of capitalised words [a, b) after a title: the whole run, or
 * its tail when the run begins with an office or place ("Geneva Lê Thị Tuyết Mai").
 */
function nameInRun(ctx: Ctx, a: number, b: number, where: NameCtx, head: string): [number, number] | null {
  const len = b - a;
  if (len <= 0) return null;
  const toks = ctx.toks;
  const first = toks[a]!;
  // the whole run
  if (where !== "unit") {
    if (vnNameLen(ctx, a, len) && !knownStart(ctx, a, b)) return [a, b];
    if ((where === "head" || where === "country") && len <= 4 && !orgLike(ctx, a, b)) {
      const foreign = anyForeign(ctx, a, b);
      const politicalHead = where === "country" || FOREIGN_NAME_HEADS.has(head);
      if (len === 1) {
        if (foreign && first.t.length >= 3 && politicalHead) return [a, b];
      } else if (!NOT_NAME.has(first.t) && !knownInside(ctx, a, b)) {
        if (where === "country") return [a, b];
        if (foreign ? politicalHead : len >= 3) return [a, b];
      }
    }
  }
  // a tail: the run starts with the office's own name
  if (len >= 3) {
    let best: [number, number] | null = null;
    let bestScore = -1;
    for (let k = a + 1; k <= b - 2; k++) {
      const tail = b - k;
      if (tail > 4 || !vnNameLen(ctx, k, tail) || knownAt(ctx, k)) continue;
      const score = (COMMON_FAMILY.has(toks[k]!.t) ? 10 : 0) + (tail === 3 ? 3 : tail === 2 ? 2 : 1);
      if (score > bestScore) {
        bestScore = score;
        best = [k, b];
      }
    }
    if (best) return best;
  }
  return null;
}

/** Mixed case ("TPBank") or an organisation word ("Sun Group"): not a person. */
function orgLike(ctx: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = ctx.toks[k]!;
    if (!isTitleCase(t) || NOT_FOREIGN_NAME.has(t.t)) return true;
  }
  return false;
}

function anyForeign(ctx: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (foreignAt(ctx, k)) return true;
  return false;
}

/** A known place or office opens the run: "Hà Nội …" (a name may hold one later: "Nguyễn Hòa Bình"). */
function knownStart(ctx: Ctx, a: number, b: number): boolean {
  const m = PLACES.match(ctx.toks, a, IS_NAMED_PLACE, b);
  return m !== null && (m.len > 1 || !vnSyllableAt(ctx, a));
}

function knownInside(ctx: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const m = PLACES.match(ctx.toks, k, IS_NAMED_PLACE, b);
    // one Vietnamese syllable is also a given name: "Anh", "Đức", "Huế" in "Nguyễn Hoàng Anh"
    if (m && (m.len > 1 || !vnSyllableAt(ctx, k))) return true;
  }
  return false;
}

/** A name right after an honorific: Vietnamese, or foreign ("ông Poshitha Perera"). */
function nameAfterHonorific(ctx: Ctx, i: number, official: boolean): [number, number] | null {
  const run = capRun(ctx, i, 6);
  if (run === 0) return null;
  for (let len = Math.min(4, run); len >= 2; len--) {
    if (len === run && vnNameLen(ctx, i, len) && !knownStart(ctx, i, i + len)) return [i, i + len];
  }
  if (run <= 4 && !NOT_NAME.has(ctx.toks[i]!.t) && !knownInside(ctx, i, i + run) && !orgLike(ctx, i, i + run)) {
    if (anyForeign(ctx, i, i + run) && (run >= 2 || ctx.toks[i]!.t.length >= 3)) return [i, i + run];
    if (official && run >= 2 && allVn(ctx, i, i + run)) return [i, i + run];
  }
  return null;
}

function allVn(ctx: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!vnSyllableAt(ctx, k)) return false;
  return true;
}

// ---- titles -------------------------------------------------------------------------------

interface TitleParse {
  /** First token of the title (modifiers included). */
  start: number;
  /** Just past the title phrase. */
  end: number;
  /** Lower-case heads of the chain: ["phó thủ tướng", "bộ trưởng"]. */
  heads: string[];
  /** Lower-case countries and places named in the title. */
  places: string[];
  name?: [number, number];
  /** An honorific between the title and the name: "…, ông Nguyễn Thanh Bình". */
  honorific?: [number, number];
}

interface Complement {
  end: number;
  hadOffice: boolean;
  name?: [number, number];
}

/**
 * The office after a title head, up to a personal name or to the first word that cannot belong
 * to it. Bounded to a few dozen tokens.
 */
function parseComplement(ctx: Ctx, p: number, head: string, places: string[], from: NameCtx | "unitName" = "head"): Complement {
  const toks = ctx.toks;
  const n = ctx.n;
  let where: NameCtx | "unitName" | "conn" = from;
  let hadOffice = false;
  let lastGood = p;
  let lowerRun = 0;
  const limit = Math.min(n, p + 30);
  while (p < limit) {
    const t = toks[p]!;
    if (t.nl) break;
    const justAfterHead = where === "head";
    if (!t.w) {
      if (t.t === "(") {
        // an abbreviation in brackets: "(EVN)", "(UBND)"
        const close = toks[p + 2];
        const inner = toks[p + 1];
        if (inner && inner.w && inner.t === inner.t.toUpperCase() && close?.t === ")" && !inner.nl && !close.nl) {
          p += 3;
          lastGood = p;
          continue;
        }
        break;
      }
      if ((t.t === "-" || t.t === "&") && (where === "unitName" || where === "unit" || where === "office" || !t.sp)) {
        const nx = toks[p + 1];
        if (nx && nx.w && !nx.nl && startsUpper(nx) && !headAt(ctx, p + 1)) {
          p++;
          where = "conn";
          continue;
        }
      }
      break;
    }
    // a degree before the name: "Bộ trưởng Bộ Y tế GS.TS Nguyễn Thanh Long"
    const dl = degreeLen(ctx, p);
    if (dl > 0 && !justAfterHead) {
      const run = capRun(ctx, p + dl, 6);
      const nm = run > 0 ? nameInRun(ctx, p + dl, p + dl + run, "after", head) : null;
      if (nm && nm[0] === p + dl) return { end: lastGood, hadOffice, name: nm };
      break;
    }
    // another title head ends this office (the caller chains titles joined by commas)
    const h = headAt(ctx, p);
    if (h && !(HEADS_INSIDE_OFFICES.has(h.key) && (where === "unit" || where === "unitName"))) {
      if (!(justAfterHead && PLACES.match(toks, p, IS_HEAD_WORD))) break;
    }
    const m = placeAt(ctx, p, justAfterHead ? IN_OFFICE_AFTER_HEAD : IN_OFFICE, !justAfterHead);
    if (m) {
      const kinds = m.kinds;
      if (kinds.includes("provinceUnit") || kinds.includes("localUnit")) {
        // only "tỉnh" is always followed by a known province; "TP" also names smaller cities
        const local = !(kinds.includes("provinceUnit") && toks[p]!.l === "tỉnh");
        p += m.len;
        lastGood = p;
        hadOffice = true;
        const r = parsePlaceAfterUnit(ctx, p, local, head, places);
        if (r.name) return { end: r.end, hadOffice, name: r.name };
        p = r.end;
        lastGood = p;
        where = "place";
        lowerRun = 0;
        continue;
      }
      if (kinds.includes("headWord") && justAfterHead) {
        p += m.len;
        lastGood = p;
        where = "office";
        continue;
      }
      const kind = kinds[0]!;
      if (kind === "country" || kind === "province") places.push(slice(ctx, p, p + m.len));
      p += m.len;
      lastGood = p;
      hadOffice = true;
      lowerRun = 0;
      where = kind === "country" ? "country" : kind === "province" ? "place" : kind === "unit" ? "unit" : "office";
      continue;
    }
    if (isCapitalised(t)) {
      const run = capRun(ctx, p);
      const nameWhere: NameCtx = where === "unitName" || where === "conn" ? "office" : (where as NameCtx);
      const nm = nameInRun(ctx, p, p + run, nameWhere, head);
      if (nm) return { end: nm[0] === p ? lastGood : nm[0], hadOffice: true, name: nm };
      // part of the office's own name
      p++;
      lastGood = p;
      hadOffice = true;
      lowerRun = 0;
      where = "unitName";
      continue;
    }
    if (startsUpper(t) || (firstClass(t.t) & C_NUMBER) !== 0) {
      // an acronym or a number: "HĐQT Eximbank", "Quân khu 7": a name of its own
      if (justAfterHead && (firstClass(t.t) & C_NUMBER) !== 0) break;
      p++;
      lastGood = p;
      hadOffice = true;
      where = where === "unit" || where === "unitName" ? "unitName" : "office";
      continue;
    }
    // a lower-case word
    const cl = CONNECTORS.has(t.l) ? 1 : toks[p + 1] && !toks[p + 1]!.nl && hasPair(CONNECTORS, CONNECTOR_FIRSTS, t.l, toks[p + 1]!.l) ? 2 : 0;
    if (cl > 0) {
      if (justAfterHead) break;
      const nx = toks[p + cl];
      if (!nx || !nx.w || nx.nl || headAt(ctx, p + cl)) break;
      p += cl;
      where = "conn";
      continue;
    }
    if (STOPWORDS.has(t.l)) break;
    if (where === "unit" || where === "unitName" || where === "conn") {
      if (lowerRun >= 5) break;
      lowerRun++;
      p++;
      lastGood = p;
      where = "unitName";
      continue;
    }
    break;
  }
  return { end: lastGood, hadOffice };
}

/** After "tỉnh", "TP", "huyện" …: the place's name, and maybe a person's name after it. */
function parsePlaceAfterUnit(ctx: Ctx, p: number, local: boolean, head: string, places: string[]): { end: number; name?: [number, number] } {
  const toks = ctx.toks;
  const t = toks[p];
  if (!t || t.nl) return { end: p };
  if (t.t === "." && !t.sp) p++; // "TP. Hồ Chí Minh"
  const known = PLACES.match(toks, p, IS_PLACE_AFTER_UNIT);
  if (known) {
    places.push(slice(ctx, p, p + known.len));
    p += known.len;
    const run = capRun(ctx, p);
    if (run > 0 && joined(ctx, p)) {
      const nm = nameInRun(ctx, p, p + run, "place", head);
      if (nm && nm[0] === p) return { end: p, name: nm };
    }
    return { end: p };
  }
  if (toks[p] && allOf(toks[p]!.t, C_NUMBER)) return { end: p + 1 }; // "quận 1"
  const run = capRun(ctx, p);
  if (run === 0) return { end: p };
  // the whole run is a person's name: "Chủ tịch UBND tỉnh Trịnh Trường Huy" (every province is known)
  if (!local && run >= 3 && vnNameLen(ctx, p, run)) return { end: p, name: [p, p + run] };
  // a place, then a person: "huyện Lý Sơn Đặng Quốc Việt"
  if (run >= (local ? 4 : 3)) {
    let best: [number, number] | null = null;
    let bestScore = -1;
    for (let k = p + 1; k <= p + run - 2; k++) {
      const tail = p + run - k;
      if (tail > 4 || !vnNameLen(ctx, k, tail)) continue;
      const placeLen = k - p;
      const score = (COMMON_FAMILY.has(toks[k]!.t) ? 10 : 0) + (placeLen === 2 ? 3 : placeLen === 3 ? 2 : 1);
      if (score > bestScore) {
        bestScore = score;
        best = [k, p + run];
      }
    }
    if (best) {
      places.push(slice(ctx, p, best[0]));
      return { end: best[0], name: best };
    }
  }
  places.push(slice(ctx, p, p + run));
  return { end: p + run };
}

function slice(ctx: Ctx, a: number, b: number): string {
  return ctx.toks
    .slice(a, b)
    .map((t) => t.l)
    .join(" ");
}

/** A title chain starting at `i`, with the name after it when there is one. */
function parseTitle(ctx: Ctx, i: number): TitleParse | null {
  // most tokens start no title: ask before making anything
  const first = headWithModifiers(ctx, i);
  if (!first) return null;
  const toks = ctx.toks;
  let p = i;
  const heads: string[] = [];
  const places: string[] = [];
  let end = i;
  for (let link = 0; link < 5; link++) {
    const h = link === 0 ? first : headWithModifiers(ctx, p);
    if (!h) break;
    const c = parseComplement(ctx, p + h.len, h.key, places);
    if (h.needsOffice && !c.hadOffice) break;
    heads.push(h.key);
    if (c.name) return { start: i, end: Math.max(c.end, p + h.len), heads, places, name: c.name };
    end = Math.max(c.end, p + h.len);
    const sep = toks[end];
    if (!sep || sep.nl) break;
    if (sep.t === "," || sep.t === "/" || sep.t === "-" || sep.l === "kiêm") {
      const nx = end + 1;
      if (toks[nx] && !toks[nx]!.nl && headWithModifiers(ctx, nx)) {
        p = nx;
        continue;
      }
      // ", PGS.TS Nguyễn Trường Sơn"
      const dl = degreeLen(ctx, nx);
      if (dl > 0) {
        const run = capRun(ctx, nx + dl, 6);
        const nm = run > 0 ? nameInRun(ctx, nx + dl, nx + dl + run, "after", h.key) : null;
        if (nm && nm[0] === nx + dl) return { start: i, end, heads, places, name: nm };
      }
    }
    // "Chủ tịch UBND TP.HCM - ông Nguyễn Thành Phong", "Chủ tịch UBND tỉnh An Giang, ông Nguyễn Thanh Bình"
    if (sep.t === "," || sep.t === "-" || sep.t === "–") {
      const hon = honorificAt(ctx, end + 1);
      if (hon) {
        const nm = nameAfterHonorific(ctx, end + 1 + hon.len, hon.official);
        if (nm) return { start: i, end, heads, places, name: nm, honorific: [end + 1, end + 1 + hon.len] };
      }
    }
    break;
  }
  if (heads.length === 0) return null;
  return { start: i, end, heads, places };
}

/** A title written after a name: ", Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh", " - Chủ tịch …", " (Giám đốc …)". */
function titleAfterName(ctx: Ctx, nameEnd: number): TitleParse | null {
  const sep = ctx.toks[nameEnd];
  if (!sep || sep.nl || !(sep.t === "," || sep.t === "-" || sep.t === "–" || sep.t === "(" || sep.t === "—")) return null;
  const nx = nameEnd + 1;
  if (!ctx.toks[nx] || ctx.toks[nx]!.nl) return null;
  const tp = parseTitle(ctx, nx);
  if (!tp || tp.name) return null;
  return tp;
}

// ---- the scan -----------------------------------------------------------------------------

interface Found {
  draft: Draft<LeaderAnnotation>;
  heads: string[];
  places: string[];
  /** Token range of the name (empty for bare titles). */
  nameToks?: [number, number];
  bare?: { start: number; end: number };
  /** A mention by the given name alone ("ông Dũng"): not a source of further names. */
  short?: boolean;
}

function honorificAt(ctx: Ctx, i: number): { len: number; official: boolean } | null {
  const m = HONORIFIC_LEX.match(ctx.toks, i);
  if (!m) return null;
  const next = ctx.toks[i + m.len];
  if (!next || next.nl || !next.w) return null;
  return { len: m.len, official: m.kinds.includes("official") };
}

/** A subject verb follows the bare title ending at `end` (adverbs may come between). */
function verbFollows(ctx: Ctx, end: number): boolean {
  let p = end;
  for (let k = 0; k < 3; k++) {
    const t = ctx.toks[p];
    if (!t || t.nl || !t.w) return false;
    const v = VERBS.match(ctx.toks, p);
    if (v) return true;
    const a = ADVERBS.match(ctx.toks, p);
    if (!a) return false;
    p += a.len;
  }
  return false;
}

export function findLeaders(nt: NormalizedText, _options: ExtractOptions): Draft<LeaderAnnotation>[] {
  const toks = tokenize(nt);
  const ctx: Ctx = { toks, n: toks.length, memo: null };
  const found: Found[] = [];
  const used = new Uint8Array(toks.length);
  const markUsed = (a: number, b: number) => used.fill(1, a, Math.min(b, toks.length));

  const emitNamed = (spanStart: number, nameToks: [number, number], title: TitleParse | null, titleSpan: [number, number] | null, hon: [number, number] | null) => {
    const [a, b] = nameToks;
    const draft: Draft<LeaderAnnotation> = {
      kind: "leader",
      start: toks[spanStart]!.s,
      end: toks[b - 1]!.e,
      name: written(nt, toks[a]!.s, toks[b - 1]!.e),
      title: titleSpan ? written(nt, toks[titleSpan[0]]!.s, toks[titleSpan[1] - 1]!.e) : "",
    };
    if (hon) draft.honorific = written(nt, toks[hon[0]]!.s, toks[hon[1] - 1]!.e);
    found.push({ draft, heads: title?.heads ?? [], places: title?.places ?? [], nameToks });
  };

  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    if (used[i] || !tok.w) continue;
    // no honorific, modifier or title head starts here, and no name (a name starts title case)
    if (!mayStart(tok, LEADER_START) && !isTitleCase(tok)) continue;
    const hon = honorificAt(ctx, i);
    const j = hon ? i + hon.len : i;
    const honSpan: [number, number] | null = hon ? [i, j] : null;

    const tp = parseTitle(ctx, j);
    if (tp) {
      if (tp.name) {
        const titleEnd = tp.end > tp.start ? tp.end : tp.name[0];
        emitNamed(hon ? i : tp.start, tp.name, tp, titleEnd > tp.start ? [tp.start, titleEnd] : null, honSpan ?? tp.honorific ?? null);
        let last = tp.name[1];
        const app = titleAfterName(ctx, last);
        if (app) last = app.end;
        markUsed(i, last);
        i = last - 1;
        continue;
      }
      const bareOk =
        startsUpper(toks[tp.start]!) &&
        !NO_BARE.has(tp.heads[0]!) &&
        !(i > 0 && !toks[i]!.nl && PLURAL_BEFORE.has(toks[i - 1]!.l)) &&
        !(i > 1 && !toks[i]!.nl && hasPair(PLURAL_BEFORE, PLURAL_FIRSTS, toks[i - 2]!.l, toks[i - 1]!.l)) &&
        verbFollows(ctx, tp.end);
      if (bareOk) {
        found.push({
          draft: {
            kind: "leader",
            start: toks[tp.start]!.s,
            end: toks[tp.end - 1]!.e,
            name: "",
            title: written(nt, toks[tp.start]!.s, toks[tp.end - 1]!.e),
          },
          heads: tp.heads,
          places: tp.places,
          bare: { start: tp.start, end: tp.end },
        });
      }
      markUsed(i, tp.end);
      i = tp.end - 1;
      continue;
    }

    // a name first, its title after it
    let nm: [number, number] | null = null;
    if (hon) nm = nameAfterHonorific(ctx, j, hon.official);
    else if (isTitleCase(toks[i]!) && !(i > 0 && !toks[i]!.nl && toks[i]!.sp && isCapitalised(toks[i - 1]!))) {
      const run = capRun(ctx, i, 5);
      if (run >= 2 && run <= 4 && vnNameLen(ctx, i, run) && !knownStart(ctx, i, i + run)) nm = [i, i + run];
      else if (run >= 2 && run <= 3 && anyForeign(ctx, i, i + run) && !NOT_NAME.has(toks[i]!.t) && !knownInside(ctx, i, i + run) && !orgLike(ctx, i, i + run)) nm = [i, i + run];
    }
    if (nm) {
      const app = titleAfterName(ctx, nm[1]);
      if (app) {
        emitNamed(i, nm, app, [app.start, app.end], honSpan);
        markUsed(i, app.end);
        i = app.end - 1;
        continue;
      }
      if (hon && hon.official) {
        emitNamed(i, nm, null, null, honSpan);
        markUsed(i, nm[1]);
        i = nm[1] - 1;
        continue;
      }
    }
  }

  laterMentions(nt, ctx, found, used);
  resolveBareTitles(found);
  found.sort((x, y) => x.draft.start - y.draft.start);
  return found.map((f) => f.draft);
}

/** Names seen with a title, mentioned again alone: "Phạm Văn Đồng - Tầm vóc …", "ông Bùi Thanh Sơn". */
function laterMentions(nt: NormalizedText, ctx: Ctx, found: Found[], used: Uint8Array): void {
  const toks = ctx.toks;
  // a trie over the names' tokens
  interface Node {
    next: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { next: new Map(), end: false };
  const givenNames = new Map<string, string>();
  let any = false;
  for (const f of found) {
    if (!f.nameToks) continue;
    const [a, b] = f.nameToks;
    if (b - a < 2) continue;
    let node = root;
    for (let k = a; k < b; k++) {
      const key = toks[k]!.t;
      let nx = node.next.get(key);
      if (!nx) {
        nx = { next: new Map(), end: false };
        node.next.set(key, nx);
      }
      node = nx;
    }
    node.end = true;
    any = true;
    // the given name alone after an honorific: "ông Dũng" for Chử Xuân Dũng
    if (FAMILY.has(toks[a]!.t) && allVn(ctx, a, b)) {
      const given = toks[b - 1]!.t;
      const full = f.draft.name;
      const prev = givenNames.get(given);
      givenNames.set(given, prev === undefined || prev === full ? full : "");
    }
  }
  if (!any) return;
  for (let i = 0; i < toks.length; i++) {
    if (used[i]) continue;
    // a mention starts with an honorific or with the capitalised first word of a name
    if (!mayStart(toks[i]!, HONORIFIC_LEX.bit) && !isCapitalised(toks[i]!)) continue;
    const short = givenNameMention(ctx, i, givenNames);
    if (short) {
      const [h0, g] = short;
      const draft: Draft<LeaderAnnotation> = {
        kind: "leader",
        start: toks[h0]!.s,
        end: toks[g]!.e,
        name: written(nt, toks[g]!.s, toks[g]!.e),
        title: "",
        honorific: written(nt, toks[h0]!.s, toks[g - 1]!.e),
      };
      const full = givenNames.get(toks[g]!.t);
      if (full) draft.refersTo = full;
      found.push({ draft, heads: [], places: [], nameToks: [g, g + 1], short: true });
      used.fill(1, h0, g + 1);
      i = g;
      continue;
    }
    // every name in the trie starts with a capitalised word (names are runs of them), and a token
    // with the same text has the same case
    if (!isCapitalised(toks[i]!)) continue;
    let node: Node | undefined = root;
    let matchEnd = -1;
    for (let k = i; k < toks.length && k - i < 6; k++) {
      if (used[k] || (k > i && !joined(ctx, k))) break;
      node = node.next.get(toks[k]!.t);
      if (!node) break;
      if (node.end) matchEnd = k + 1;
    }
    if (matchEnd < 0) continue;
    // a whole run of its own, and not a street, a city or a prize named after the person
    if (matchEnd < toks.length && joined(ctx, matchEnd) && isCapitalised(toks[matchEnd]!)) continue;
    let spanStart = i;
    let hon: [number, number] | null = null;
    if (i > 0 && !toks[i]!.nl) {
      const prev = toks[i - 1]!;
      if (isCapitalised(prev) && toks[i]!.sp) {
        // "Ông Bùi Thanh Sơn" at a sentence start: an honorific; otherwise part of a longer name
        const h = honorificBefore(ctx, i);
        if (!h) continue;
        hon = h;
      } else {
        hon = honorificBefore(ctx, i);
        if (!hon && notPersonBefore(ctx, i)) continue;
      }
    }
    if (hon) spanStart = hon[0];
    const draft: Draft<LeaderAnnotation> = {
      kind: "leader",
      start: toks[spanStart]!.s,
      end: toks[matchEnd - 1]!.e,
      name: written(nt, toks[i]!.s, toks[matchEnd - 1]!.e),
      title: "",
    };
    if (hon) draft.honorific = written(nt, toks[hon[0]]!.s, toks[hon[1] - 1]!.e);
    found.push({ draft, heads: [], places: [], nameToks: [i, matchEnd] });
    used.fill(1, spanStart, matchEnd);
    i = matchEnd - 1;
  }
}

/** "ông Dũng": a polite or official honorific, then only the given name of a known leader. */
function givenNameMention(ctx: Ctx, i: number, givenNames: Map<string, string>): [number, number] | null {
  if (givenNames.size === 0) return null;
  const hon = HONORIFIC_LEX.match(ctx.toks, i);
  if (!hon) return null;
  const g = i + hon.len;
  const t = ctx.toks[g];
  if (!t || !joined(ctx, g) || !givenNames.has(t.t)) return null;
  const next = ctx.toks[g + 1];
  if (next && joined(ctx, g + 1) && isCapitalised(next)) return null;
  return [i, g];
}

function honorificBefore(ctx: Ctx, i: number): [number, number] | null {
  for (let len = 1; len <= 2; len++) {
    const a = i - len;
    if (a < 0) break;
    const m = HONORIFIC_LEX.match(ctx.toks, a, undefined, i);
    if (m && m.len === len) return [a, i];
  }
  return null;
}

function notPersonBefore(ctx: Ctx, i: number): boolean {
  for (let len = 1; len <= 2; len++) {
    const a = i - len;
    if (a < 0) break;
    if (ctx.toks[a + 1]!.nl && a + 1 < i) break;
    const m = NOT_PERSON.match(ctx.toks, a, undefined, i);
    if (m && m.len === len) return true;
  }
  return false;
}

const DEFAULT_OFFICE_WORDS = new Set(["chính", "phủ", "nhà", "nước", "việt", "nam", "trung", "ương"]);
const WORD_ALIASES: Record<string, string[]> = {
  tp: ["thành", "phố"],
  ubnd: ["ủy", "ban", "nhân", "dân"],
  hđnd: ["hội", "đồng", "nhân", "dân"],
};

function titleWords(title: string): string[] {
  const out: string[] = [];
  for (const w of normalizeText(title).lower.split(/[^\p{L}\p{N}&]+/u)) {
    if (!w) continue;
    const alias = WORD_ALIASES[w];
    if (alias) out.push(...alias);
    else out.push(w);
  }
  return out;
}

/**
 * A bare title refers to the person last named with the same title (or the next one, if none
 * before). Its office words must be in that person's title: "Bộ trưởng Ngoại giao Bồ Đào Nha" is
 * not the "Bộ trưởng Ngoại giao Bùi Thanh Sơn" of the same page. Unresolved bare titles are dropped.
 */
function resolveBareTitles(found: Found[]): void {
  found.sort((x, y) => x.draft.start - y.draft.start);
  const named = found.filter((f) => f.draft.name !== "" && f.heads.length > 0);
  const namedWords = new Map(named.map((g) => [g, new Set(titleWords(g.draft.title))]));
  // the named by each of their heads, in text order: a bare title looks only at those with its head
  const byHead = new Map<string, Found[]>();
  for (const g of named) {
    for (const h of new Set(g.heads)) {
      const list = byHead.get(h);
      if (list) list.push(g);
      else byHead.set(h, [g]);
    }
  }
  const keep: Found[] = [];
  for (const f of found) {
    if (!f.bare) {
      keep.push(f);
      continue;
    }
    const head = f.heads[0]!;
    const headWords = new Set(titleWords(head));
    const own = titleWords(f.draft.title).filter((w) => !headWords.has(w) && !DEFAULT_OFFICE_WORDS.has(w));
    // a country on either side must be the same one ("Việt Nam" is what a Vietnamese title leaves out)
    const bareForeign = f.places.filter((p) => p !== "việt nam");
    const compatible = (g: Found) => {
      if (!g.heads.includes(head) || !own.every((w) => namedWords.get(g)!.has(w))) return false;
      const foreign = g.places.filter((p) => p !== "việt nam" && COUNTRY_KEYS.has(p));
      if (f.places.includes("việt nam") && foreign.length > 0) return false;
      return bareForeign.every((p) => g.places.includes(p) || !COUNTRY_KEYS.has(p));
    };
    // the nearest compatible one before it, else the first after it (compatible ones have its head)
    let ref: Found | undefined;
    const list = byHead.get(head) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.draft.start < f.draft.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && !ref; k--) if (compatible(list[k]!)) ref = list[k];
    for (let k = lo; k < list.length && !ref; k++) if (compatible(list[k]!)) ref = list[k];
    if (!ref) continue; // a bare title nobody is named with: not annotated
    f.draft.refersTo = ref.draft.name;
    keep.push(f);
  }
  found.length = 0;
  found.push(...keep);
}

// ---- helpers for the instruction rules ------------------------------------------------------

export interface Scanner {
  readonly toks: readonly Token[];
  /** End (token index) of a body's name starting at `i`: "Bộ Xây dựng", "UBND tỉnh Bình Phước". */
  bodyEnd(i: number): number;
  /** End (token index) of a title phrase without a name starting at `i`: "Chủ tịch UBND tỉnh". */
  bareTitleEnd(i: number): number;
  /** A country or province name starts at `i`. */
  isPlaceName(i: number): boolean;
  /** "tỉnh", "TP", "huyện" … at `i`. */
  isPlaceUnit(i: number): boolean;
}

const NOT_AUTHORITY = new Lexicon<"no">().add(NOT_AUTHORITY_UNITS, "no");
const BODY_START = (k: PlaceKind) => k === "office" || k === "unit" || k === "country" || k === "province" || k === "provinceUnit";

export function scanner(nt: NormalizedText): Scanner {
  const toks = tokenize(nt);
  const ctx: Ctx = { toks, n: toks.length, memo: null };
  // The instruction rules ask for bodies and titles at many tokens, again and again for nearby
  // verbs: the answers (pure functions of the tokens) are kept; NOT_ASKED until asked.
  const NOT_ASKED = -2;
  let bodyEnds: Int32Array | null = null;
  let titleEnds: Int32Array | null = null;
  const bodyEnd = (i: number): number => {
    const t = toks[i];
    if (!t || !t.w) return -1;
    const m = PLACES.match(toks, i, BODY_START);
    if (!m) return -1;
    const no = NOT_AUTHORITY.match(toks, i);
    if (no && no.len >= m.len) return -1;
    const kind = m.kinds[0]!;
    if (kind !== "provinceUnit" && !startsUpper(t)) return -1;
    if (kind === "provinceUnit") {
      // "tỉnh Quảng Ninh", not "thành phố" alone
      const r = parsePlaceAfterUnit(ctx, i + m.len, false, "", []);
      return r.name || r.end <= i + m.len ? -1 : r.end;
    }
    const from: NameCtx = kind === "country" ? "country" : kind === "province" ? "place" : kind === "unit" ? "unit" : "office";
    const c = parseComplement(ctx, i + m.len, "", [], from);
    return c.name ? -1 : Math.max(c.end, i + m.len);
  };
  const bareTitleEnd = (i: number): number => {
    const tp = parseTitle(ctx, i);
    return tp && !tp.name ? tp.end : -1;
  };
  return {
    toks,
    bodyEnd(i: number): number {
      if (i < 0 || i >= toks.length) return bodyEnd(i);
      bodyEnds ??= new Int32Array(toks.length).fill(NOT_ASKED);
      let v = bodyEnds[i]!;
      if (v === NOT_ASKED) bodyEnds[i] = v = bodyEnd(i);
      return v;
    },
    bareTitleEnd(i: number): number {
      if (i < 0 || i >= toks.length) return bareTitleEnd(i);
      titleEnds ??= new Int32Array(toks.length).fill(NOT_ASKED);
      let v = titleEnds[i]!;
      if (v === NOT_ASKED) titleEnds[i] = v = bareTitleEnd(i);
      return v;
    },
    isPlaceName(i: number): boolean {
      return PLACES.match(toks, i, IS_COUNTRY_OR_PROVINCE) !== null;
    },
    isPlaceUnit(i: number): boolean {
      return PLACES.match(toks, i, IS_PLACE_UNIT) !== null;
    },
  };
}

// Instructions: sentences in which a leader or an authority directs, requests or assigns
// (ENTITIES.md §2, `instruction`).
//
// Sentence by sentence (./sentences.ts):
//  - a directive verb (yêu cầu, chỉ đạo, đề nghị, giao …) used as a verb, after its subject: a
//    leader found by ./leaders.ts ("Thủ tướng Chính phủ Phạm Minh Chính yêu cầu"), a bare title
//    ("Bộ trưởng chỉ đạo"), a body ("Bộ Xây dựng yêu cầu") or an authority opening the sentence
//    ("Lãnh đạo các nước … đang gia tăng sức ép yêu cầu");
//  - a leader's statement (nhấn mạnh, nêu rõ, khẳng định …) of what must be done (phải, cần);
//  - the quotation before ", Thủ tướng nhắc nhở." is part of its sentence, so it is covered;
//  - tasks enumerated after a directive that ends with ":" ("Một là, …", "Hai là, …") are one
//    instruction each, with the speaker and verb of the directive.
// One instruction per sentence; every look-around is bounded: linear time.
import {
  CONTINUATION_OPENERS,
  DIRECTIVE_VERBS,
  ENUM_ORDINALS,
  INTRO_WORDS,
  NOT_GIAO_AFTER,
  NOT_OBLIGATION_AFTER,
  NOT_OBLIGATION_BEFORE,
  NOUN_MARKER_ADVERBS,
  NOUN_MARKERS_AFTER,
  NOUN_MARKERS_BEFORE,
  OBLIGATION_WORDS,
  STATEMENT_VERBS,
  WEAK_DIRECTIVE_VERBS,
} from "./data/directive-verbs";
import { AUTHORITY_NOUNS } from "./data/offices";
import { SUBJECT_ADVERBS } from "./data/titles";
import { scanner, type Scanner } from "./leaders";
import { C_NUMBER, anyClass } from "./chars";
import { Lexicon, anyOfBits, isCapitalised, mayStart, splitSentences, startsUpper, tokenIndexAt, wordSet, type Sentence, type Token } from "./sentences";
import { written, type NormalizedText } from "./text";
import type { Draft, ExtractOptions, InstructionAnnotation, LeaderAnnotation } from "./types";

const DIRECTIVES = new Lexicon<"verb">().add(DIRECTIVE_VERBS, "verb");
const WEAK = wordSet(WEAK_DIRECTIVE_VERBS);
const STATEMENTS = new Lexicon<"verb">().add(STATEMENT_VERBS, "verb");
/** The first words of directive and statement verbs. */
const VERB_START = anyOfBits(DIRECTIVES.bit, STATEMENTS.bit);
const OBLIGATIONS = new Lexicon<"must">().add(OBLIGATION_WORDS, "must");
const NOT_OBL_AFTER = wordSet(NOT_OBLIGATION_AFTER);
const NOT_OBL_BEFORE = wordSet(NOT_OBLIGATION_BEFORE);
const NOUN_BEFORE = wordSet(NOUN_MARKERS_BEFORE);
const NOUN_AFTER = wordSet(NOUN_MARKERS_AFTER);
const NOUN_ADVERBS = wordSet(NOUN_MARKER_ADVERBS);
const NOT_GIAO = wordSet(NOT_GIAO_AFTER);
const ADVERBS = wordSet(SUBJECT_ADVERBS);
const AUTHORITIES = new Lexicon<"auth">().add(AUTHORITY_NOUNS, "auth");
const ORDINALS = new Lexicon<"ord">().add(ENUM_ORDINALS, "ord");
const ORDINAL_INDEX = new Map(ENUM_ORDINALS.map((o, k) => [o, (k % 10) + 1]));
const CONTINUATIONS = new Lexicon<"cont">().add(CONTINUATION_OPENERS, "cont");
const INTROS = new Lexicon<"intro">().add(INTRO_WORDS, "intro");
/** Countries whose name is also an everyday word at a sentence start ("Anh" is also "he"). */
const NOT_SUBJECT_COUNTRIES = wordSet(["anh", "ý", "nhật", "áo", "bỉ", "séc", "úc", "nam"]);
/** Words between a body and its verb when it directs by a document: "Bộ Y tế vừa có công văn yêu cầu". */
const DOCUMENT_GAP = wordSet([
  "có", "ban hành", "gửi", "ra", "phát", "công văn", "văn bản", "công điện", "thông báo", "chỉ thị",
  "hỏa tốc", "khẩn", "kết luận", "thông điệp", "ý kiến", "tờ trình", "đã", "vừa", "cũng", "mới",
]);
/** Words that open the object of an imperative directive: "Yêu cầu các sở …", "Đề nghị người dân …". */
const ADDRESSEES = wordSet(["các", "những", "mọi", "toàn", "người", "cơ", "chủ", "lãnh", "thủ", "cán", "cấp", "ngành", "địa", "đơn", "doanh", "nhân", "học", "phụ", "cho", "tất"]);
/** Words that stop the subject of an authority at the start of a sentence. */
const PREDICATE_START = wordSet([
  ...SUBJECT_ADVERBS, "phải", "cần", "có", "là", "được", "hiện", "bị", "không", "chưa",
]);

interface Leaders {
  byEnd: Map<number, Draft<LeaderAnnotation>>;
  byStart: Map<number, Draft<LeaderAnnotation>>;
}

interface Found {
  sentence: number;
  speaker?: string;
  verb?: string;
}

function lastWordOf(toks: readonly Token[], i: number): string {
  return toks[i]?.l ?? "";
}

/** The token just before `k` and the two before it, joined: for one- and two-word markers. */
function markerBefore(toks: readonly Token[], k: number, set: Set<string>, from: number): boolean {
  if (k - 1 < from) return false;
  // across an adverb: "thực hiện nghiêm yêu cầu"
  if (NOUN_ADVERBS.has(toks[k - 1]!.l) && markerBefore(toks, k - 1, set, from)) return true;
  if (k - 2 >= from && NOUN_ADVERBS.has(`${toks[k - 2]!.l} ${toks[k - 1]!.l}`) && markerBefore(toks, k - 2, set, from)) return true;
  if (set.has(lastWordOf(toks, k - 1))) return true;
  if (k - 2 >= from && set.has(`${toks[k - 2]!.l} ${toks[k - 1]!.l}`)) return true;
  return false;
}

function markerAfter(toks: readonly Token[], k: number, set: Set<string>, to: number): boolean {
  if (k >= to) return false;
  if (set.has(toks[k]!.l)) return true;
  if (k + 1 < to && set.has(`${toks[k]!.l} ${toks[k + 1]!.l}`)) return true;
  return false;
}

export function findInstructions(
  nt: NormalizedText,
  _options: ExtractOptions,
  leaders: Draft<LeaderAnnotation>[],
): Draft<InstructionAnnotation>[] {
  const sc = scanner(nt);
  const toks = sc.toks;
  const sentences = splitSentences(nt);
  // leaders by the offset where they end, and where they start
  const byEnd = new Map<number, Draft<LeaderAnnotation>>();
  const byStart = new Map<number, Draft<LeaderAnnotation>>();
  for (const l of leaders) {
    byEnd.set(l.end, l);
    byStart.set(l.start, l);
  }
  const leaderMaps: Leaders = { byEnd, byStart };

  const found: Found[] = [];
  let carried: { speaker?: string; sentence: number } | null = null;

  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si]!;
    const ta = tokenIndexAt(toks, sent.s);
    const tb = tokenIndexAt(toks, sent.e);
    if (tb <= ta) continue;
    if (sent.paragraphStart && carried && si - carried.sentence > 3) carried = null;
    const hit = directiveIn(nt, sc, toks, ta, tb, leaderMaps, carried);
    if (hit) {
      found.push({ sentence: si, speaker: hit.speaker, verb: hit.verb });
      carried = { speaker: hit.speaker, sentence: si };
    }
  }

  addEnumerations(nt, toks, sentences, found);

  found.sort((a, b) => a.sentence - b.sentence);
  const out: Draft<InstructionAnnotation>[] = [];
  let last = -1;
  for (const f of found) {
    if (f.sentence === last) continue;
    last = f.sentence;
    const s = sentences[f.sentence]!;
    const d: Draft<InstructionAnnotation> = { kind: "directive", subkind: "instruction", start: s.s, end: s.e };
    if (f.speaker) d.speaker = f.speaker;
    if (f.verb) d.verb = f.verb;
    out.push(d);
  }
  return out;
}

/** The first directive of a sentence, with its speaker and verb. */
function directiveIn(
  nt: NormalizedText,
  sc: Scanner,
  toks: readonly Token[],
  ta: number,
  tb: number,
  leaders: Leaders,
  carried: { speaker?: string; sentence: number } | null,
): { speaker?: string; verb: string } | null {
  let clauseStart = -1; // worked out at the first verb (most sentences have none)
  for (let k = ta; k < tb; k++) {
    const t = toks[k]!;
    if (!t.w || !mayStart(t, VERB_START)) continue;
    const dm = DIRECTIVES.match(toks, k, undefined, tb);
    const sm = dm ? null : STATEMENTS.match(toks, k, undefined, tb);
    const m = dm ?? sm;
    if (!m) continue;
    const vEnd = k + m.len;
    if (clauseStart < 0) clauseStart = clauseStartOf(toks, ta, tb);
    // a capitalised verb inside a sentence names a document or a body: "Chỉ thị 15", "Ban Chỉ đạo"
    const atStart = k === ta || k === clauseStart || (k > ta && /^[“"‘(]$/.test(toks[k - 1]!.t));
    if (startsUpper(t) && !atStart) continue;
    const verb = written(nt, t.s, toks[vEnd - 1]!.e);
    const verbKey = m.len === 1 ? t.l : toks.slice(k, vEnd).map((x) => x.l).join(" ");
    const subject = subjectBefore(nt, sc, toks, k, ta, leaders);
    if (dm) {
      if (markerAfter(toks, vEnd, NOUN_AFTER, tb)) continue;
      if (verbKey === "giao" && vEnd < tb && NOT_GIAO.has(toks[vEnd]!.t)) continue;
      if (subject) {
        if (subject.viaGap || !markerBefore(toks, k, NOUN_BEFORE, ta)) return { speaker: subject.text, verb };
        continue;
      }
      // an imperative opening a paragraph: "Yêu cầu các sở, ngành …", "Giao Sở Y tế chủ trì …"
      if (k === ta && imperativeFollows(toks, vEnd, tb) && (!WEAK.has(verbKey) || startsUpper(toks[vEnd]!))) return { verb };
      if (WEAK.has(verbKey)) continue;
      if (markerBefore(toks, k, NOUN_BEFORE, ta)) continue;
      // an authority opens the sentence: "Lãnh đạo các nước … đang gia tăng sức ép yêu cầu …"
      const opener = authorityOpening(nt, sc, toks, clauseStart, k, leaders);
      if (opener && objectFollows(toks, vEnd, tb)) return { speaker: opener.text, verb };
      // no subject: it goes on with the directives of the sentence before ("Đồng thời, yêu cầu …")
      if (carried && (k === clauseStart || k === ta) && objectFollows(toks, vEnd, tb)) return { speaker: carried.speaker, verb };
      continue;
    }
    // a statement: a leader says what must be done
    if (subject && subject.leader && obligationIn(toks, ta, tb)) return { speaker: subject.text, verb };
  }
  return null;
}

/** Start of the main clause: after an opening adverbial that ends with a comma ("Tại buổi làm việc, …"). */
function clauseStartOf(toks: readonly Token[], ta: number, tb: number): number {
  const cont = CONTINUATIONS.match(toks, ta, undefined, tb);
  if (cont && toks[ta + cont.len]?.t === ",") return ta + cont.len + 1;
  if (!INTROS.match(toks, ta, undefined, tb)) return ta;
  for (let k = ta; k < tb && k < ta + 30; k++) {
    if (toks[k]!.t === ",") return k + 1;
    if (!toks[k]!.w && toks[k]!.t !== "-" && toks[k]!.t !== "/" && toks[k]!.t !== "(" && toks[k]!.t !== ")") break;
  }
  return ta;
}

interface Subject {
  text: string;
  leader: boolean;
  /** Found across a document noun ("vừa có công văn"): the verb cannot be a noun then. */
  viaGap: boolean;
}

/** The subject right before a verb at `k`: a leader, a bare title or a body, across adverbs. */
function subjectBefore(
  nt: NormalizedText,
  sc: Scanner,
  toks: readonly Token[],
  k: number,
  ta: number,
  leaders: Leaders,
): Subject | null {
  let q = k; // exclusive end of the subject
  let viaGap = false;
  let codes = false;
  for (let step = 0; step < 14 && q > ta; step++) {
    const s = subjectEndingAt(nt, sc, toks, q, ta, leaders, 0);
    // a document number only between a body and its verb when a document is named
    if (s && (!codes || viaGap)) return { ...s, viaGap };
    const prev = toks[q - 1]!;
    if (!viaGap && isCode(prev)) {
      codes = true;
      q--;
      continue;
    }
    if (!prev.w) break;
    if (ADVERBS.has(prev.l)) {
      q--;
      continue;
    }
    if (q - 2 >= ta && ADVERBS.has(`${toks[q - 2]!.l} ${prev.l}`)) {
      q -= 2;
      continue;
    }
    if (DOCUMENT_GAP.has(prev.l)) {
      q--;
      viaGap = true;
      continue;
    }
    if (q - 2 >= ta && DOCUMENT_GAP.has(`${toks[q - 2]!.l} ${prev.l}`)) {
      q -= 2;
      viaGap = true;
      continue;
    }
    break;
  }
  return null;
}

/** A document number between a body and its verb: "công điện số 541/CĐ-TTg yêu cầu". */
function isCode(t: Token): boolean {
  if (!t.w) return t.t === "/" || t.t === "-";
  // (the last pattern starts with a capital or a digit, and a digit already answered)
  return (
    t.l === "số" ||
    anyClass(t.t, C_NUMBER) ||
    (startsUpper(t) && !isCapitalised(t)) ||
    (startsUpper(t) && /^[\p{Lu}\p{N}]+-[\p{L}\p{N}]+$/u.test(t.t))
  );
}

function subjectEndingAt(
  nt: NormalizedText,
  sc: Scanner,
  toks: readonly Token[],
  q: number,
  ta: number,
  leaders: Leaders,
  depth: number,
): { text: string; leader: boolean } | null {
  const prev = toks[q - 1];
  if (!prev) return null;
  const l = leaders.byEnd.get(prev.e);
  if (l) return { text: written(nt, l.start, l.end), leader: true };
  // an apposition between commas or dashes: "Thứ trưởng Nguyễn Minh Vũ, Trưởng Ban chỉ đạo …, đề nghị",
  // "Ủy ban Pháp luật của Quốc hội - cơ quan thẩm tra đề án - đề nghị"
  if (prev.t === "," || prev.t === "-" || prev.t === "–" || prev.t === ")") {
    if (depth > 0) return null;
    const open = prev.t === ")" ? "(" : prev.t;
    for (let c = q - 2; c > ta && c > q - 20; c--) {
      const t = toks[c]!;
      if (t.t === open && (open !== "-" || t.sp)) {
        const inner = subjectEndingAt(nt, sc, toks, c, ta, leaders, depth + 1);
        if (inner) return inner;
        break;
      }
      // an apposition names or describes; a predicate ("sẽ chủ trì") ends the search
      if (t.w && PREDICATE_START.has(t.l)) break;
      if (!t.w && t.t !== "-" && t.t !== "(" && t.t !== ")" && t.t !== "&" && t.t !== "/") break;
    }
    return null;
  }
  // a bare title or a body ending here: the longest one, starting where a phrase can start
  let from = q - 1;
  while (from > ta && from > q - 14) {
    const t = toks[from - 1]!;
    if (!t.w && (t.t === "," || t.t === ";" || t.t === ":" || t.t === "." || t.t === "“" || t.t === "”" || t.t === '"')) break;
    from--;
  }
  for (let s = from; s < q; s++) {
    const t = toks[s]!;
    if (!t.w || (!startsUpper(t) && s !== ta)) continue;
    // not from the middle of a name: "Hải Phòng" is no "Phòng"
    if (s > ta && !t.nl && t.sp && isCapitalised(toks[s - 1]!)) continue;
    if (sc.bareTitleEnd(s) === q) return { text: written(nt, t.s, prev.e), leader: true };
    if (sc.bodyEnd(s) === q) {
      // a bare country or province directs only as a subject of its own ("Quảng Ninh yêu cầu …"),
      // not inside a noun phrase ("nhà tài trợ Vĩnh Phúc yêu cầu")
      if (sc.isPlaceName(s) && ((s > ta && toks[s - 1]!.w && !startsUpper(toks[s - 1]!) && !sc.isPlaceUnit(s - 1)) || NOT_SUBJECT_COUNTRIES.has(t.l))) continue;
      return { text: written(nt, t.s, prev.e), leader: false };
    }
  }
  return null;
}

/**
 * An authority, a body or a leader opening the clause of the verb at `k` (the nearest clause start:
 * the sentence's, or one after a comma); the subject runs on to its predicate.
 */
function authorityOpening(nt: NormalizedText, sc: Scanner, toks: readonly Token[], cs: number, k: number, leaders: Leaders): { text: string } | null {
  if (cs >= k) return null;
  const starts: number[] = [];
  for (let c = k - 1; c > cs && starts.length < 8 && c > k - 60; c--) {
    if (toks[c - 1]!.t === ",") starts.push(c);
  }
  starts.push(cs);
  for (const c of starts) {
    const t = toks[c]!;
    if (!t.w) continue;
    let subjEnd = -1;
    const auth = AUTHORITIES.match(toks, c, undefined, k);
    if (auth) subjEnd = c + auth.len;
    else {
      const l = leaders.byStart.get(t.s);
      if (l) subjEnd = tokenIndexAt(toks, l.end);
      else {
        const b = sc.bodyEnd(c);
        if (b > c && b <= k) {
          // "Đức, Canada và Na Uy": a place in a list is no subject of its own
          if (c > cs && sc.isPlaceName(c) && c >= 2 && isCapitalised(toks[c - 2]!)) continue;
          if (sc.isPlaceName(c) && NOT_SUBJECT_COUNTRIES.has(t.l)) continue;
          subjEnd = b;
        }
      }
    }
    if (subjEnd < 0 || subjEnd > k) continue;
    // the subject runs on to the predicate: "Lãnh đạo các nước Đức, Canada và Na Uy | đang …"
    let e = subjEnd;
    while (e < k && e - c < 16 && !PREDICATE_START.has(toks[e]!.l)) e++;
    if (e >= k && k - c > 16) continue;
    const end = Math.min(e, k);
    return { text: written(nt, t.s, toks[end - 1]!.e) };
  }
  return null;
}

/** After an imperative verb: a body or a group it is addressed to. */
function imperativeFollows(toks: readonly Token[], v: number, tb: number): boolean {
  const t = toks[v];
  if (!t || v >= tb || !t.w) return false;
  return startsUpper(t) || ADDRESSEES.has(t.l);
}

/** What follows a directive verb used as a verb: an object, a clause, or the end of the sentence. */
function objectFollows(toks: readonly Token[], v: number, tb: number): boolean {
  if (v >= tb) return true;
  const t = toks[v]!;
  if (!t.w) return t.t === "," || t.t === ":" || t.t === "“" || t.t === '"';
  return !NOUN_AFTER.has(t.l);
}

/** "phải", "cần" as words of obligation somewhere in the sentence. */
function obligationIn(toks: readonly Token[], ta: number, tb: number): boolean {
  for (let k = ta; k < tb; k++) {
    const m = OBLIGATIONS.match(toks, k, undefined, tb);
    if (!m) continue;
    const after = toks[k + m.len];
    if (m.len === 1 && after && NOT_OBL_AFTER.has(after.l)) continue;
    if (k > ta && NOT_OBL_BEFORE.has(toks[k - 1]!.l)) continue;
    return true;
  }
  return false;
}

/** A paragraph that opens with a bullet: "- ", "+ ", "• ", "1. ", "a) ". */
function isBullet(toks: readonly Token[], ta: number): boolean {
  const first = toks[ta];
  if (!first) return false;
  if (!first.w) return /^[-+•*–]$/.test(first.t);
  const second = toks[ta + 1];
  return second !== undefined && !second.sp && (second.t === "." || second.t === ")") && /^(\d{1,2}|[a-zđ])$/.test(first.l);
}

/**
 * Tasks enumerated after a directive: "Một là, …", "Hai là, …" (paragraphs or sentences, other
 * paragraphs may come between), or, after a directive ending with ":", a bullet list.
 */
function addEnumerations(nt: NormalizedText, toks: readonly Token[], sentences: readonly Sentence[], found: Found[]): void {
  const bySentence = new Set(found.map((f) => f.sentence));
  const add = (si: number, intro: Found) => {
    if (bySentence.has(si)) return;
    found.push({ sentence: si, speaker: intro.speaker, verb: intro.verb });
    bySentence.add(si);
  };
  for (const intro of [...found]) {
    const colon = nt.text[sentences[intro.sentence]!.e - 1] === ":";
    let expected = 1;
    let misses = 0;
    let mode: "any" | "ordinal" | "bullet" = "any";
    for (let si = intro.sentence + 1; si < sentences.length && misses <= 3 && si <= intro.sentence + 60; si++) {
      const s = sentences[si]!;
      const ta = tokenIndexAt(toks, s.s);
      if (!toks[ta]) break;
      const ord = mode !== "bullet" ? ORDINALS.match(toks, ta) : null;
      if (ord) {
        const key = toks.slice(ta, ta + ord.len).map((t) => t.l).join(" ");
        if ((ORDINAL_INDEX.get(key) ?? 0) !== expected) break;
        expected++;
        misses = 0;
        mode = "ordinal";
        add(si, intro);
        continue;
      }
      if (!s.paragraphStart) {
        if (mode === "any") break; // the first task comes right after the directive
        continue;
      }
      if (colon && mode !== "ordinal" && isBullet(toks, ta)) {
        // a bullet list runs on right after the directive
        mode = "bullet";
        add(si, intro);
        continue;
      }
      if (mode !== "ordinal") break;
      // other paragraphs may come between numbered tasks
      misses++;
    }
  }
}

// Everything the extension stores goes through these functions. Each takes the database (tests pass
// one over fake-indexeddb) and, where time matters, `now` as a parameter.
//
// Service-worker rules kept here: nothing that matters is held in memory between calls; every
// write is one read-write transaction (reads inside it, so concurrent saves from several tabs are
// serialised by IndexedDB and lose nothing); a full disk surfaces as StorageFullError.
import { anchorAll, type AnchorResult } from "../anchor/anchor";
import { describeSpan, isSelectors, quoteOnly, type Selectors } from "../anchor/selectors";
import type { Annotation } from "../extract/types";
import { foldForSearch, matchesWords, queryWords, searchWordsOf } from "../text-fold";
import { annotationSearchWords, attributesOf, cleanTags, fingerprintOf, foldCode, localDay, normalizedValue } from "./derive";
import { mapStorageErrors } from "./errors";
import type { PolicyLensDB } from "./schema";
import {
  REVIEW_STATUSES,
  STORED_KINDS,
  type AnnotationRecord,
  type NoteRecord,
  type PageRecord,
  type ReviewStatus,
  type StoredKind,
} from "./types";
import { canonicalUrl, siteOf } from "./url";

export { canonicalUrl, siteOf } from "./url";
export { StorageFullError, isQuotaError } from "./errors";

const MAX_QUOTE = 20_000;
const MAX_NOTE = 20_000;
const MAX_TITLE = 2_048;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;

const newId = () => crypto.randomUUID();
const flag = (b: boolean | undefined) => (b ? 1 : 0) as 0 | 1;
const byPosition = (a: AnnotationRecord, b: AnnotationRecord) =>
  a.selectors.position.start - b.selectors.position.start || a.selectors.position.end - b.selectors.position.end || (a.id < b.id ? -1 : 1);
/** Newest edit first; the tie order is the one of the reversed updatedAt index (primary key descending). */
const byUpdatedDesc = (a: AnnotationRecord, b: AnnotationRecord) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

// ————————————————————————————————————————————— visits

/** An extracted annotation as the content script sends it; selectors are computed from `text` when absent. */
export type ExtractedAnnotation = Annotation & { selectors?: Selectors };

export interface VisitPage {
  url: string;
  title: string;
  /** yyyy-mm-dd. */
  articleDate?: string;
  /**
   * The page text the extracted offsets refer to. With it, the page's saved annotations are
   * re-anchored (positions refreshed, orphaned flags set) and the result says where each one is.
   */
  text?: string;
  /** A later batch of the same page view (content that arrived late): it is not another visit. */
  continued?: boolean;
}

export interface VisitResult {
  page: PageRecord;
  /** All of the page's annotations after the visit, in text order. */
  annotations: AnnotationRecord[];
  inserted: number;
  /** Extracted annotations already stored (their records untouched). */
  kept: number;
  /** Extracted annotations the reader had deleted, not brought back. */
  skippedDeleted: number;
  /** Where each annotation is in `text`, by id (null: not found, orphaned); null when no text was given. */
  anchors: Record<string, AnchorResult | null> | null;
}

function isExtracted(a: unknown): a is ExtractedAnnotation {
  if (typeof a !== "object" || a === null) return false;
  const x = a as Partial<Annotation>;
  return (
    (x.kind === "leader" || x.kind === "directive" || x.kind === "number") &&
    typeof x.text === "string" &&
    x.text.length > 0 &&
    x.text.length <= MAX_QUOTE &&
    Number.isInteger(x.start) &&
    Number.isInteger(x.end) &&
    (x.start as number) >= 0 &&
    (x.end as number) >= (x.start as number)
  );
}

function selectorsFor(a: ExtractedAnnotation, text: string | undefined): Selectors {
  if (a.selectors && isSelectors(a.selectors)) return a.selectors;
  if (text !== undefined && a.end <= text.length && text.slice(a.start, a.end) === a.text) return describeSpan(text, a.start, a.end);
  return quoteOnly(a.text, a.start, a.end);
}

function upsertPage(existing: PageRecord | undefined, url: string, title: string | undefined, articleDate: string | undefined, now: number, visit: boolean): PageRecord {
  const cleanTitle = title?.replace(/\s+/g, " ").trim().slice(0, MAX_TITLE);
  const date = articleDate && /^\d{4}-\d{2}-\d{2}/.test(articleDate) ? articleDate.slice(0, 10) : undefined;
  if (!existing) {
    return { url, title: cleanTitle ?? "", site: siteOf(url), ...(date ? { articleDate: date } : {}), firstSeen: now, lastSeen: now, visits: visit ? 1 : 0 };
  }
  return {
    ...existing,
    title: cleanTitle || existing.title,
    ...((date ?? existing.articleDate) ? { articleDate: date ?? existing.articleDate } : {}),
    lastSeen: visit ? Math.max(existing.lastSeen, now) : existing.lastSeen,
    visits: existing.visits + (visit ? 1 : 0),
  };
}

const pageDate = (p: PageRecord) => p.articleDate ?? localDay(p.firstSeen);
const spanKey = (kind: string, subkind: string | undefined, start: number, end: number, exact?: string) =>
  `${kind}|${subkind ?? ""}|${start}|${end}${exact === undefined ? "" : `|${foldForSearch(exact)}`}`;

/** Re-anchors records in `text`; returns the anchors and the records whose position or orphaned flag changed. */
function reanchorRecords(records: readonly AnnotationRecord[], text: string) {
  const anchors = anchorAll(
    text,
    records.map((r) => ({ key: r.id, selectors: r.selectors, group: r.kind === "note" ? undefined : `${r.kind}|${r.subkind ?? ""}` })),
  );
  const changed: AnnotationRecord[] = [];
  const current = records.map((r) => {
    const a = anchors.get(r.id) ?? null;
    const orphaned = flag(a === null);
    const moved = a !== null && (a.start !== r.selectors.position.start || a.end !== r.selectors.position.end);
    if (!moved && orphaned === r.orphaned) return r;
    const next: AnnotationRecord = {
      ...r,
      orphaned,
      selectors: moved ? { ...r.selectors, position: { ...r.selectors.position, start: a.start, end: a.end } } : r.selectors,
    };
    changed.push(next);
    return next;
  });
  return { anchors, changed, current };
}

/**
 * Records a visit in one transaction: upserts the page (first/last seen, visits), inserts the
 * extracted annotations not stored yet, keeps stored ones untouched (a reader's status, note, star
 * and tags are never reset), never brings back ones the reader deleted. With `page.text`, stored
 * annotations are re-anchored first, so an annotation whose surroundings were edited is recognised
 * by where it now is; those that no longer anchor are flagged orphaned — kept, never dropped.
 */
export async function recordVisit(
  db: PolicyLensDB,
  page: VisitPage,
  extracted: readonly ExtractedAnnotation[],
  now: number = Date.now(),
): Promise<VisitResult> {
  const url = canonicalUrl(page.url);
  const text = typeof page.text === "string" ? page.text : undefined;
  return mapStorageErrors(() =>
    db.transaction("rw", [db.pages, db.annotations, db.deletions], async () => {
      const pageRecord = upsertPage(await db.pages.get(url), url, page.title, page.articleDate, now, !page.continued);
      await db.pages.put(pageRecord);
      const date = pageDate(pageRecord);

      let stored = await db.annotations.where("pageUrl").equals(url).toArray();
      // the article date may have become known on this visit
      const redated = stored.filter((r) => r.date !== date).map((r) => ({ ...r, date }));
      let anchors: Map<string, AnchorResult | null> | null = null;
      const toPut = new Map(redated.map((r) => [r.id, r]));
      if (redated.length > 0) stored = stored.map((r) => toPut.get(r.id) ?? r);
      if (text !== undefined) {
        const re = reanchorRecords(stored, text);
        anchors = re.anchors;
        stored = re.current;
        for (const r of re.changed) toPut.set(r.id, r);
      }

      const byFingerprint = new Set(stored.map((r) => r.fingerprint));
      // Where stored annotations are: re-anchored in the text given, else as last stored (then the
      // quoted words must agree too, since nothing checked that the page is unchanged).
      const bySpan = new Set<string>();
      for (const r of stored) {
        const a = anchors?.get(r.id);
        if (a) bySpan.add(spanKey(r.kind, r.subkind, a.start, a.end));
        else if (!anchors) bySpan.add(spanKey(r.kind, r.subkind, r.selectors.position.start, r.selectors.position.end, r.selectors.quote.exact));
      }
      const deleted = new Set(await db.deletions.where("pageUrl").equals(url).toArray((rows) => rows.map((d) => d.fingerprint)));

      const fresh: AnnotationRecord[] = [];
      // the n-th occurrence of a quote is `base#n` across the whole page: a later batch of the
      // same page view (a long page sent in parts, late content) counts on from the occurrences
      // stored before it, as one reading of the whole text would
      const batchCounts = page.continued ? occurrencesBefore(stored, anchors, extracted[0]?.start ?? Infinity) : new Map<string, number>();
      let kept = 0;
      let skippedDeleted = 0;
      for (const a of extracted) {
        if (!isExtracted(a)) continue;
        const subkind = "subkind" in a ? a.subkind : undefined;
        const selectors = selectorsFor(a, text);
        const base = fingerprintOf(a.kind, subkind, selectors.quote);
        const n = batchCounts.get(base) ?? 0;
        batchCounts.set(base, n + 1);
        const fingerprint = n === 0 ? base : `${base}#${n}`;
        const span = anchors
          ? spanKey(a.kind, subkind, selectors.position.start, selectors.position.end)
          : spanKey(a.kind, subkind, selectors.position.start, selectors.position.end, selectors.quote.exact);
        if (byFingerprint.has(fingerprint) || bySpan.has(span)) {
          kept++;
          continue;
        }
        if (deleted.has(fingerprint)) {
          skippedDeleted++;
          continue;
        }
        const attributes = attributesOf(a);
        const record: AnnotationRecord = {
          id: newId(),
          pageUrl: url,
          site: pageRecord.site,
          date,
          kind: a.kind,
          ...(subkind ? { subkind } : {}),
          text: a.text,
          attributes,
          normalized: normalizedValue(a.kind, subkind, attributes, a.text),
          fingerprint,
          selectors,
          status: "new",
          starred: 0,
          note: "",
          tags: [],
          createdAt: now,
          updatedAt: now,
          searchWords: annotationSearchWords({ text: a.text, attributes, note: "", tags: [] }),
          orphaned: 0,
        };
        byFingerprint.add(fingerprint);
        bySpan.add(span);
        fresh.push(record);
      }
      if (toPut.size > 0) await db.annotations.bulkPut([...toPut.values()]);
      if (fresh.length > 0) await db.annotations.bulkAdd(fresh);

      let anchorRecord: Record<string, AnchorResult | null> | null = null;
      if (anchors) {
        anchorRecord = Object.fromEntries(anchors);
        for (const r of fresh) anchorRecord[r.id] = { start: r.selectors.position.start, end: r.selectors.position.end, method: "position", score: 1 };
      }
      return {
        page: pageRecord,
        annotations: [...stored, ...fresh].sort(byPosition),
        inserted: fresh.length,
        kept,
        skippedDeleted,
        anchors: anchorRecord,
      };
    }),
  );
}

/** How many stored annotations of each base fingerprint (no `#n`) lie before `offset` in the text. */
function occurrencesBefore(stored: readonly AnnotationRecord[], anchors: Map<string, AnchorResult | null> | null, offset: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of stored) {
    if (r.kind === "note") continue;
    const start = anchors ? anchors.get(r.id)?.start : r.selectors.position.start;
    if (start === undefined || start >= offset) continue;
    const base = r.fingerprint.replace(/#\d+$/, "");
    counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  return counts;
}

/**
 * Re-anchors every saved annotation of a page in its current text (one transaction): positions
 * follow the text, annotations that are not found are flagged orphaned (and unflagged when found
 * again). Returns where each one is, by id (null: orphaned).
 */
export async function reanchorPage(db: PolicyLensDB, pageUrl: string, text: string): Promise<Record<string, AnchorResult | null>> {
  const url = canonicalUrl(pageUrl);
  return mapStorageErrors(() =>
    db.transaction("rw", db.annotations, async () => {
      const records = await db.annotations.where("pageUrl").equals(url).toArray();
      const { anchors, changed } = reanchorRecords(records, text);
      if (changed.length > 0) await db.annotations.bulkPut(changed);
      return Object.fromEntries(anchors);
    }),
  );
}

// ————————————————————————————————————————————— the reader's highlights and notes

export interface NoteInput {
  /** Give an id to make a retried save (after the worker was stopped mid-way) idempotent. */
  id?: string;
  pageUrl: string;
  /** Used when the page has no record yet. */
  pageTitle?: string;
  quote: { exact: string; prefix?: string; suffix?: string };
  position: { start: number; end: number };
  note: string;
  tags?: readonly string[];
  starred?: boolean;
}

/** Saves text the reader selected, with a note, as an annotation of kind "note". */
export async function saveNote(db: PolicyLensDB, input: NoteInput, now: number = Date.now()): Promise<AnnotationRecord> {
  const url = canonicalUrl(input.pageUrl);
  const exact = input.quote?.exact;
  if (typeof exact !== "string" || exact.trim() === "") throw new TypeError("saveNote: the quote is empty");
  if (exact.length > MAX_QUOTE) throw new RangeError(`saveNote: the quote is longer than ${MAX_QUOTE} characters`);
  if (typeof input.note !== "string" || input.note.length > MAX_NOTE) throw new RangeError(`saveNote: the note must be a string of at most ${MAX_NOTE} characters`);
  const { start, end } = input.position ?? {};
  if (!Number.isInteger(start) || !Number.isInteger(end) || start! < 0 || end! < start!) throw new RangeError("saveNote: bad position");
  const id = input.id ?? newId();
  return mapStorageErrors(() =>
    db.transaction("rw", [db.pages, db.annotations], async () => {
      const existing = await db.annotations.get(id);
      if (existing) return existing;
      let pageRecord = await db.pages.get(url);
      if (!pageRecord) {
        pageRecord = upsertPage(undefined, url, input.pageTitle, undefined, now, false);
        await db.pages.add(pageRecord);
      }
      const tags = cleanTags(input.tags);
      const text = exact;
      const record: AnnotationRecord = {
        id,
        pageUrl: url,
        site: pageRecord.site,
        date: pageDate(pageRecord),
        kind: "note",
        text,
        attributes: {},
        normalized: normalizedValue("note", undefined, {}, text),
        fingerprint: `note:${id}`,
        selectors: {
          quote: { type: "TextQuoteSelector", exact, prefix: input.quote.prefix ?? "", suffix: input.quote.suffix ?? "" },
          position: { type: "TextPositionSelector", start: start!, end: end! },
        },
        status: "confirmed",
        starred: flag(input.starred),
        note: input.note,
        tags,
        createdAt: now,
        updatedAt: now,
        searchWords: annotationSearchWords({ text, attributes: {}, note: input.note, tags }),
        orphaned: 0,
      };
      await db.annotations.add(record);
      return record;
    }),
  );
}

export interface AnnotationPatch {
  note?: string;
  tags?: readonly string[];
  starred?: boolean;
  status?: ReviewStatus;
}

/** Applies the reader's edit (read and written in one transaction); undefined when the id is unknown. */
export async function updateAnnotation(db: PolicyLensDB, id: string, patch: AnnotationPatch, now: number = Date.now()): Promise<AnnotationRecord | undefined> {
  if (patch.status !== undefined && !REVIEW_STATUSES.includes(patch.status)) throw new TypeError(`updateAnnotation: unknown status ${String(patch.status)}`);
  if (patch.note !== undefined && (typeof patch.note !== "string" || patch.note.length > MAX_NOTE)) throw new RangeError("updateAnnotation: bad note");
  return mapStorageErrors(() =>
    db.transaction("rw", db.annotations, async () => {
      const r = await db.annotations.get(id);
      if (!r) return undefined;
      const next: AnnotationRecord = {
        ...r,
        ...(patch.note !== undefined ? { note: patch.note } : {}),
        ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
        ...(patch.starred !== undefined ? { starred: flag(patch.starred) } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        updatedAt: Math.max(now, r.updatedAt),
      };
      next.searchWords = annotationSearchWords(next);
      await db.annotations.put(next);
      return next;
    }),
  );
}

/**
 * Deletes an annotation and returns the deleted record: the undo token to give to
 * restoreAnnotation. An extracted annotation is remembered as deleted, so revisiting the page does
 * not bring it back.
 */
export async function deleteAnnotation(db: PolicyLensDB, id: string, now: number = Date.now()): Promise<AnnotationRecord | undefined> {
  return mapStorageErrors(() =>
    db.transaction("rw", [db.annotations, db.deletions], async () => {
      const r = await db.annotations.get(id);
      if (!r) return undefined;
      await db.annotations.delete(id);
      if (r.kind !== "note") await db.deletions.put({ pageUrl: r.pageUrl, fingerprint: r.fingerprint, deletedAt: now });
      return r;
    }),
  );
}

/** Undo of deleteAnnotation: puts the record back as it was. */
export async function restoreAnnotation(db: PolicyLensDB, record: AnnotationRecord): Promise<AnnotationRecord> {
  if (!record || typeof record.id !== "string" || typeof record.pageUrl !== "string" || typeof record.fingerprint !== "string" || !isSelectors(record.selectors) || !STORED_KINDS.includes(record.kind)) {
    throw new TypeError("restoreAnnotation: not an annotation record");
  }
  const restored: AnnotationRecord = { ...record, searchWords: annotationSearchWords(record), orphaned: record.orphaned ? 1 : 0, starred: record.starred ? 1 : 0 };
  return mapStorageErrors(() =>
    db.transaction("rw", [db.annotations, db.deletions], async () => {
      await db.deletions.delete([restored.pageUrl, restored.fingerprint]);
      // a record re-created under the same fingerprint in between (not by recordVisit, which honours
      // the deletion) gives way to the restored one
      const clash = await db.annotations.where("[pageUrl+fingerprint]").equals([restored.pageUrl, restored.fingerprint]).first();
      if (clash && clash.id !== restored.id) await db.annotations.delete(clash.id);
      await db.annotations.put(restored);
      return restored;
    }),
  );
}

/** The page's annotations in text order (orphaned ones included, flagged). */
export async function listForPage(db: PolicyLensDB, pageUrl: string): Promise<AnnotationRecord[]> {
  const rows = await db.annotations.where("pageUrl").equals(canonicalUrl(pageUrl)).toArray();
  return rows.sort(byPosition);
}

export async function getPage(db: PolicyLensDB, pageUrl: string): Promise<PageRecord | undefined> {
  return db.pages.get(canonicalUrl(pageUrl));
}

/** Pages, most recently seen first. */
export async function listPages(db: PolicyLensDB, options: { site?: string; limit?: number; offset?: number } = {}): Promise<PageRecord[]> {
  const limit = clampLimit(options.limit);
  const offset = Math.max(0, options.offset ?? 0);
  const site = options.site;
  let c = db.pages.orderBy("lastSeen").reverse();
  if (site !== undefined) c = c.filter((p) => p.site === site);
  return c.offset(offset).limit(limit).toArray();
}

// ————————————————————————————————————————————— the review panel

export interface AnnotationQuery {
  pageUrl?: string;
  kind?: StoredKind | readonly StoredKind[];
  subkind?: string;
  status?: ReviewStatus | readonly ReviewStatus[];
  site?: string;
  /** Inclusive bounds on the article date (yyyy-mm-dd; else the day first seen). */
  from?: string;
  to?: string;
  /** Words to find, diacritics and case ignored, each as a word prefix. */
  text?: string;
  starred?: boolean;
  orphaned?: boolean;
  /** This page's matches come first (the review panel opened on a page). */
  currentPage?: string;
  /** Default 100. */
  limit?: number;
  offset?: number;
}

export interface QueryResult {
  /** How many match in all. */
  total: number;
  /** The page of results: `currentPage` matches first, then the most recently edited first. */
  items: AnnotationRecord[];
}

const clampLimit = (limit: number | undefined) => Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit ?? DEFAULT_LIMIT)));
const asList = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? (v as readonly T[]) : [v as T]);

/**
 * Annotations matching every given filter. The most selective indexed filter (counted on its index)
 * chooses the records read; the other filters are checked on those records only. Text search reads
 * the multi-entry searchWords index by the longest query word's prefix.
 */
export async function query(db: PolicyLensDB, q: AnnotationQuery = {}): Promise<QueryResult> {
  const limit = clampLimit(q.limit);
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  const pageUrl = q.pageUrl !== undefined ? canonicalUrl(q.pageUrl) : undefined;
  const currentPage = q.currentPage !== undefined ? canonicalUrl(q.currentPage) : undefined;
  const kinds = asList(q.kind);
  const statuses = asList(q.status);
  const words = q.text !== undefined ? queryWords(q.text) : [];
  const t = db.annotations;

  // Each plan reads one index. Reads use plain key ranges (IDB count/getAll, no cursor walking):
  // a list of values is one range per value.
  type Plan = { count: () => Promise<number>; rows: () => Promise<AnnotationRecord[]> };
  const plans: Plan[] = [];
  const equalsAny = (index: string, values: readonly (string | number)[]) =>
    plans.push({
      count: async () => (await Promise.all(values.map((v) => t.where(index).equals(v).count()))).reduce((a, b) => a + b, 0),
      rows: async () => (await Promise.all(values.map((v) => t.where(index).equals(v).toArray()))).flat(),
    });
  if (pageUrl !== undefined) equalsAny("pageUrl", [pageUrl]);
  if (words.length > 0) {
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    const range = () => t.where("searchWords").startsWith(longest);
    plans.push({
      count: () => range().count(),
      // a record with several words starting with the prefix comes once per word
      rows: async () => [...new Map((await range().toArray()).map((r) => [r.id, r])).values()],
    });
  }
  if (kinds) equalsAny("kind", [...new Set(kinds)]);
  if (statuses) equalsAny("status", [...new Set(statuses)]);
  if (q.site !== undefined) equalsAny("site", [q.site]);
  if (q.starred !== undefined) equalsAny("starred", [flag(q.starred)]);
  if (q.orphaned !== undefined) equalsAny("orphaned", [flag(q.orphaned)]);
  if (q.from !== undefined || q.to !== undefined) {
    const range = () => t.where("date").between(q.from ?? "", q.to ?? "\uffff", true, true);
    plans.push({ count: () => range().count(), rows: () => range().toArray() });
  }

  const matches = (r: AnnotationRecord) =>
    (pageUrl === undefined || r.pageUrl === pageUrl) &&
    (!kinds || kinds.includes(r.kind)) &&
    (q.subkind === undefined || r.subkind === q.subkind) &&
    (!statuses || statuses.includes(r.status)) &&
    (q.site === undefined || r.site === q.site) &&
    (q.starred === undefined || r.starred === flag(q.starred)) &&
    (q.orphaned === undefined || r.orphaned === flag(q.orphaned)) &&
    (q.from === undefined || r.date >= q.from) &&
    (q.to === undefined || r.date <= q.to) &&
    (words.length === 0 || matchesWords(r.searchWords ?? [], words));

  return db.transaction("r", t, async () => {
    if (plans.length === 0 && q.subkind === undefined) {
      const total = await t.count();
      if (currentPage === undefined) return { total, items: await t.orderBy("updatedAt").reverse().offset(offset).limit(limit).toArray() };
      const first = (await t.where("pageUrl").equals(currentPage).toArray()).sort(byUpdatedDesc);
      const head = first.slice(offset, offset + limit);
      const rest =
        head.length >= limit
          ? []
          : await t
              .orderBy("updatedAt")
              .reverse()
              .filter((r) => r.pageUrl !== currentPage)
              .offset(Math.max(0, offset - first.length))
              .limit(limit - head.length)
              .toArray();
      return { total, items: [...head, ...rest] };
    }
    const counts = await Promise.all(plans.map((p) => p.count()));
    let driver: Plan | undefined;
    let best = Infinity;
    plans.forEach((p, i) => {
      if (counts[i]! < best) [driver, best] = [p, counts[i]!];
    });
    const rows = (driver ? await driver.rows() : await t.toArray()).filter(matches);
    rows.sort((a, b) => {
      if (currentPage !== undefined && (a.pageUrl === currentPage) !== (b.pageUrl === currentPage)) return a.pageUrl === currentPage ? -1 : 1;
      return byUpdatedDesc(a, b);
    });
    return { total: rows.length, items: rows.slice(offset, offset + limit) };
  });
}

// ————————————————————————————————————————————— views across articles

export interface ViewOptions {
  /** Rejected annotations are left out unless asked for. */
  includeRejected?: boolean;
  site?: string;
}

export interface PageMention {
  url: string;
  title: string;
  site: string;
  date: string;
  mentions: number;
}

export interface LeaderEntry {
  /** The folded name: the group's key. */
  key: string;
  /** The name as most often written. */
  name: string;
  /** Titles seen with the name, most frequent first. */
  titles: { title: string; count: number }[];
  mentions: number;
  starred: number;
  /** Pages mentioning the person, newest first. */
  pages: PageMention[];
}

export interface DirectiveEntry {
  /** Folded type and code: the group's key. */
  key: string;
  docType: string;
  code: string;
  /** The issuer most often named, and all of them (as written). */
  issuer?: string;
  issuers: string[];
  /** The date of issue most often given, and all of them. */
  date?: string;
  dates: string[];
  mentions: number;
  starred: number;
  /** Pages citing the document, newest first. */
  pages: PageMention[];
}

export interface NumberRow {
  id: string;
  pageUrl: string;
  pageTitle: string;
  site: string;
  date: string;
  subkind: string;
  value: number | string | undefined;
  unit?: string;
  approx?: string;
  text: string;
  status: ReviewStatus;
  starred: boolean;
  orphaned: boolean;
  note: string;
  tags: string[];
}

async function recordsOfKind(db: PolicyLensDB, kind: StoredKind, options: ViewOptions): Promise<AnnotationRecord[]> {
  const rows = await db.annotations.where("kind").equals(kind).toArray();
  return rows.filter((r) => (options.includeRejected || r.status !== "rejected") && (options.site === undefined || r.site === options.site));
}

async function pagesByUrl(db: PolicyLensDB, urls: Iterable<string>): Promise<Map<string, PageRecord>> {
  const list = [...new Set(urls)];
  const pages = await db.pages.bulkGet(list);
  const map = new Map<string, PageRecord>();
  pages.forEach((p, i) => p && map.set(list[i]!, p));
  return map;
}

/** Counts of spellings, most frequent first (ties: first seen). */
class Tally {
  private readonly counts = new Map<string, { value: string; count: number }>();
  add(value: string | undefined, key = value) {
    if (!value || !key) return;
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { value, count: 1 });
  }
  ranked(): { value: string; count: number }[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count);
  }
  top(): string | undefined {
    return this.ranked()[0]?.value;
  }
}

function mentionsByPage(records: readonly AnnotationRecord[], pages: Map<string, PageRecord>): PageMention[] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.pageUrl, (counts.get(r.pageUrl) ?? 0) + 1);
  return [...counts]
    .map(([url, mentions]) => {
      const p = pages.get(url);
      const sample = records.find((r) => r.pageUrl === url)!;
      return { url, title: p?.title ?? "", site: p?.site ?? sample.site, date: p ? pageDate(p) : sample.date, mentions };
    })
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1));
}

function groupBy<K>(records: readonly AnnotationRecord[], keyOf: (r: AnnotationRecord) => K | undefined): Map<K, AnnotationRecord[]> {
  const groups = new Map<K, AnnotationRecord[]>();
  for (const r of records) {
    const k = keyOf(r);
    if (k === undefined) continue;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/** Every person named, by folded name: the titles seen, how often and where. Most mentioned first. */
export async function leadersIndex(db: PolicyLensDB, options: ViewOptions = {}): Promise<LeaderEntry[]> {
  return db.transaction("r", [db.annotations, db.pages], async () => {
    const records = await recordsOfKind(db, "leader", options);
    const groups = groupBy(records, (r) => r.normalized || undefined);
    const pages = await pagesByUrl(db, records.map((r) => r.pageUrl));
    const entries: LeaderEntry[] = [];
    for (const [key, rs] of groups) {
      const names = new Tally();
      const titles = new Tally();
      for (const r of rs) {
        names.add(r.attributes.name || r.attributes.refersTo);
        const title = r.attributes.title?.replace(/\s+/g, " ").trim();
        titles.add(title, title && foldForSearch(title));
      }
      entries.push({
        key,
        name: names.top() ?? key,
        titles: titles.ranked().map(({ value, count }) => ({ title: value, count })),
        mentions: rs.length,
        starred: rs.filter((r) => r.starred).length,
        pages: mentionsByPage(rs, pages),
      });
    }
    return entries.sort((a, b) => b.mentions - a.mentions || a.key.localeCompare(b.key));
  });
}

/** Every document cited with a number, by type and code: where it was cited, its issuer and date. Most cited first. */
export async function directivesRegistry(db: PolicyLensDB, options: ViewOptions = {}): Promise<DirectiveEntry[]> {
  return db.transaction("r", [db.annotations, db.pages], async () => {
    const records = (await recordsOfKind(db, "directive", options)).filter((r) => r.subkind === "document" && r.attributes.code);
    const groups = groupBy(records, (r) => `${foldForSearch(r.attributes.docType ?? "")}|${foldCode(r.attributes.code ?? "")}`);
    const pages = await pagesByUrl(db, records.map((r) => r.pageUrl));
    const entries: DirectiveEntry[] = [];
    for (const [key, rs] of groups) {
      const docTypes = new Tally();
      const codes = new Tally();
      const issuers = new Tally();
      const dates = new Tally();
      for (const r of rs) {
        docTypes.add(r.attributes.docType);
        codes.add(r.attributes.code);
        issuers.add(r.attributes.issuer, r.attributes.issuer && foldForSearch(r.attributes.issuer));
        dates.add(r.attributes.date);
      }
      const issuer = issuers.top();
      const date = dates.top();
      entries.push({
        key,
        docType: docTypes.top() ?? "",
        code: codes.top() ?? "",
        ...(issuer ? { issuer } : {}),
        issuers: issuers.ranked().map((e) => e.value),
        ...(date ? { date } : {}),
        dates: dates.ranked().map((e) => e.value),
        mentions: rs.length,
        starred: rs.filter((r) => r.starred).length,
        pages: mentionsByPage(rs, pages),
      });
    }
    return entries.sort((a, b) => b.mentions - a.mentions || a.key.localeCompare(b.key));
  });
}

/** Numbers across pages: newest article first, then in text order. */
export async function numbersTable(
  db: PolicyLensDB,
  options: ViewOptions & { subkind?: string; limit?: number; offset?: number } = {},
): Promise<{ total: number; rows: NumberRow[] }> {
  return db.transaction("r", [db.annotations, db.pages], async () => {
    const records = (await recordsOfKind(db, "number", options)).filter((r) => options.subkind === undefined || r.subkind === options.subkind);
    records.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.pageUrl < b.pageUrl ? -1 : a.pageUrl > b.pageUrl ? 1 : byPosition(a, b)));
    const offset = Math.max(0, options.offset ?? 0);
    const slice = records.slice(offset, offset + clampLimit(options.limit ?? MAX_LIMIT));
    const pages = await pagesByUrl(db, slice.map((r) => r.pageUrl));
    const rows = slice.map(
      (r): NumberRow => ({
        id: r.id,
        pageUrl: r.pageUrl,
        pageTitle: pages.get(r.pageUrl)?.title ?? "",
        site: r.site,
        date: r.date,
        subkind: r.subkind ?? "",
        value: r.attributes.value,
        ...(r.attributes.unit ? { unit: r.attributes.unit } : {}),
        ...(r.attributes.approx ? { approx: r.attributes.approx } : {}),
        text: r.text,
        status: r.status,
        starred: r.starred === 1,
        orphaned: r.orphaned === 1,
        note: r.note,
        tags: r.tags,
      }),
    );
    return { total: records.length, rows };
  });
}

/** All mentions of one leader or document (by the `key` of its index entry), newest first. */
export async function mentionsOf(db: PolicyLensDB, kind: StoredKind, key: string): Promise<AnnotationRecord[]> {
  const rows = await db.annotations.where("[kind+normalized]").equals([kind, key]).toArray();
  return rows.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : byPosition(a, b)));
}

/** A stored record in the extractor's shape (for the Markdown export), or null for a reader's note. */
export function toAnnotation(r: AnnotationRecord): Annotation | null {
  if (r.kind === "note") return null;
  const { start, end } = r.selectors.position;
  return { kind: r.kind, ...(r.subkind ? { subkind: r.subkind } : {}), ...r.attributes, start, end, text: r.text } as unknown as Annotation;
}

// ————————————————————————————————————————————— notes about a page as a whole

export async function addPageNote(
  db: PolicyLensDB,
  input: { id?: string; pageUrl: string; pageTitle?: string; text: string; tags?: readonly string[] },
  now: number = Date.now(),
): Promise<NoteRecord> {
  if (typeof input.text !== "string" || input.text.trim() === "" || input.text.length > MAX_NOTE) throw new RangeError("addPageNote: bad text");
  const url = canonicalUrl(input.pageUrl);
  const id = input.id ?? newId();
  return mapStorageErrors(() =>
    db.transaction("rw", [db.pages, db.notes], async () => {
      const existing = await db.notes.get(id);
      if (existing) return existing;
      let pageRecord = await db.pages.get(url);
      if (!pageRecord) {
        pageRecord = upsertPage(undefined, url, input.pageTitle, undefined, now, false);
        await db.pages.add(pageRecord);
      }
      const tags = cleanTags(input.tags);
      const note: NoteRecord = { id, pageUrl: url, site: pageRecord.site, text: input.text, tags, createdAt: now, updatedAt: now, searchWords: searchWordsOf(input.text, ...tags) };
      await db.notes.add(note);
      return note;
    }),
  );
}

export async function updatePageNote(db: PolicyLensDB, id: string, patch: { text?: string; tags?: readonly string[] }, now: number = Date.now()): Promise<NoteRecord | undefined> {
  if (patch.text !== undefined && (typeof patch.text !== "string" || patch.text.length > MAX_NOTE)) throw new RangeError("updatePageNote: bad text");
  return mapStorageErrors(() =>
    db.transaction("rw", db.notes, async () => {
      const n = await db.notes.get(id);
      if (!n) return undefined;
      const next: NoteRecord = { ...n, ...(patch.text !== undefined ? { text: patch.text } : {}), ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}), updatedAt: Math.max(now, n.updatedAt) };
      next.searchWords = searchWordsOf(next.text, ...next.tags);
      await db.notes.put(next);
      return next;
    }),
  );
}

/** Deletes a page note; the returned record is the undo token for restorePageNote. */
export async function deletePageNote(db: PolicyLensDB, id: string): Promise<NoteRecord | undefined> {
  return mapStorageErrors(() =>
    db.transaction("rw", db.notes, async () => {
      const n = await db.notes.get(id);
      if (n) await db.notes.delete(id);
      return n;
    }),
  );
}

export async function restorePageNote(db: PolicyLensDB, note: NoteRecord): Promise<NoteRecord> {
  if (!note || typeof note.id !== "string" || typeof note.pageUrl !== "string" || typeof note.text !== "string") throw new TypeError("restorePageNote: not a note record");
  const restored: NoteRecord = { ...note, searchWords: searchWordsOf(note.text, ...(note.tags ?? [])) };
  return mapStorageErrors(() => db.transaction("rw", db.notes, async () => (await db.notes.put(restored), restored)));
}

export async function listPageNotes(db: PolicyLensDB, pageUrl: string): Promise<NoteRecord[]> {
  const rows = await db.notes.where("pageUrl").equals(canonicalUrl(pageUrl)).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Page notes containing every query word (diacritics ignored), newest edit first. */
export async function searchPageNotes(db: PolicyLensDB, text: string): Promise<NoteRecord[]> {
  const words = queryWords(text);
  if (words.length === 0) return [];
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const rows = await db.notes
    .where("searchWords")
    .startsWith(longest)
    .distinct()
    .filter((n) => matchesWords(n.searchWords, words))
    .toArray();
  return rows.sort((a, b) => b.updatedAt - a.updatedAt);
}


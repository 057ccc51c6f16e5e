// What an export contains: the current page, a filtered selection (the review panel's query()
// filters, every page of results) or everything — read in one read transaction, so the file is a
// consistent snapshot even while other tabs write.
import { localDay } from "../store/derive";
import { listForPage, listPageNotes, query, type AnnotationQuery } from "../store/repository";
import type { PolicyLensDB } from "../store/schema";
import type { AnnotationRecord, NoteRecord, PageRecord } from "../store/types";
import { canonicalUrl } from "../store/url";
import type { ExportBundle } from "./types";

export type ExportScope =
  | { kind: "page"; pageUrl: string }
  /** The annotations matching the filters (limit, offset and currentPage are ignored); page notes are not filtered and left out unless asked for. */
  | { kind: "filtered"; query: AnnotationQuery; includePageNotes?: boolean }
  | { kind: "all" };

/** query() returns at most this many per call. */
const PAGE_SIZE = 10_000;

const pageDate = (p: PageRecord) => p.articleDate ?? localDay(p.firstSeen);

/** Newest article first, then title and address: the order pages appear in every export. */
export function sortPages(pages: readonly PageRecord[]): PageRecord[] {
  return [...pages].sort((a, b) => {
    const da = pageDate(a);
    const db = pageDate(b);
    return da < db ? 1 : da > db ? -1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
  });
}

const byPosition = (a: AnnotationRecord, b: AnnotationRecord) =>
  a.pageUrl < b.pageUrl ? -1 : a.pageUrl > b.pageUrl ? 1 : a.selectors.position.start - b.selectors.position.start || a.selectors.position.end - b.selectors.position.end || (a.id < b.id ? -1 : 1);
const byCreation = (a: NoteRecord, b: NoteRecord) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/** Every annotation matching `q`: all pages of results, read in one transaction. */
export async function queryAll(db: PolicyLensDB, q: AnnotationQuery, pageSize: number = PAGE_SIZE): Promise<AnnotationRecord[]> {
  const { limit: _l, offset: _o, currentPage: _c, ...filters } = q;
  const size = Math.max(1, Math.min(PAGE_SIZE, Math.floor(pageSize)));
  return db.transaction("r", db.annotations, async () => {
    const out: AnnotationRecord[] = [];
    for (let offset = 0; ; offset += size) {
      const { total, items } = await query(db, { ...filters, limit: size, offset });
      out.push(...items);
      if (items.length < size || out.length >= total) return out;
    }
  });
}

/** The pages, annotations (text order) and page notes of a scope. */
export async function gatherExport(db: PolicyLensDB, scope: ExportScope): Promise<ExportBundle> {
  return db.transaction("r", [db.pages, db.annotations, db.notes], async () => {
    let pages: PageRecord[];
    let annotations: AnnotationRecord[];
    let notes: NoteRecord[];
    if (scope.kind === "page") {
      const url = canonicalUrl(scope.pageUrl);
      const page = await db.pages.get(url);
      annotations = await listForPage(db, url);
      notes = await listPageNotes(db, url);
      pages = page ? [page] : [];
    } else if (scope.kind === "filtered") {
      annotations = await queryAll(db, scope.query);
      const urls = [...new Set(annotations.map((a) => a.pageUrl))];
      pages = (await db.pages.bulkGet(urls)).filter((p): p is PageRecord => p !== undefined);
      // one key range per page (Dexie's anyOf walks a cursor: slow on large stores)
      notes = scope.includePageNotes ? (await Promise.all(urls.map((url) => db.notes.where("pageUrl").equals(url).toArray()))).flat() : [];
    } else {
      [pages, annotations, notes] = await Promise.all([db.pages.toArray(), db.annotations.toArray(), db.notes.toArray()]);
    }
    return { pages: sortPages(pages), annotations: annotations.sort(byPosition), notes: notes.sort(byCreation) };
  });
}

/** How many annotations and pages a bundle holds (for the menu's message). */
export function bundleSize(bundle: ExportBundle): { annotations: number; pages: number; notes: number } {
  return { annotations: bundle.annotations.length, pages: bundle.pages.length, notes: bundle.notes.length };
}

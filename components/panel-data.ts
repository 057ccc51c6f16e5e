// The review panel's data, without UI: the rows it shows, the filters it applies, the store
// functions it calls (PanelStore, so components can be tested with a fake), and the queries it runs
// when it opens (openPanelFirstScreen, the benchmark hook). No Preact, no `browser` here.
import type { Annotation } from "@/lib/extract/types";
import { formatIsoDate, formatValue } from "@/lib/format";
import type { MessageKey } from "@/lib/i18n";
import type { PageAnnotations } from "@/lib/messages";
import {
  deleteAnnotation,
  directivesRegistry,
  getPage,
  leadersIndex,
  listForPage,
  mentionsOf,
  numbersTable,
  query,
  restoreAnnotation,
  updateAnnotation,
  type AnnotationPatch,
  type AnnotationQuery,
  type DirectiveEntry,
  type LeaderEntry,
  type NumberRow,
  type ViewOptions,
} from "@/lib/store/repository";
import type { PolicyLensDB } from "@/lib/store/schema";
import { siteOf } from "@/lib/store/url";
import type { AnnotationAttributes, AnnotationRecord, PageRecord, ReviewStatus, StoredKind } from "@/lib/store/types";
import { matchesWords, queryWords, searchWordsOf } from "@/lib/text-fold";

/** Rows of the "All" list fetched per step as the reader scrolls. */
export const PANEL_PAGE_SIZE = 100;

/** One annotation as a row of the panel: a stored record, or one read live from the page. */
export interface PanelItem {
  /** The record id; "live:<index>" for an annotation read from the page and not stored. */
  id: string;
  /** For a live annotation: its index in the page's list (focus-annotation). */
  liveIndex?: number;
  kind: StoredKind;
  subkind?: string;
  text: string;
  attributes: AnnotationAttributes;
  status: ReviewStatus;
  starred: boolean;
  note: string;
  tags: string[];
  orphaned: boolean;
  pageUrl: string;
  site: string;
  /** yyyy-mm-dd. */
  date: string;
  pageTitle?: string;
  /** Folded words (search). */
  searchWords: readonly string[];
}

export function itemFromRecord(r: AnnotationRecord, pageTitle?: string): PanelItem {
  return {
    id: r.id,
    kind: r.kind,
    ...(r.subkind ? { subkind: r.subkind } : {}),
    text: r.text,
    attributes: r.attributes ?? {},
    status: r.status,
    starred: r.starred === 1,
    note: r.note ?? "",
    tags: r.tags ?? [],
    orphaned: r.orphaned === 1,
    pageUrl: r.pageUrl,
    site: r.site,
    date: r.date,
    ...(pageTitle ? { pageTitle } : {}),
    searchWords: r.searchWords ?? [],
  };
}

const ATTRIBUTE_KEYS = ["name", "title", "honorific", "refersTo", "docType", "code", "issuer", "date", "speaker", "verb", "value", "unit", "approx"] as const;

export function itemFromLive(a: Annotation, index: number, page: Pick<PageAnnotations, "url" | "title" | "articleDate">): PanelItem {
  const attributes: Record<string, unknown> = {};
  const source = a as unknown as Record<string, unknown>;
  for (const key of ATTRIBUTE_KEYS) {
    const v = source[key];
    if (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) attributes[key] = v;
  }
  const attrs = attributes as AnnotationAttributes;
  const site = siteOf(page.url);
  return {
    id: `live:${index}`,
    liveIndex: index,
    kind: a.kind,
    ...("subkind" in a && a.subkind ? { subkind: a.subkind } : {}),
    text: a.text,
    attributes: attrs,
    status: "new",
    starred: false,
    note: "",
    tags: [],
    orphaned: false,
    pageUrl: page.url,
    site,
    date: page.articleDate ?? "",
    ...(page.title ? { pageTitle: page.title } : {}),
    searchWords: searchWordsOf(a.text, ...Object.values(attrs).map((v) => (v === undefined ? undefined : String(v)))),
  };
}

/** The i18n key naming an item's kind (directives by subkind). */
export function kindLabelKey(item: Pick<PanelItem, "kind" | "subkind">): MessageKey {
  if (item.kind === "directive") return item.subkind === "instruction" ? "instruction" : "document";
  return item.kind;
}

const NUMBER_SUBKIND_KEYS: Record<string, MessageKey> = {
  quantity: "numQuantity",
  money: "numMoney",
  percent: "numPercent",
  date: "numDate",
  time: "numTime",
  period: "numPeriod",
  ordinal: "numOrdinal",
};

export function numberSubkindKey(subkind: string | undefined): MessageKey {
  return NUMBER_SUBKIND_KEYS[subkind ?? ""] ?? "number";
}

/** A number's normalised value as a reader writes it ("hơn 8%", "14.000.000 đồng", "17/04/2023"). */
export function formatNumberValue(subkind: string | undefined, attributes: { value?: number | string; unit?: string; approx?: string }): string {
  const { value } = attributes;
  if (value === undefined || value === "") return "";
  const a = {
    kind: "number",
    subkind: subkind ?? "quantity",
    value,
    ...(attributes.unit ? { unit: attributes.unit } : {}),
    ...(attributes.approx ? { approx: attributes.approx } : {}),
    start: 0,
    end: 0,
    text: "",
  } as Annotation;
  return formatValue(a);
}

/** What a row says next to the quote: the normalised value or the key attributes. */
export function detailOf(item: Pick<PanelItem, "kind" | "subkind" | "attributes">): string {
  const a = item.attributes;
  const join = (...parts: (string | undefined)[]) => parts.filter((p) => p && p.trim() !== "").join(" · ");
  switch (item.kind) {
    case "leader":
      return join(a.title, a.name || (a.refersTo ? `→ ${a.refersTo}` : ""));
    case "directive":
      return item.subkind === "instruction" ? join(a.speaker, a.verb) : join(a.docType, a.code, a.issuer, a.date ? formatIsoDate(a.date) : undefined);
    case "number":
      return formatNumberValue(item.subkind, a);
    case "note":
      return "";
  }
}

// ————————————————————————————————————————————— filters

export interface PanelFilters {
  kind?: StoredKind;
  status?: ReviewStatus;
  site?: string;
  /** yyyy-mm-dd, inclusive. */
  from?: string;
  to?: string;
  starred?: boolean;
  /** Search words, diacritics and case ignored. */
  text?: string;
}

export const NO_FILTERS: PanelFilters = {};

export function hasFilters(f: PanelFilters): boolean {
  return Boolean(f.kind || f.status || f.site || f.from || f.to || f.starred || (f.text && queryWords(f.text).length > 0));
}

/** The store query for the "All" list. */
export function toQuery(f: PanelFilters, currentPage: string | undefined, limit: number): AnnotationQuery {
  const words = f.text ? queryWords(f.text) : [];
  return {
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.site ? { site: f.site } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.starred ? { starred: true } : {}),
    ...(words.length > 0 ? { text: words.join(" ") } : {}),
    ...(currentPage ? { currentPage } : {}),
    limit,
  };
}

/** The same filters applied to rows already in memory (this page's). */
export function matchesFilters(item: PanelItem, f: PanelFilters): boolean {
  if (f.kind && item.kind !== f.kind) return false;
  if (f.status && item.status !== f.status) return false;
  if (f.site && item.site !== f.site) return false;
  if (f.starred && !item.starred) return false;
  if (f.from && !(item.date && item.date >= f.from)) return false;
  if (f.to && !(item.date && item.date <= f.to)) return false;
  if (f.text) {
    const words = queryWords(f.text);
    if (words.length > 0 && !matchesWords(item.searchWords, words)) return false;
  }
  return true;
}

/** A view entry (leader, document, number) kept by the search box: every word prefixes a word of `texts`. */
export function matchesText(text: string | undefined, ...texts: (string | number | undefined)[]): boolean {
  if (!text) return true;
  const words = queryWords(text);
  if (words.length === 0) return true;
  return matchesWords(searchWordsOf(...texts.map((t) => (t === undefined ? undefined : String(t)))), words);
}

/** This page's rows by group, in text order: by kind, then the orphaned ones (never hidden). */
export interface PageGroups {
  leader: PanelItem[];
  directive: PanelItem[];
  number: PanelItem[];
  note: PanelItem[];
  orphaned: PanelItem[];
}

export function groupPageItems(items: readonly PanelItem[]): PageGroups {
  const groups: PageGroups = { leader: [], directive: [], number: [], note: [], orphaned: [] };
  for (const item of items) (item.orphaned ? groups.orphaned : groups[item.kind]).push(item);
  return groups;
}

/**
 * The rows of a live list in a stable order: rows already shown keep their places when an edit
 * (which changes the store's newest-edit-first order) or a background write re-runs the query; new
 * rows go after the row they follow in the new result. Removed rows disappear.
 */
export function stableOrder<T extends { id: string }>(previousIds: readonly string[], next: readonly T[]): T[] {
  if (previousIds.length === 0) return [...next];
  const known = new Set(previousIds);
  const byId = new Map(next.map((x) => [x.id, x]));
  const HEAD = "\u0000head";
  const after = new Map<string, T[]>();
  let anchor = HEAD;
  for (const x of next) {
    if (known.has(x.id)) {
      anchor = x.id;
      continue;
    }
    const bucket = after.get(anchor);
    if (bucket) bucket.push(x);
    else after.set(anchor, [x]);
  }
  const out: T[] = [...(after.get(HEAD) ?? [])];
  for (const id of previousIds) {
    const x = byId.get(id);
    if (!x) continue;
    out.push(x, ...(after.get(id) ?? []));
  }
  return out;
}

/** Tags as typed in the editor ("a, b ,c") → ["a", "b", "c"]. The store cleans them further. */
export function parseTags(input: string): string[] {
  return input
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

// ————————————————————————————————————————————— the store, as the panel uses it

export interface SearchResult {
  total: number;
  items: PanelItem[];
}

/** What the panel reads and writes. storeFor(db) is the real one; tests may pass fakes. */
export interface PanelStore {
  pageItems(pageUrl: string): Promise<{ page: PageRecord | undefined; items: PanelItem[] }>;
  search(q: AnnotationQuery): Promise<SearchResult>;
  sites(): Promise<string[]>;
  leaders(options: ViewOptions): Promise<LeaderEntry[]>;
  directives(options: ViewOptions): Promise<DirectiveEntry[]>;
  numbers(options: ViewOptions): Promise<{ total: number; rows: NumberRow[] }>;
  /** The id of an annotation of `kind` grouped under `key` on `pageUrl` (to jump to it). */
  mentionOn(kind: StoredKind, key: string, pageUrl: string): Promise<string | undefined>;
  update(id: string, patch: AnnotationPatch): Promise<void>;
  /** Deletes; the result is the undo token for restore (undefined when nothing was deleted). */
  remove(id: string): Promise<AnnotationRecord | undefined>;
  restore(token: AnnotationRecord): Promise<void>;
}

async function titlesOf(db: PolicyLensDB, urls: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(urls)];
  const pages = await db.pages.bulkGet(list);
  const map = new Map<string, string>();
  pages.forEach((p, i) => p?.title && map.set(list[i]!, p.title));
  return map;
}

/** The search for the "All" list: a page of query() with each row's page title. */
export async function searchItems(db: PolicyLensDB, q: AnnotationQuery): Promise<SearchResult> {
  const result = await query(db, q);
  const titles = await titlesOf(db, result.items.map((r) => r.pageUrl));
  return { total: result.total, items: result.items.map((r) => itemFromRecord(r, titles.get(r.pageUrl))) };
}

/** This page's stored rows (text order) and its page record. */
export async function pageItems(db: PolicyLensDB, pageUrl: string): Promise<{ page: PageRecord | undefined; items: PanelItem[] }> {
  const [page, records] = await Promise.all([getPage(db, pageUrl), listForPage(db, pageUrl)]);
  return { page, items: records.map((r) => itemFromRecord(r, page?.title)) };
}

/** The sites with annotations, from the site index's distinct keys (no record read). */
export async function siteList(db: PolicyLensDB): Promise<string[]> {
  const keys = await db.annotations.orderBy("site").uniqueKeys();
  return keys.map(String).filter(Boolean).sort();
}

export function storeFor(db: PolicyLensDB): PanelStore {
  return {
    pageItems: (url) => pageItems(db, url),
    search: (q) => searchItems(db, q),
    sites: () => siteList(db),
    leaders: (o) => leadersIndex(db, o),
    directives: (o) => directivesRegistry(db, o),
    numbers: (o) => numbersTable(db, o),
    mentionOn: async (kind, key, pageUrl) => (await mentionsOf(db, kind, key)).find((r) => r.pageUrl === pageUrl)?.id,
    update: async (id, patch) => void (await updateAnnotation(db, id, patch)),
    remove: (id) => deleteAnnotation(db, id),
    restore: async (token) => void (await restoreAnnotation(db, token)),
  };
}

// ————————————————————————————————————————————— the benchmark hook

export interface FirstScreen {
  /** This page's stored rows, text order (empty without a page). */
  page: PanelItem[];
  /** The first page of the "All" list: this page's rows first, then the most recently edited. */
  all: SearchResult;
  /** The sites for the site filter. */
  sites: string[];
}

/**
 * "Open the panel's first screen" as a pure data step: exactly the reads the panel runs when it
 * opens on `pageUrl` with `filters` (none by default): this page's records, the first
 * PANEL_PAGE_SIZE rows of the "All" list and the site list, in parallel. For `npm run bench`.
 */
export async function openPanelFirstScreen(db: PolicyLensDB, pageUrl: string | undefined, filters: PanelFilters = NO_FILTERS): Promise<FirstScreen> {
  const [page, all, sites] = await Promise.all([
    pageUrl ? pageItems(db, pageUrl) : Promise.resolve({ page: undefined, items: [] as PanelItem[] }),
    searchItems(db, toQuery(filters, pageUrl, PANEL_PAGE_SIZE)),
    siteList(db),
  ]);
  return { page: page.items, all, sites };
}

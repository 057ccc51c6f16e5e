// The message contract: one type per direction, each checked on receipt. Anything without the
// expected shape is rejected (and logged by the receiver), never acted on or stored.
import { isSelectors, type Selectors } from "./anchor/selectors";
import type { Annotation, AnnotationKind } from "./extract/types";

export type KindCounts = Record<AnnotationKind, number>;

export type ReviewStatus = "new" | "confirmed" | "rejected";

/** What the reader can change on an annotation from the card. */
export interface AnnotationPatch {
  starred?: boolean;
  status?: ReviewStatus;
  note?: string;
}

export interface VisitPage {
  url: string;
  title: string;
  articleDate?: string;
}

/** Content script → background. */
export type ContentToBackground =
  /**
   * The page's article text, all read so far, is `length` long; `chunk` is its slice from `at` on
   * (the part the background does not hold yet: see page-text). The background runs the rules on
   * [from, to) of it (the new batch; earlier batches were read before), stores the visit, and
   * answers with an AnnotateReply, or with TextMissing when it lacks part of the text. The rules
   * run there, not on the page's thread. `view`: this page view's text, made up by the page.
   */
  | {
      type: "annotate-page";
      page: VisitPage;
      view: string;
      at: number;
      chunk: string;
      length: number;
      from: number;
      to?: number;
      continued?: boolean;
    }
  /**
   * A slice of the page view's text from `at` on, ahead of an annotate-page: a long text goes in
   * several, so that no one message holds the page's thread while it is serialised. Answered with
   * a TextReply.
   */
  | { type: "page-text"; view: string; at: number; chunk: string }
  | { type: "update-annotation"; id: string; patch: AnnotationPatch }
  /** The hover card's UI is needed on this page: inject it into the content script's world. */
  | { type: "load-card-ui" }
  /** Text the reader selected, with a note; `id` is made by the sender so a retried save is not doubled. */
  | { type: "save-note"; id: string; page: VisitPage; selectors: Selectors; note: string };

/** Popup → content script (through tabs.sendMessage). */
export type PopupToContent =
  | { type: "get-page-annotations" }
  | { type: "set-highlights-visible"; visible: boolean }
  | { type: "focus-annotation"; index: number };

/** Popup (or another extension page) → background. */
export type PopupToBackground =
  | { type: "set-site"; host: string; choice: "on" | "off"; tabId?: number }
  /** Jump to a stored annotation: activate its tab or open its page, scroll to it, flash it. */
  | { type: "open-annotation"; id: string };

/** Background → content script. */
export type BackgroundToContent =
  | { type: "site-disabled" }
  /** The reader asked (context menu or shortcut) to note the selected text. */
  | { type: "note-selection" }
  /** Scroll to the text these selectors describe and flash it (the page may have changed since). */
  | { type: "focus-selectors"; selectors: Selectors };

/** The content script's answer to get-page-annotations. */
export interface PageAnnotations {
  url: string;
  title: string;
  articleDate?: string;
  visible: boolean;
  annotations: Annotation[];
}

/** The answer to a request that writes. */
export type WriteFailure = { ok: false; error: "storage-full" | "failed"; detail?: string };
export type WriteResult = { ok: true } | WriteFailure;

/** A stored annotation as the page needs it: where it is now in the page text (null: not found). */
export interface StoredOnPage {
  id: string;
  kind: AnnotationKind | "note";
  subkind?: string;
  text: string;
  span: { start: number; end: number } | null;
  status: ReviewStatus;
  starred: boolean;
  note: string;
  /**
   * The annotation in the extractor's shape (attributes included), for the card; null when the
   * page has it already (found in this batch, or earlier in the page) or it is a note.
   */
  annotation: Annotation | null;
}

export type VisitReply = { ok: true; records: StoredOnPage[] } | WriteFailure;

/** The answer to annotate-page: what the rules found in the new batch (offsets into the whole text) and how storing went. */
export interface AnnotateReply {
  annotations: Annotation[];
  /** The stored record of each annotation, by index (null: not stored). */
  ids: (string | null)[];
  /**
   * ok: the page's other records it must know of (set by the reader, notes, older readings still
   * found in the text); the untouched records of `annotations` are only in `ids`.
   */
  visit: VisitReply;
}

/**
 * How much of a page view's text the background holds (in characters from the start). Not ok: a
 * chunk came after a gap, or an annotate-page before its whole text (a service worker that was
 * stopped has lost what it held): the page sends the text again from `have`.
 */
export type TextMissing = { ok: false; error: "text-missing"; have: number };
export type TextReply = { ok: true; have: number } | TextMissing;

export function isTextReply(v: unknown): v is TextReply {
  return isObject(v) && isCount(v.have) && (v.ok === true || (v.ok === false && v.error === "text-missing"));
}

export const isTextMissing = (v: unknown): v is TextMissing => isTextReply(v) && !v.ok;

const MAX_TEXT = 20_000;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isString = (v: unknown, max = 4096): v is string => typeof v === "string" && v.length <= max;
const HOST = /^[a-z0-9.-]{1,253}$/;

const MAX_PAGE_TEXT = 50_000_000;
const STATUSES: readonly string[] = ["new", "confirmed", "rejected"] satisfies ReviewStatus[];
const ID = /^[A-Za-z0-9-]{1,64}$/;

function parseVisitPage(v: unknown): VisitPage | null {
  if (!isObject(v) || !isString(v.url) || !/^https?:/i.test(v.url) || !isString(v.title, 2048)) return null;
  if (v.articleDate !== undefined && !(isString(v.articleDate, 10) && /^\d{4}-\d{2}-\d{2}$/.test(v.articleDate))) return null;
  return { url: v.url, title: v.title, ...(v.articleDate !== undefined ? { articleDate: v.articleDate as string } : {}) };
}

function parsePatch(v: unknown): AnnotationPatch | null {
  if (!isObject(v)) return null;
  const patch: AnnotationPatch = {};
  if (v.starred !== undefined) {
    if (typeof v.starred !== "boolean") return null;
    patch.starred = v.starred;
  }
  if (v.status !== undefined) {
    if (!STATUSES.includes(v.status as string)) return null;
    patch.status = v.status as ReviewStatus;
  }
  if (v.note !== undefined) {
    if (!isString(v.note, MAX_TEXT)) return null;
    patch.note = v.note;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

/** A slice of a page view's text: `chunk` from `at` on. */
function parseTextSlice(m: Record<string, unknown>): { view: string; at: number; chunk: string } | null {
  const { view, at, chunk } = m;
  if (!isString(view, 64) || !ID.test(view) || !isCount(at) || !isString(chunk, MAX_PAGE_TEXT) || at + chunk.length > MAX_PAGE_TEXT) return null;
  return { view, at, chunk };
}

export function parseContentToBackground(message: unknown): ContentToBackground | null {
  if (!isObject(message)) return null;
  if (message.type === "annotate-page") {
    const page = parseVisitPage(message.page);
    const slice = parseTextSlice(message);
    const { length, from, to, continued } = message;
    if (!page || !slice || !isCount(length) || slice.at + slice.chunk.length !== length) return null;
    if (!isCount(from) || from > length || (to !== undefined && (!isCount(to) || to < from || to > length))) return null;
    if (continued !== undefined && typeof continued !== "boolean") return null;
    return { type: "annotate-page", page, ...slice, length, from, ...(to !== undefined ? { to } : {}), ...(continued ? { continued } : {}) };
  }
  if (message.type === "page-text") {
    const slice = parseTextSlice(message);
    return slice ? { type: "page-text", ...slice } : null;
  }
  if (message.type === "load-card-ui") return { type: "load-card-ui" };
  if (message.type === "update-annotation") {
    const patch = parsePatch(message.patch);
    if (!isString(message.id, 64) || !ID.test(message.id) || !patch) return null;
    return { type: "update-annotation", id: message.id, patch };
  }
  if (message.type === "save-note") {
    const page = parseVisitPage(message.page);
    const { id, selectors, note } = message;
    if (!page || !isString(id, 64) || !ID.test(id) || !isSelectors(selectors) || !isString(note, MAX_TEXT)) return null;
    if (selectors.quote.exact.trim() === "" || selectors.quote.exact.length > MAX_TEXT) return null;
    return { type: "save-note", id, page, selectors, note };
  }
  return null;
}

export function parsePopupToContent(message: unknown): PopupToContent | null {
  if (!isObject(message)) return null;
  if (message.type === "get-page-annotations") return { type: "get-page-annotations" };
  if (message.type === "set-highlights-visible" && typeof message.visible === "boolean")
    return { type: "set-highlights-visible", visible: message.visible };
  if (message.type === "focus-annotation" && isCount(message.index)) return { type: "focus-annotation", index: message.index };
  return null;
}

export function parsePopupToBackground(message: unknown): PopupToBackground | null {
  if (!isObject(message)) return null;
  if (message.type === "open-annotation") return isString(message.id, 100) && message.id !== "" ? { type: "open-annotation", id: message.id } : null;
  if (message.type !== "set-site") return null;
  const { host, choice, tabId } = message;
  if (!isString(host, 253) || !HOST.test(host) || (choice !== "on" && choice !== "off")) return null;
  if (tabId !== undefined && !isCount(tabId)) return null;
  return { type: "set-site", host, choice, ...(tabId !== undefined ? { tabId } : {}) };
}

export function parseBackgroundToContent(message: unknown): BackgroundToContent | null {
  if (!isObject(message)) return null;
  if (message.type === "site-disabled") return { type: "site-disabled" };
  if (message.type === "note-selection") return { type: "note-selection" };
  if (message.type === "focus-selectors" && isSelectors(message.selectors)) return { type: "focus-selectors", selectors: message.selectors };
  return null;
}

export function countKinds(annotations: readonly Annotation[]): KindCounts {
  const counts: KindCounts = { leader: 0, directive: 0, number: 0 };
  for (const a of annotations) counts[a.kind]++;
  return counts;
}

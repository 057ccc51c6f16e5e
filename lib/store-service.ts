// What the background does with a content script's request, on the store alone (no browser API):
// testable on fake-indexeddb, and every write one transaction in the repository.
import { extract, type Annotation } from "./extract";
import type { AnnotateReply, ContentToBackground, StoredOnPage, VisitPage, VisitReply, WriteFailure, WriteResult } from "./messages";
import { recordVisit, saveNote, StorageFullError, toAnnotation, updateAnnotation, type PolicyLensDB } from "./store";
import type { AnnotationRecord } from "./store/types";

export function failure(error: unknown): WriteFailure {
  if (error instanceof StorageFullError) return { ok: false, error: "storage-full", detail: error.message };
  return { ok: false, error: "failed", detail: error instanceof Error ? error.message : String(error) };
}

function onPage(record: AnnotationRecord, span: { start: number; end: number } | null): StoredOnPage {
  return {
    id: record.id,
    kind: record.kind,
    ...(record.subkind ? { subkind: record.subkind } : {}),
    text: record.text,
    span,
    status: record.status,
    starred: record.starred === 1,
    note: record.note,
    annotation: toAnnotation(record),
  };
}

/** One reading of a page: its article text (all read so far) and the annotations found in it. */
export interface VisitInput {
  page: VisitPage;
  text: string;
  annotations: Annotation[];
  /** A later batch of the same page view: not a new visit. */
  continued?: boolean;
}

/** An annotate-page request with its whole text (the message carries only what the background lacked). */
export interface AnnotateRequest {
  page: VisitPage;
  /** The page's article text, all read so far. */
  text: string;
  /** The new batch: [from, to) of the text (to: its end by default). */
  from: number;
  to?: number;
  /** A later batch of the same page view: not a new visit. */
  continued?: boolean;
}

/**
 * A page's request to annotate its text: the rules run here (the background), on the new batch
 * only, and the visit is stored. The annotations come back even when storing fails (a full disk
 * must not take the highlights away); `onError` hears about a rule family that failed.
 */
export async function annotatePage(db: PolicyLensDB, request: AnnotateRequest, now = Date.now(), onError?: (family: string, error: unknown) => void): Promise<AnnotateReply> {
  const { page, text, from, to = text.length, continued } = request;
  // [from, to): the batch; the text around it gives the stored annotations their context
  const annotations = extract(text.slice(from, to), { articleDate: page.articleDate }, onError);
  if (from > 0) {
    for (const a of annotations) {
      a.start += from;
      a.end += from;
    }
  }
  const visit = await recordPageVisit(db, { page, text, annotations, continued }, now);
  if (!visit.ok) return { annotations, ids: annotations.map(() => null), visit };
  // Most records are this batch's annotations as the reader has not touched them yet: the page
  // needs only their ids. Only the others are sent in full (a page of thousands of entities
  // would otherwise parse every annotation twice).
  const key = (kind: string, start: number, end: number) => `${kind}:${start}:${end}`;
  const index = new Map<string, number>();
  annotations.forEach((a, i) => index.set(key(a.kind, a.start, a.end), i));
  const ids: (string | null)[] = annotations.map(() => null);
  const records: StoredOnPage[] = [];
  for (const r of visit.records) {
    const i = r.span ? index.get(key(r.kind, r.span.start, r.span.end)) : undefined;
    if (i !== undefined) ids[i] = r.id;
    const untouched = r.kind !== "note" && !r.starred && r.status === "new" && r.note === "";
    if (i !== undefined && untouched) continue;
    // before this batch: the page tied it in on an earlier reply of this page view
    if (from > 0 && untouched && r.span && r.span.end <= from) continue;
    // in a later part of the page: that part's reply brings it
    if (r.span && r.span.start >= to) continue;
    // the page has these already (this batch's, or drawn from an earlier reply): no copy
    if (r.span && (i !== undefined || r.span.end <= from)) r.annotation = null;
    else if (!r.span && untouched) continue; // orphaned and untouched: nothing for the page to do
    records.push(r);
  }
  return { annotations, ids, visit: { ok: true, records } };
}

export async function recordPageVisit(db: PolicyLensDB, message: VisitInput, now = Date.now()): Promise<VisitReply> {
  try {
    const visit = await recordVisit(db, { ...message.page, text: message.text, continued: message.continued === true }, message.annotations, now);
    const records = visit.annotations.map((r) => {
      const found = visit.anchors?.[r.id];
      return onPage(r, found ? { start: found.start, end: found.end } : null);
    });
    return { ok: true, records };
  } catch (error) {
    return failure(error);
  }
}

export async function updateFromPage(
  db: PolicyLensDB,
  message: Extract<ContentToBackground, { type: "update-annotation" }>,
  now = Date.now(),
): Promise<WriteResult> {
  try {
    const updated = await updateAnnotation(db, message.id, message.patch, now);
    return updated ? { ok: true } : { ok: false, error: "failed", detail: "no such annotation (it may have been deleted)" };
  } catch (error) {
    return failure(error);
  }
}

export async function saveNoteFromPage(
  db: PolicyLensDB,
  message: Extract<ContentToBackground, { type: "save-note" }>,
  now = Date.now(),
): Promise<WriteResult> {
  try {
    await saveNote(
      db,
      { id: message.id, pageUrl: message.page.url, pageTitle: message.page.title, quote: message.selectors.quote, position: message.selectors.position, note: message.note },
      now,
    );
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

// What the background does with a content script's request, on the store alone (no browser API):
// testable on fake-indexeddb, and every write one transaction in the repository.
import type { ContentToBackground, StoredOnPage, VisitReply, WriteFailure, WriteResult } from "./messages";
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

export async function recordPageVisit(
  db: PolicyLensDB,
  message: Extract<ContentToBackground, { type: "record-visit" }>,
  now = Date.now(),
): Promise<VisitReply> {
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

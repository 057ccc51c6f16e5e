// The full backup: every table, with the schema version that wrote it, as one JSON document. The
// search words are derived data and are left out (the import recomputes them).
import { CURRENT_VERSION, type PolicyLensDB } from "../store/schema";
import type { AnnotationRecord, DeletionRecord, NoteRecord, PageRecord } from "../store/types";
import type { PortableAnnotation, PortableNote } from "./types";

export const BACKUP_FORMAT = "policy-lens-backup";

export interface Backup {
  format: typeof BACKUP_FORMAT;
  /** The store's schema version (lib/store/schema.ts CURRENT_VERSION) the records follow. */
  schemaVersion: number;
  /** ISO 8601. */
  exportedAt: string;
  pages: PageRecord[];
  annotations: PortableAnnotation[];
  notes: PortableNote[];
  deletions: DeletionRecord[];
}

export function portableAnnotation(r: AnnotationRecord): PortableAnnotation {
  const { searchWords: _, ...rest } = r;
  return rest;
}

export function portableNote(n: NoteRecord): PortableNote {
  const { searchWords: _, ...rest } = n;
  return rest;
}

/** Reads every table in one read transaction (a consistent snapshot), in primary-key order. */
export async function createBackup(db: PolicyLensDB, now: number = Date.now()): Promise<Backup> {
  return db.transaction("r", [db.pages, db.annotations, db.notes, db.deletions], async () => {
    const [pages, annotations, notes, deletions] = await Promise.all([db.pages.toArray(), db.annotations.toArray(), db.notes.toArray(), db.deletions.toArray()]);
    return {
      format: BACKUP_FORMAT,
      schemaVersion: CURRENT_VERSION,
      exportedAt: new Date(now).toISOString(),
      pages,
      annotations: annotations.map(portableAnnotation),
      notes: notes.map(portableNote),
      deletions,
    };
  });
}

/** The backup as a file's text: compact JSON, one record per line so a large file stays readable. */
export function backupToJson(backup: Backup): string {
  const list = (records: readonly unknown[]) => (records.length === 0 ? "[]" : `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]`);
  return (
    `{"format":${JSON.stringify(backup.format)},"schemaVersion":${backup.schemaVersion},"exportedAt":${JSON.stringify(backup.exportedAt)},\n` +
    `"pages":${list(backup.pages)},\n"annotations":${list(backup.annotations)},\n"notes":${list(backup.notes)},\n"deletions":${list(backup.deletions)}}\n`
  );
}

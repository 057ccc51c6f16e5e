// What the exports are made of: stored records, as read from the store (see select.ts).
import type { AnnotationRecord, DeletionRecord, NoteRecord, PageRecord } from "../store/types";

/** Pages with their annotations and page notes: what one export writes. */
export interface ExportBundle {
  /** The pages the annotations and notes belong to (newest article first, see select.ts). */
  pages: PageRecord[];
  annotations: AnnotationRecord[];
  notes: NoteRecord[];
}

/** A record as it is written to files: the search index words are derived, never exported. */
export type PortableAnnotation = Omit<AnnotationRecord, "searchWords">;
export type PortableNote = Omit<NoteRecord, "searchWords">;

/** Everything a backup or a W3C file brings, validated and in the store's shapes (see import.ts). */
export interface ImportData {
  pages: PageRecord[];
  annotations: PortableAnnotation[];
  notes: PortableNote[];
  deletions: DeletionRecord[];
}

export type ExportFormat = "md" | "csv" | "w3c" | "backup";

/** A file ready to be downloaded or written. */
export interface ExportFile {
  name: string;
  /** MIME type, with charset. */
  type: string;
  content: string;
}

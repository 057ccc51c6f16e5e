// The storage layer's public surface, for the background script.
export * from "./repository";
export { CURRENT_VERSION, DB_NAME, PolicyLensDB, getDatabase, type IndexedDBDeps } from "./schema";
export type { AnnotationAttributes, AnnotationRecord, DeletionRecord, Flag, NoteRecord, PageRecord, ReviewStatus, StoredKind } from "./types";
export { REVIEW_STATUSES, STORED_KINDS } from "./types";
export { anchor, anchorAll, type AnchorMethod, type AnchorResult } from "../anchor/anchor";
export { describeSpan, type Selectors, type TextPositionSelector, type TextQuoteSelector } from "../anchor/selectors";

// The records the store keeps. Booleans that are queried are stored as 0/1: IndexedDB cannot index
// booleans.
import type { Selectors } from "../anchor/selectors";
import type { Approx, AnnotationKind } from "../extract/types";

/** The extractor's kinds, and the reader's own highlighted-and-noted text. */
export type StoredKind = AnnotationKind | "note";
export const STORED_KINDS: readonly StoredKind[] = ["leader", "directive", "number", "note"];

export type ReviewStatus = "new" | "confirmed" | "rejected";
export const REVIEW_STATUSES: readonly ReviewStatus[] = ["new", "confirmed", "rejected"];

export type Flag = 0 | 1;

export interface PageRecord {
  /** Canonical URL (canonicalUrl): the primary key. */
  url: string;
  title: string;
  /** Host without "www.". */
  site: string;
  /** The article's own date, yyyy-mm-dd, when known. */
  articleDate?: string;
  /** Epoch ms. */
  firstSeen: number;
  lastSeen: number;
  visits: number;
}

/** The extractor's attributes, as the text writes them (see lib/extract/types.ts). */
export interface AnnotationAttributes {
  name?: string;
  title?: string;
  honorific?: string;
  refersTo?: string;
  docType?: string;
  code?: string;
  issuer?: string;
  date?: string;
  speaker?: string;
  verb?: string;
  value?: number | string;
  unit?: string;
  approx?: Approx;
}

export interface AnnotationRecord {
  /** crypto.randomUUID(). */
  id: string;
  pageUrl: string;
  /** The page's site, copied here so site filters use an index. */
  site: string;
  /** The page's article date, or else the day it was first seen (yyyy-mm-dd): what date filters use. */
  date: string;
  kind: StoredKind;
  subkind?: string;
  /** The annotated text as written. */
  text: string;
  attributes: AnnotationAttributes;
  /** The grouping key across articles (derive.ts normalizedValue). */
  normalized: string;
  /** Identity within the page (derive.ts fingerprintOf); unique with pageUrl. */
  fingerprint: string;
  /** Where the text is: W3C TextQuote and TextPosition selectors. The position follows re-anchoring. */
  selectors: Selectors;
  status: ReviewStatus;
  starred: Flag;
  note: string;
  tags: string[];
  /** Epoch ms. updatedAt changes with the reader's edits only. */
  createdAt: number;
  updatedAt: number;
  /** Since v2: folded words of text, attributes, note and tags (multi-entry index). */
  searchWords: string[];
  /** Since v2: 1 when the last re-anchoring could not find the text on the page. Kept, never dropped. */
  orphaned: Flag;
}

/** The reader's own notes about a page as a whole (not tied to a text span). */
export interface NoteRecord {
  id: string;
  pageUrl: string;
  site: string;
  text: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** Since v2. */
  searchWords: string[];
}

/** Since v2: an extracted annotation the reader deleted, so a revisit does not bring it back. */
export interface DeletionRecord {
  pageUrl: string;
  fingerprint: string;
  deletedAt: number;
}

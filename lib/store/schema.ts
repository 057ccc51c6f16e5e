// The IndexedDB database (Dexie) in the extension's origin. Every version ever shipped stays
// declared here, in order, with the upgrade that brings data from the one before; a database
// created by any earlier version opens with this class (see migration.test.ts).
import Dexie, { type Table, type Transaction } from "dexie";
import { annotationSearchWords } from "./derive";
import type { AnnotationRecord, DeletionRecord, NoteRecord, PageRecord } from "./types";
import { searchWordsOf } from "../text-fold";

export const DB_NAME = "policy-lens";

/**
 * Version 1, the first schema.
 * - pages: by canonical URL; site and lastSeen for the page list.
 * - annotations: by id; pageUrl (this page's annotations); the unique [pageUrl+fingerprint] makes
 *   re-saving a page idempotent; kind, status, starred (0/1), site, date (yyyy-mm-dd) for filters;
 *   [kind+normalized] for views across articles (all mentions of one leader or document);
 *   updatedAt for the unfiltered, newest-first review list.
 * - notes: the reader's notes on a page as a whole.
 */
export const SCHEMA_V1 = {
  pages: "url, site, lastSeen",
  annotations: "id, pageUrl, &[pageUrl+fingerprint], kind, [kind+normalized], status, starred, site, date, updatedAt",
  notes: "id, pageUrl, updatedAt",
} as const;

/**
 * Version 2:
 * - annotations.*searchWords, notes.*searchWords: multi-entry indexes of folded words, for
 *   diacritic-insensitive search by word prefix without reading every record;
 * - annotations.orphaned (0/1): annotations whose text is no longer on the page, to list them;
 * - deletions: extracted annotations the reader deleted, by [pageUrl+fingerprint], so revisiting
 *   the page does not bring them back.
 * The upgrade fills searchWords and orphaned = 0 for existing records.
 */
export const SCHEMA_V2 = {
  pages: "url, site, lastSeen",
  annotations:
    "id, pageUrl, &[pageUrl+fingerprint], kind, [kind+normalized], status, starred, site, date, updatedAt, *searchWords, orphaned",
  notes: "id, pageUrl, updatedAt, *searchWords",
  deletions: "[pageUrl+fingerprint], pageUrl",
} as const;

export const CURRENT_VERSION = 2;

async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRecord, string>("annotations")
    .toCollection()
    .modify((a) => {
      a.searchWords = annotationSearchWords({ text: a.text ?? "", attributes: a.attributes ?? {}, note: a.note ?? "", tags: a.tags ?? [] });
      a.orphaned = 0;
    });
  await tx
    .table<NoteRecord, string>("notes")
    .toCollection()
    .modify((n) => {
      n.searchWords = searchWordsOf(n.text, ...(n.tags ?? []));
    });
}

/** What Dexie needs to run somewhere without a global indexedDB (tests pass fake-indexeddb's). */
export interface IndexedDBDeps {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class PolicyLensDB extends Dexie {
  declare pages: Table<PageRecord, string>;
  declare annotations: Table<AnnotationRecord, string>;
  declare notes: Table<NoteRecord, string>;
  declare deletions: Table<DeletionRecord, [string, string]>;

  constructor(name: string = DB_NAME, deps: IndexedDBDeps = {}) {
    // autoOpen (Dexie's default) opens on first use and reopens after another connection's
    // upgrade closed this one: a service worker that wakes up just uses the database.
    super(name, { ...deps, autoOpen: true });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  }
}

let shared: PolicyLensDB | undefined;

/**
 * The extension's database, created on first call. Nothing is cached outside IndexedDB: when the
 * service worker is stopped and started again, this simply makes a new connection.
 */
export function getDatabase(): PolicyLensDB {
  shared ??= new PolicyLensDB();
  return shared;
}

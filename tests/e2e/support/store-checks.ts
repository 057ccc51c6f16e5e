// Reading the extension's store (the Dexie database "policy-lens" in the extension's origin) from
// its background: the service worker in Chromium, the background page in Firefox. The function runs
// there (serialised), so it is self-contained and uses the IndexedDB API directly, not Dexie.

/** An annotation record as stored (lib/store/types.ts AnnotationRecord), the fields tests read. */
export interface StoredRecord {
  id: string;
  pageUrl: string;
  kind: string;
  subkind?: string;
  text: string;
  fingerprint: string;
  selectors: {
    quote: { exact: string; prefix: string; suffix: string };
    position: { start: number; end: number };
  };
  status: string;
  starred: number;
  note: string;
  orphaned: number;
  createdAt: number;
  updatedAt: number;
}

export interface StoredPage {
  url: string;
  title: string;
  visits: number;
}

export interface StoreSnapshot {
  /** False when the database does not exist yet (nothing was ever stored). */
  exists: boolean;
  pages: StoredPage[];
  annotations: StoredRecord[];
}

/**
 * Background code: the pages and annotations in the store, only those of `pageUrl` (a canonical
 * URL) when given. Never creates the database: opening one that does not exist is aborted.
 */
export const readStore = async (arg: { pageUrl?: string | null }): Promise<StoreSnapshot> => {
  const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
    const request = indexedDB.open("policy-lens");
    let created = false;
    request.onupgradeneeded = () => {
      // no database yet: leave it to the extension to create (with its own schema)
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => (created ? resolve(null) : reject(request.error));
    request.onblocked = () => reject(new Error("opening policy-lens was blocked"));
  });
  if (!db) return { exists: false, pages: [], annotations: [] };
  try {
    const names = Array.from(db.objectStoreNames);
    if (!names.includes("annotations") || !names.includes("pages")) return { exists: true, pages: [], annotations: [] };
    const tx = db.transaction(["pages", "annotations"], "readonly");
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = tx.objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    const [pages, annotations] = await Promise.all([all<StoredPage>("pages"), all<StoredRecord>("annotations")]);
    const keep = (url: string) => !arg.pageUrl || url === arg.pageUrl;
    return {
      exists: true,
      pages: pages.filter((p) => keep(p.url)).map((p) => ({ url: p.url, title: p.title, visits: p.visits })),
      annotations: annotations
        .filter((a) => keep(a.pageUrl))
        .map((a) => ({
          id: a.id,
          pageUrl: a.pageUrl,
          kind: a.kind,
          ...(a.subkind ? { subkind: a.subkind } : {}),
          text: a.text,
          fingerprint: a.fingerprint,
          selectors: {
            quote: { exact: a.selectors.quote.exact, prefix: a.selectors.quote.prefix, suffix: a.selectors.quote.suffix },
            position: { start: a.selectors.position.start, end: a.selectors.position.end },
          },
          status: a.status,
          starred: a.starred,
          note: a.note,
          orphaned: a.orphaned,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
        }))
        .sort((a, b) => a.selectors.position.start - b.selectors.position.start || a.selectors.position.end - b.selectors.position.end),
    };
  } finally {
    db.close();
  }
};

/** "kind start end": one key per stored span. */
export const spanOf = (r: { kind: string; start: number; end: number }) => `${r.kind} ${r.start} ${r.end}`;

/** Keys that occur more than once in `keys`. */
export function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const k of keys) (seen.has(k) ? twice : seen).add(k);
  return [...twice];
}

// What the panel and export tests read: the extension's store (from its background), the review
// panel's DOM (from the panel's page), the passage a jump flashed (from the web page's own world),
// and the exported files (in Node). Functions marked "runs in …" are serialised and sent there:
// each is self-contained, uses no import and no outer variable, and returns plain JSON.

// ---------------------------------------------------------------- the store (runs in the background)

export interface StoredAnnotation {
  id: string;
  pageUrl: string;
  site: string;
  kind: string;
  subkind?: string;
  text: string;
  fingerprint: string;
  normalized: string;
  attributes: Record<string, unknown>;
  status: string;
  starred: number;
  note: string;
  tags: string[];
  orphaned: number;
  updatedAt: number;
  /** The store's search index entries: the folded words of text, attributes, note and tags. */
  searchWords: string[];
  selectors: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } };
}

export interface StoreSnapshot {
  /** False when the database does not exist yet. */
  exists: boolean;
  pages: { url: string; title: string; site: string; articleDate?: string; visits: number }[];
  annotations: StoredAnnotation[];
  notes: { id: string; pageUrl: string; text: string }[];
  deletions: { pageUrl: string; fingerprint: string }[];
}

/**
 * Reads every table of the extension's IndexedDB database `policy-lens` (Dexie's, read here with
 * the plain IndexedDB API). Runs in the background (service worker or background page). Never
 * creates the database: an open that would create it is aborted.
 */
export async function readStore(): Promise<StoreSnapshot> {
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    const request = indexedDB.open("policy-lens");
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  const empty: StoreSnapshot = { exists: false, pages: [], annotations: [], notes: [], deletions: [] };
  if (!db) return empty;
  try {
    const names = ["pages", "annotations", "notes", "deletions"].filter((n) => db.objectStoreNames.contains(n));
    if (names.length < 4) return empty;
    const tx = db.transaction(names, "readonly");
    const all = (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const r = tx.objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result as unknown[]);
        r.onerror = () => reject(r.error);
      });
    const [pages, annotations, notes, deletions] = await Promise.all(names.map(all));
    return {
      exists: true,
      pages: pages as StoreSnapshot["pages"],
      annotations: annotations as StoredAnnotation[],
      notes: notes as StoreSnapshot["notes"],
      deletions: deletions as StoreSnapshot["deletions"],
    };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- the panel (runs in popup.html)

export interface PanelRow {
  /** The record id (rows of "This page"); null in windowed lists. */
  id: string | null;
  /** The row's place in a windowed list (All pages …); null in "This page". */
  index: number | null;
  kind: string;
  quote: string;
  /** The page line (windowed lists): title · site · date. */
  meta: string;
  /** The page URL the row belongs to (windowed lists: the page line's title). */
  pageUrl: string | null;
  noteLine: string;
  starred: boolean | null;
  confirmed: boolean | null;
  rejected: boolean | null;
  /** The row is drawn as rejected (class is-rejected). */
  drawnRejected: boolean;
  badges: string[];
  /** aria-label of each action button, by its class (star, confirm, reject, edit, go, delete). */
  buttons: Record<string, string>;
}

export interface PanelView {
  lang: string;
  /** Which tab is selected: page, all, leaders, documents, numbers. */
  tab: string;
  tabLabels: Record<string, string>;
  /** The count on "This page" (0 when not shown). */
  pageCount: number;
  pageTitle: string | null;
  status: string | null;
  groups: { kind: string; heading: string; count: number }[];
  rows: PanelRow[];
  /** "12 annotations" above a windowed list. */
  listCount: string | null;
  toast: { message: string; undo: string } | null;
  alert: string | null;
  search: { label: string; placeholder: string; value: string } | null;
  exportSummary: string | null;
  /** What has keyboard focus: a short description. */
  focused: string;
}

/** Reads what the review panel shows. Runs in the panel's page. */
export function readPanel(): PanelView {
  const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
  const pressed = (el: Element | null) => (el ? el.getAttribute("aria-pressed") === "true" : null);
  const rows: PanelRow[] = Array.from(document.querySelectorAll<HTMLElement>(".tabpanel li[data-row], .tabpanel .vrow[data-row]")).map((r) => {
    const arow = r.querySelector(".arow");
    const meta = r.querySelector(".meta");
    const buttons: Record<string, string> = {};
    for (const b of Array.from(r.querySelectorAll(".arow-actions button"))) {
      const cls = Array.from(b.classList).find((c) => c !== "icon-btn" && c !== "on") ?? "";
      buttons[cls] = b.getAttribute("aria-label") ?? "";
    }
    return {
      id: r.dataset.id ?? null,
      index: r.dataset.index !== undefined ? Number(r.dataset.index) : null,
      kind: /kind-(\w+)/.exec(arow?.getAttribute("class") ?? "")?.[1] ?? "",
      quote: text(r.querySelector(".quote")),
      meta: text(meta),
      pageUrl: meta?.getAttribute("title") ?? null,
      noteLine: text(r.querySelector(".note-line")),
      starred: pressed(r.querySelector("button.star")),
      confirmed: pressed(r.querySelector("button.confirm")),
      rejected: pressed(r.querySelector("button.reject")),
      drawnRejected: arow?.classList.contains("is-rejected") ?? false,
      badges: Array.from(r.querySelectorAll(".badge")).map((b) => text(b)),
      buttons,
    };
  });
  const tabLabels: Record<string, string> = {};
  for (const t of Array.from(document.querySelectorAll('[role="tab"]'))) {
    const clone = t.cloneNode(true) as Element;
    clone.querySelector(".tab-count")?.remove();
    tabLabels[t.id.replace(/^tab-/, "")] = text(clone);
  }
  const search = document.querySelector<HTMLInputElement>("input.search");
  const toast = document.querySelector(".toast");
  const active = document.activeElement as HTMLElement | null;
  const describe = (el: HTMLElement | null): string => {
    if (!el || el === document.body) return "body";
    const row = el.closest<HTMLElement>("[data-row]");
    if (row === el) return row.dataset.id ? `row:${row.dataset.id}` : `row#${row.dataset.index}`;
    if (el.matches("input.search")) return "search";
    if (el.getAttribute("role") === "tab") return `tab:${el.id}`;
    return `${el.localName}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
  };
  return {
    lang: document.documentElement.lang,
    tab: document.querySelector('[role="tab"][aria-selected="true"]')?.id.replace(/^tab-/, "") ?? "",
    tabLabels,
    pageCount: Number(text(document.querySelector("#tab-page .tab-count")).replace(/\D/g, "")) || 0,
    pageTitle: document.querySelector(".page-title") ? text(document.querySelector(".page-title")) : null,
    status: document.querySelector(".tabpanel .status[role=status]") ? text(document.querySelector(".tabpanel .status[role=status]")) : null,
    groups: Array.from(document.querySelectorAll(".tabpanel-page section.kind, .tabpanel-page section.group")).map((s) => ({
      kind: /(?:kind|group)-(\w+)/.exec(s.getAttribute("class") ?? "")?.[1] ?? "",
      heading: text(s.querySelector("h2")),
      count: Number(text(s.querySelector("h2 .count")).replace(/\D/g, "")),
    })),
    rows,
    listCount: document.querySelector(".list-count") ? text(document.querySelector(".list-count")) : null,
    toast: toast ? { message: text(toast.querySelector("span")), undo: text(toast.querySelector(".btn.primary")) } : null,
    alert: document.querySelector("[role=alert]") ? text(document.querySelector("[role=alert]")) : null,
    search: search ? { label: search.getAttribute("aria-label") ?? "", placeholder: search.placeholder, value: search.value } : null,
    exportSummary: document.querySelector("details.export > summary") ? text(document.querySelector("details.export > summary")) : null,
    focused: describe(active),
  };
}

export interface IndexEntryView {
  name: string;
  count: string;
  meta: string;
}

/** The entries of the Leaders / Documents list, or the open entry's detail. Runs in the panel. */
export function readIndex(): { entries: IndexEntryView[]; detail: { name: string; counts: string; pages: { title: string; url: string; meta: string }[] } | null } {
  const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
  const detail = document.querySelector(".entry-detail");
  return {
    entries: Array.from(document.querySelectorAll(".entry-list button.entry")).map((b) => {
      const name = b.querySelector(".entry-name")?.cloneNode(true) as Element | undefined;
      name?.querySelector(".entry-star")?.remove();
      return { name: text(name), count: text(b.querySelector(".entry-count")), meta: text(b.querySelector(".meta")) };
    }),
    detail: detail
      ? {
          name: text(detail.querySelector(".detail-head h2")),
          counts: text(detail.querySelector(".detail-head .counts")),
          pages: Array.from(detail.querySelectorAll(".pages-list .page-row")).map((r) => ({
            title: text(r.querySelector(".page-name")),
            url: r.querySelector(".page-name")?.getAttribute("title") ?? "",
            meta: text(r.querySelector(".meta")),
          })),
        }
      : null,
  };
}

// ---------------------------------------------------------------- the web page (runs in its own world)

export interface FocusState {
  /** The vpl-focus highlight is registered. */
  registered: boolean;
  /** Its ranges' text (whitespace collapsed). */
  texts: string[];
  /** Where the first range is drawn, relative to the viewport. */
  rect: { top: number; bottom: number; left: number; right: number } | null;
  viewport: { width: number; height: number };
  scrollY: number;
  /** The page has the focus (its tab is the active one). */
  visible: boolean;
}

/** The passage a jump flashed: the `vpl-focus` CSS Custom Highlight. Runs in the web page. */
export function readFocus(): FocusState {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> } | undefined)?.highlights;
  const focus = registry?.get("vpl-focus");
  const texts: string[] = [];
  let rect: FocusState["rect"] = null;
  for (const range of focus ?? []) {
    const r = document.createRange();
    r.setStart(range.startContainer, range.startOffset);
    r.setEnd(range.endContainer, range.endOffset);
    texts.push(r.toString().replace(/\s+/g, " ").trim());
    if (!rect) {
      const b = r.getBoundingClientRect();
      rect = { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
    }
  }
  return {
    registered: !!focus,
    texts,
    rect,
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    scrollY: window.scrollY,
    visible: document.visibilityState === "visible",
  };
}

export interface PassageOnPage {
  name: string;
  text: string;
  /** Top of the passage from the top of the document, px. */
  top: number;
  /** How many highlighted ranges on the page have the same text. */
  sameText: number;
}

/** Every highlighted passage of the page with its place in the document. Runs in the web page. */
export function listPassages(names: readonly string[]): { passages: PassageOnPage[]; viewportHeight: number } {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> } | undefined)?.highlights;
  const found: Omit<PassageOnPage, "sameText">[] = [];
  for (const name of names) {
    for (const range of registry?.get(name) ?? []) {
      const r = document.createRange();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      found.push({ name, text: r.toString().replace(/\s+/g, " ").trim(), top: r.getBoundingClientRect().top + window.scrollY });
    }
  }
  return {
    passages: found.map((p) => ({ ...p, sameText: found.filter((q) => q.text === p.text).length })),
    viewportHeight: document.documentElement.clientHeight,
  };
}

// ---------------------------------------------------------------- files (Node)

/** RFC 4180: quoted fields (doubled quotes inside), CRLF or LF between records. */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      endField();
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i += 2;
    } else if (c === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error("the CSV ends inside a quoted field");
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** The YAML front matter of a Markdown file (`---` … `---` at its start) as key → value (JSON-style strings decoded). */
export function frontMatterOf(markdown: string): Record<string, string> | null {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const line of m[1]!.split("\n")) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (!kv) throw new Error(`front matter line not understood: ${line}`);
    const raw = kv[2]!;
    out[kv[1]!] = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
  }
  return out;
}

/** Text as the tests compare it: NFC, runs of white space as one space, trimmed. */
export function squash(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------- the flash (runs in the web page)

/**
 * Starts recording the size of the `vpl-focus` highlight every 15 ms (each change, with its time)
 * into `window.__vplFocusTrace`, so a test can see the passage flash (on, off, on …). Runs in the
 * web page's own world, from the document's start (an init script) or later; once per document.
 */
export function installFocusTrace(): boolean {
  if (!/^https?:$/.test(location.protocol)) return false;
  const w = window as unknown as { __vplFocusTrace?: [number, number][] };
  if (w.__vplFocusTrace) return true;
  const trace: [number, number][] = [];
  w.__vplFocusTrace = trace;
  let last = -1;
  const tick = () => {
    const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<unknown>> } | undefined)?.highlights;
    const size = registry?.get("vpl-focus")?.size ?? 0;
    if (size !== last) {
      trace.push([Math.round(performance.now()), size]);
      last = size;
    }
  };
  tick();
  setInterval(tick, 15);
  return true;
}

/** The recorded changes of the focus highlight's size, or null when no trace runs. Runs in the web page. */
export function readFocusTrace(): [number, number][] | null {
  return (window as unknown as { __vplFocusTrace?: [number, number][] }).__vplFocusTrace ?? null;
}

/** How many times a trace shows the highlight going off after being on (a flash blinks). */
export function blinks(trace: readonly [number, number][]): number {
  let n = 0;
  for (let i = 1; i < trace.length; i++) if (trace[i - 1]![1] > 0 && trace[i]![1] === 0) n++;
  return n;
}

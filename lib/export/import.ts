// Importing a backup (or W3C Web Annotation data): the whole file is parsed and validated first —
// a wrong, truncated, hostile or future-version file gets a message naming the problem and nothing
// is written — then merged into the store in ONE read-write transaction (all or nothing):
// - pages: upserted, keeping the earliest firstSeen and the latest lastSeen;
// - annotations: matched by [pageUrl+fingerprint] (and id); a match takes the reader's edits
//   (status, star, note, tags) of whichever side was edited last; nothing is duplicated, so
//   importing the same file twice changes nothing the second time;
// - page notes: by id, the last edited wins; deletions: kept, never deleting a local annotation.
import type { Table } from "dexie";
import { annotationSearchWords } from "../store/derive";
import { mapStorageErrors } from "../store/errors";
import { CURRENT_VERSION, type PolicyLensDB } from "../store/schema";
import type { AnnotationRecord, DeletionRecord, NoteRecord, PageRecord } from "../store/types";
import { searchWordsOf } from "../text-fold";
import { BACKUP_FORMAT } from "./backup";
import type { ImportData, PortableAnnotation, PortableNote } from "./types";
import {
  InvalidFile,
  LIMITS,
  array,
  checkStructure,
  fail,
  integer,
  isObject,
  isoDateTime,
  onlyKeys,
  validateAnnotation,
  validateDeletion,
  validateNote,
  validatePage,
  type ImportErrorCode,
} from "./validate";
import { looksLikeW3C, readW3C } from "./w3c";

export { InvalidFile, type ImportErrorCode } from "./validate";

export type ParseResult =
  | {
      ok: true;
      kind: "backup" | "w3c";
      data: ImportData;
      /** The backup's schema version; for W3C data, the one it says it was written with, if any. */
      schemaVersion?: number;
      /** W3C annotations that cannot be kept (no text and no note, or not on a web page). */
      skipped: number;
    }
  | { ok: false; code: ImportErrorCode; error: string };

// ————————————————————————————————————————————— JSON errors

const describeContainer = { "{": "an object", "[": "a list" } as const;

interface SyntaxProblem {
  at: number;
  /** The text ends before the JSON does. */
  truncated: boolean;
  what: string;
}

/**
 * The first JSON syntax error in `s` (RFC 8259), found without recursion; undefined when `s` is
 * valid. Engines word (and place) their errors differently; this gives the same answer in every
 * browser, and tells a cut-off file from a malformed one.
 */
export function findJsonError(s: string): SyntaxProblem | undefined {
  const n = s.length;
  let i = 0;
  const stack: ("{" | "[")[] = [];
  let state: "value" | "value-or-close" | "key" | "key-or-close" | "colon" | "after" = "value";
  const inside = () => (stack.length > 0 ? describeContainer[stack[stack.length - 1]!] : "the file");
  const problem = (what: string): SyntaxProblem => (i >= n ? { at: n, truncated: true, what: inside() } : { at: i, truncated: false, what });
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  const scanString = (): SyntaxProblem | undefined => {
    i++; // the opening quote
    for (;;) {
      if (i >= n) return { at: n, truncated: true, what: "a text value" };
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const e = s[i + 1];
        if (e === undefined) return { at: n, truncated: true, what: "a text value" };
        if (e === "u") {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) return { at: n, truncated: true, what: "a text value" };
            if (!/[0-9a-fA-F]/.test(s[i + k]!)) return { at: i + k, truncated: false, what: "a \\u escape with four hex digits" };
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return { at: i + 1, truncated: false, what: "a valid escape after \\" };
        continue;
      }
      if (c < 0x20) return { at: i, truncated: false, what: "no control character (such as a line break) inside text" };
      i++;
    }
  };

  for (;;) {
    while (i < n && (s[i] === " " || s[i] === "\t" || s[i] === "\n" || s[i] === "\r")) i++;
    if (i >= n) return state === "after" && stack.length === 0 ? undefined : problem("");
    const c = s[i]!;
    switch (state) {
      case "value":
      case "value-or-close": {
        if (c === "]" && state === "value-or-close") {
          stack.pop();
          i++;
          state = "after";
        } else if (c === "{" || c === "[") {
          stack.push(c);
          i++;
          state = c === "{" ? "key-or-close" : "value-or-close";
        } else if (c === '"') {
          const p = scanString();
          if (p) return p;
          state = "after";
        } else if (c === "-" || (c >= "0" && c <= "9")) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(s)) return i + 1 >= n ? { at: n, truncated: true, what: "a number" } : problem("a number");
          i = NUMBER.lastIndex;
          state = "after";
        } else {
          const literal = ["true", "false", "null"].find((w) => w[0] === c);
          if (!literal) return problem("a value (text, number, list, object, true, false or null)");
          const rest = s.slice(i, i + literal.length);
          if (rest === literal) {
            i += literal.length;
            state = "after";
          } else if (i + rest.length >= n && literal.startsWith(rest)) return { at: n, truncated: true, what: inside() };
          else return problem(`"${literal}"`);
        }
        break;
      }
      case "key":
      case "key-or-close":
        if (c === "}" && state === "key-or-close") {
          stack.pop();
          i++;
          state = "after";
        } else if (c === '"') {
          const p = scanString();
          if (p) return p;
          state = "colon";
        } else return problem("a field name in double quotes");
        break;
      case "colon":
        if (c !== ":") return problem("':' after a field name");
        i++;
        state = "value";
        break;
      case "after": {
        const top = stack[stack.length - 1];
        if (top === undefined) return problem("the end of the file");
        if (c === ",") {
          i++;
          state = top === "{" ? "key" : "value";
        } else if (c === (top === "{" ? "}" : "]")) {
          stack.pop();
          i++;
        } else return problem(top === "{" ? "',' or '}'" : "',' or ']'");
        break;
      }
    }
  }
}

function lineColumn(s: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = s.indexOf("\n"); k !== -1 && k < at; k = s.indexOf("\n", k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: at - lineStart + 1 };
}

function jsonError(text: string, error: unknown): InvalidFile {
  const p = findJsonError(text);
  if (p?.truncated) {
    return new InvalidFile(
      "truncated",
      `The file is truncated: it ends at position ${p.at} in the middle of ${p.what}. It was probably not completely downloaded or copied; export it again.`,
    );
  }
  if (p) {
    const { line, column } = lineColumn(text, p.at);
    return new InvalidFile("not-json", `The file is not valid JSON at position ${p.at} (line ${line}, column ${column}): expected ${p.what}.`);
  }
  // the engine refused what the grammar allows (a nesting too deep for it, memory…)
  return new InvalidFile("not-json", `The file could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
}

// ————————————————————————————————————————————— the file

const BACKUP_KEYS = ["format", "schemaVersion", "exportedAt", "pages", "annotations", "notes", "deletions"];

function readBackup(root: Record<string, unknown>): ImportData & { schemaVersion: number } {
  const version = integer(root.schemaVersion, "schemaVersion", 1, Number.MAX_SAFE_INTEGER);
  if (version > CURRENT_VERSION) {
    throw new InvalidFile(
      "newer-version",
      `This backup was made by a newer version of Policy Lens (data version ${version}; this version reads up to ${CURRENT_VERSION}). Update the extension, then import it again.`,
    );
  }
  onlyKeys(root, BACKUP_KEYS, "The backup");
  isoDateTime(root.exportedAt, "exportedAt");
  const list = <T>(key: "pages" | "annotations" | "notes" | "deletions", max: number, check: (v: unknown, path: string) => T): T[] =>
    array(root[key], key, max).map((v, i) => check(v, `${key}[${i}]`));
  return {
    schemaVersion: version,
    pages: list("pages", LIMITS.pages, validatePage),
    annotations: list("annotations", LIMITS.annotations, validateAnnotation),
    notes: list("notes", LIMITS.notes, validateNote),
    // schema 1 kept no deletions
    deletions: root.deletions === undefined && version < 2 ? [] : list("deletions", LIMITS.deletions, validateDeletion),
  };
}

const keyOf = (pageUrl: string, fingerprint: string) => `${pageUrl}\u0000${fingerprint}`;

/** What must hold across records: no duplicates, every annotation and note on a page of the file. */
function crossCheck(data: ImportData): void {
  const pages = new Set<string>();
  data.pages.forEach((p, i) => {
    if (pages.has(p.url)) fail(`pages[${i}].url`, `repeats the page ${p.url}`);
    pages.add(p.url);
  });
  const ids = new Set<string>();
  const keys = new Set<string>();
  data.annotations.forEach((a, i) => {
    if (ids.has(a.id)) fail(`annotations[${i}].id`, `repeats the annotation id ${a.id}`);
    ids.add(a.id);
    const key = keyOf(a.pageUrl, a.fingerprint);
    if (keys.has(key)) fail(`annotations[${i}].fingerprint`, `repeats an annotation of the same page (${a.fingerprint})`);
    keys.add(key);
    if (!pages.has(a.pageUrl)) fail(`annotations[${i}].pageUrl`, `names a page that is not in the file: ${a.pageUrl}`);
  });
  const noteIds = new Set<string>();
  data.notes.forEach((n, i) => {
    if (noteIds.has(n.id)) fail(`notes[${i}].id`, `repeats the note id ${n.id}`);
    noteIds.add(n.id);
    if (!pages.has(n.pageUrl)) fail(`notes[${i}].pageUrl`, `names a page that is not in the file: ${n.pageUrl}`);
  });
  const deleted = new Set<string>();
  data.deletions.forEach((d, i) => {
    const key = keyOf(d.pageUrl, d.fingerprint);
    if (deleted.has(key)) fail(`deletions[${i}]`, "repeats a deletion");
    deleted.add(key);
  });
}

/**
 * Parses and validates an import file's text. Never throws: a file that cannot be imported gives
 * `{ ok: false, code, error }`, the error naming the problem (and where it is) in plain words.
 */
export function parseImportFile(text: string, now: number = Date.now()): ParseResult {
  try {
    if (typeof text !== "string") throw new InvalidFile("not-json", "The file could not be read as text.");
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === "") throw new InvalidFile("empty", "The file is empty.");
    if (body.length > LIMITS.fileChars) throw new InvalidFile("too-large", `The file is too large (${body.length} characters; at most ${LIMITS.fileChars}).`);
    let root: unknown;
    try {
      root = JSON.parse(body);
    } catch (error) {
      throw jsonError(body, error);
    }
    checkStructure(root);
    if (isObject(root) && root.format !== undefined) {
      if (root.format !== BACKUP_FORMAT) {
        const shown = typeof root.format === "string" ? JSON.stringify(root.format.slice(0, 60)) : "not text";
        throw new InvalidFile("unknown-format", `Unknown file format ${shown}: expected a Policy Lens backup ("${BACKUP_FORMAT}") or W3C Web Annotation data.`);
      }
      const { schemaVersion, ...data } = readBackup(root);
      crossCheck(data);
      return { ok: true, kind: "backup", data, schemaVersion, skipped: 0 };
    }
    if (looksLikeW3C(root)) {
      const declared = isObject(root) ? root["policy-lens:schemaVersion"] : undefined;
      if (typeof declared === "number" && declared > CURRENT_VERSION) {
        throw new InvalidFile(
          "newer-version",
          `This file was made by a newer version of Policy Lens (data version ${declared}; this version reads up to ${CURRENT_VERSION}). Update the extension, then import it again.`,
        );
      }
      const { data, skipped } = readW3C(root, now);
      crossCheck(data);
      return { ok: true, kind: "w3c", data, ...(typeof declared === "number" ? { schemaVersion: declared } : {}), skipped };
    }
    throw new InvalidFile("unknown-format", "This file is JSON, but neither a Policy Lens backup nor W3C Web Annotation data.");
  } catch (error) {
    if (error instanceof InvalidFile) return { ok: false, code: error.code, error: error.message };
    return { ok: false, code: "invalid", error: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// ————————————————————————————————————————————— merging

export interface ImportCounts {
  pagesAdded: number;
  pagesUpdated: number;
  annotationsAdded: number;
  /** Annotations already here whose reader's edits were older than the file's. */
  annotationsUpdated: number;
  notesAdded: number;
  notesUpdated: number;
  deletionsAdded: number;
  /** Records already here as they are in the file (or edited since), and annotations deleted here since. */
  skipped: number;
}

function mergePage(local: PageRecord, incoming: PageRecord): PageRecord {
  const newer = incoming.lastSeen > local.lastSeen ? incoming : local;
  const older = newer === incoming ? local : incoming;
  const articleDate = local.articleDate ?? incoming.articleDate;
  return {
    ...local,
    title: newer.title || older.title,
    ...(articleDate ? { articleDate } : {}),
    firstSeen: Math.min(local.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(local.lastSeen, incoming.lastSeen),
    visits: Math.max(local.visits, incoming.visits),
  };
}

const samePage = (a: PageRecord, b: PageRecord) =>
  a.title === b.title && a.articleDate === b.articleDate && a.firstSeen === b.firstSeen && a.lastSeen === b.lastSeen && a.visits === b.visits;
const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);
const sameEdits = (a: PortableAnnotation, b: PortableAnnotation) => a.status === b.status && a.starred === b.starred && a.note === b.note && sameTags(a.tags, b.tags);
/** Never edited by the reader: as extracted (updatedAt changes with the reader's edits only). */
const untouched = (a: PortableAnnotation) => a.updatedAt <= a.createdAt && a.status === "new" && a.starred === 0 && a.note === "" && a.tags.length === 0;

const withWords = (a: PortableAnnotation): AnnotationRecord => ({ ...a, searchWords: annotationSearchWords(a) });
const noteWithWords = (n: PortableNote): NoteRecord => ({ ...n, searchWords: searchWordsOf(n.text, ...n.tags) });

/**
 * Merges validated data into the store in one read-write transaction: if anything fails (a full
 * disk surfaces as the store's StorageFullError), nothing is written. `now` is unused by the merge
 * itself (records keep their own times) and kept for symmetry with the store's writes.
 */
export async function importData(db: PolicyLensDB, data: ImportData, now: number = Date.now()): Promise<ImportCounts> {
  void now;
  const counts: ImportCounts = { pagesAdded: 0, pagesUpdated: 0, annotationsAdded: 0, annotationsUpdated: 0, notesAdded: 0, notesUpdated: 0, deletionsAdded: 0, skipped: 0 };
  return mapStorageErrors(() =>
    db.transaction("rw", [db.pages, db.annotations, db.notes, db.deletions], async () => {
      // pages
      const localPages = await db.pages.bulkGet(data.pages.map((p) => p.url));
      const pages = new Map<string, PageRecord>();
      const pagePuts: PageRecord[] = [];
      data.pages.forEach((incoming, i) => {
        const local = localPages[i];
        if (!local) {
          pages.set(incoming.url, incoming);
          pagePuts.push(incoming);
          counts.pagesAdded++;
          return;
        }
        const merged = mergePage(local, incoming);
        pages.set(merged.url, merged);
        if (!samePage(merged, local)) {
          pagePuts.push(merged);
          counts.pagesUpdated++;
        }
      });

      // annotations
      const urls = [...new Set([...data.annotations.map((a) => a.pageUrl), ...data.deletions.map((d) => d.pageUrl)])];
      // one key range per page (IDB getAll): Dexie's anyOf walks a cursor, far slower on large stores
      const perPage = <T>(table: Table<T>) => Promise.all(urls.map((url) => table.where("pageUrl").equals(url).toArray())).then((lists) => lists.flat());
      const localAnnotations = await perPage(db.annotations);
      const byKey = new Map(localAnnotations.map((r) => [keyOf(r.pageUrl, r.fingerprint), r]));
      const ids = data.annotations.map((a) => a.id);
      const takenIds = new Set((await db.annotations.bulkGet(ids)).filter((r): r is AnnotationRecord => r !== undefined).map((r) => r.id));
      const tombstones = new Map((await perPage(db.deletions)).map((d) => [keyOf(d.pageUrl, d.fingerprint), d]));
      const annotationPuts: AnnotationRecord[] = [];
      const tombstonesCleared: [string, string][] = [];

      for (const incoming of data.annotations) {
        const key = keyOf(incoming.pageUrl, incoming.fingerprint);
        const local = byKey.get(key);
        if (local) {
          // the reader's edits of whichever side was edited last; an annotation never edited has none
          // to keep (extracted again on another profile after the backup was made, say)
          if (!sameEdits(incoming, local) && !untouched(incoming) && (untouched(local) || incoming.updatedAt > local.updatedAt)) {
            const merged: PortableAnnotation = {
              ...local,
              status: incoming.status,
              starred: incoming.starred,
              note: incoming.note,
              tags: incoming.tags,
              createdAt: Math.min(local.createdAt, incoming.createdAt),
              updatedAt: incoming.updatedAt,
            };
            annotationPuts.push(withWords(merged));
            byKey.set(key, withWords(merged));
            counts.annotationsUpdated++;
          } else counts.skipped++;
          continue;
        }
        const tombstone = tombstones.get(key);
        if (tombstone) {
          if (tombstone.deletedAt >= incoming.updatedAt) {
            counts.skipped++; // deleted here after the file's last edit
            continue;
          }
          tombstonesCleared.push([tombstone.pageUrl, tombstone.fingerprint]);
          tombstones.delete(key);
        }
        let record = incoming;
        if (takenIds.has(incoming.id)) {
          // the id is another annotation's here: this one gets a new id
          const id = crypto.randomUUID();
          record = { ...incoming, id, ...(incoming.fingerprint === `note:${incoming.id}` ? { fingerprint: `note:${id}` } : {}) };
        }
        const page = pages.get(record.pageUrl);
        if (page?.articleDate && record.date !== page.articleDate) record = { ...record, date: page.articleDate };
        takenIds.add(record.id);
        const stored = withWords(record);
        byKey.set(keyOf(record.pageUrl, record.fingerprint), stored);
        annotationPuts.push(stored);
        counts.annotationsAdded++;
      }

      // deletions: remembered unless the annotation is here (an import never deletes)
      const deletionPuts: DeletionRecord[] = [];
      for (const d of data.deletions) {
        const key = keyOf(d.pageUrl, d.fingerprint);
        if (byKey.has(key)) {
          counts.skipped++;
          continue;
        }
        const local = tombstones.get(key);
        if (local && local.deletedAt >= d.deletedAt) {
          counts.skipped++;
          continue;
        }
        deletionPuts.push(d);
        if (!local) counts.deletionsAdded++;
      }

      // page notes
      const localNotes = await db.notes.bulkGet(data.notes.map((n) => n.id));
      const notePuts: NoteRecord[] = [];
      data.notes.forEach((incoming, i) => {
        const local = localNotes[i];
        if (!local) {
          notePuts.push(noteWithWords(incoming));
          counts.notesAdded++;
        } else if (local.pageUrl !== incoming.pageUrl) {
          notePuts.push(noteWithWords({ ...incoming, id: crypto.randomUUID() }));
          counts.notesAdded++;
        } else if (incoming.updatedAt > local.updatedAt && (incoming.text !== local.text || !sameTags(incoming.tags, local.tags))) {
          notePuts.push(noteWithWords({ ...local, text: incoming.text, tags: incoming.tags, createdAt: Math.min(local.createdAt, incoming.createdAt), updatedAt: incoming.updatedAt }));
          counts.notesUpdated++;
        } else counts.skipped++;
      });

      if (pagePuts.length > 0) await db.pages.bulkPut(pagePuts);
      if (tombstonesCleared.length > 0) await db.deletions.bulkDelete(tombstonesCleared);
      if (annotationPuts.length > 0) await db.annotations.bulkPut(annotationPuts);
      if (notePuts.length > 0) await db.notes.bulkPut(notePuts);
      if (deletionPuts.length > 0) await db.deletions.bulkPut(deletionPuts);
      return counts;
    }),
  );
}

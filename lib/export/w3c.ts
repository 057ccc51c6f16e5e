// The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD: an
// AnnotationCollection whose first (and only) AnnotationPage holds one Annotation per record.
//
// Each annotation says what any tool understands — motivation, the reader's note (a TextualBody,
// purpose commenting), tags (purpose tagging), the kind (purpose classifying), the page
// (target.source) and where on it (TextQuoteSelector and TextPositionSelector) — and keeps what only
// Policy Lens needs in a "policy-lens:record" object, so an export read back loses nothing but the
// deletions (use the full backup for those). Page notes are annotations of the whole page.
//
// Reading: our own exports come back exactly; other tools' annotations with a TextQuoteSelector
// become the reader's highlights (kind "note"), those of a whole page with a text body become page
// notes, anything else (no text, not a web page) is skipped and counted.
import { cleanTags, hash53, localDay, normalizedValue } from "../store/derive";
import { CURRENT_VERSION } from "../store/schema";
import type { AnnotationRecord, NoteRecord, PageRecord } from "../store/types";
import { siteOf } from "../store/url";
import type { ExportBundle, ImportData, PortableAnnotation, PortableNote } from "./types";
import {
  InvalidFile,
  LIMITS,
  array,
  fail,
  integer,
  isObject,
  isoDateTime,
  object,
  pageUrl,
  recordId,
  string,
  validateAnnotation,
  validateNote,
  validatePage,
} from "./validate";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const RECORD_KEY = "policy-lens:record";
export const PAGE_NOTE_KEY = "policy-lens:pageNote";
export const PAGES_KEY = "policy-lens:pages";
export const SCHEMA_KEY = "policy-lens:schemaVersion";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OWN_URN = "urn:policy-lens:";

/** `urn:uuid:<id>` for the store's ids (UUIDs), a urn of our own for any other id. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${OWN_URN}${encodeURIComponent(id)}`;
}

/** The store id an IRI of annotationIri stands for, or undefined for another tool's IRI. */
export function idOfIri(iri: string): string | undefined {
  if (/^urn:uuid:/i.test(iri)) return iri.slice(9);
  if (iri.startsWith(OWN_URN)) {
    try {
      return decodeURIComponent(iri.slice(OWN_URN.length));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();

export interface TextualBody {
  type: "TextualBody";
  purpose: "commenting" | "tagging" | "classifying";
  value: string;
  format?: "text/plain";
}

export interface W3CAnnotation {
  id: string;
  type: "Annotation";
  motivation: "highlighting" | "commenting" | "tagging" | "classifying";
  created: string;
  modified: string;
  body?: TextualBody[];
  target: string | { source: string; selector: [PortableAnnotation["selectors"]["quote"], PortableAnnotation["selectors"]["position"]] };
  [RECORD_KEY]?: Omit<PortableAnnotation, "id" | "pageUrl" | "note" | "tags" | "createdAt" | "updatedAt" | "selectors">;
  [PAGE_NOTE_KEY]?: { site: string };
}

export interface W3CCollection {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  generated: string;
  generator: { type: "Software"; name: string };
  [SCHEMA_KEY]: number;
  [PAGES_KEY]: PageRecord[];
  first: { type: "AnnotationPage"; startIndex: 0; items: W3CAnnotation[] };
}

function bodies(note: string, tags: readonly string[], classifying?: string): TextualBody[] {
  const out: TextualBody[] = [];
  if (classifying) out.push({ type: "TextualBody", purpose: "classifying", value: classifying });
  if (note !== "") out.push({ type: "TextualBody", purpose: "commenting", value: note, format: "text/plain" });
  for (const tag of tags) out.push({ type: "TextualBody", purpose: "tagging", value: tag });
  return out;
}

export function annotationToW3C(r: AnnotationRecord | PortableAnnotation): W3CAnnotation {
  return {
    id: annotationIri(r.id),
    type: "Annotation",
    motivation: r.note !== "" ? "commenting" : r.tags.length > 0 ? "tagging" : r.kind === "note" ? "highlighting" : "classifying",
    created: iso(r.createdAt),
    modified: iso(r.updatedAt),
    body: bodies(r.note, r.tags, r.subkind ? `${r.kind}/${r.subkind}` : r.kind),
    target: { source: r.pageUrl, selector: [{ ...r.selectors.quote }, { ...r.selectors.position }] },
    [RECORD_KEY]: {
      kind: r.kind,
      ...(r.subkind ? { subkind: r.subkind } : {}),
      text: r.text,
      attributes: r.attributes,
      normalized: r.normalized,
      fingerprint: r.fingerprint,
      status: r.status,
      starred: r.starred,
      orphaned: r.orphaned,
      site: r.site,
      date: r.date,
    },
  };
}

export function pageNoteToW3C(n: NoteRecord | PortableNote): W3CAnnotation {
  return {
    id: annotationIri(n.id),
    type: "Annotation",
    motivation: "commenting",
    created: iso(n.createdAt),
    modified: iso(n.updatedAt),
    body: bodies(n.text, n.tags),
    target: n.pageUrl,
    [PAGE_NOTE_KEY]: { site: n.site },
  };
}

/** The bundle as one AnnotationCollection (JSON-LD). */
export function toW3C(bundle: ExportBundle, options: { exportedAt?: number; id?: string } = {}): W3CCollection {
  const items = [...bundle.annotations.map(annotationToW3C), ...bundle.notes.map(pageNoteToW3C)];
  return {
    "@context": ANNO_CONTEXT,
    id: `urn:uuid:${options.id ?? crypto.randomUUID()}`,
    type: "AnnotationCollection",
    label: "Policy Lens",
    total: items.length,
    generated: iso(options.exportedAt ?? Date.now()),
    generator: { type: "Software", name: "Policy Lens" },
    [SCHEMA_KEY]: CURRENT_VERSION,
    [PAGES_KEY]: bundle.pages,
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}

export function w3cToJson(collection: W3CCollection): string {
  return `${JSON.stringify(collection, null, 1)}\n`;
}

// ————————————————————————————————————————————— reading

const typesOf = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((t): t is string => typeof t === "string").map((t) => t.replace(/^(oa|as):/, ""));

/** True when a parsed JSON value looks like W3C Web Annotation data (an annotation, page, collection or list). */
export function looksLikeW3C(root: unknown): boolean {
  if (Array.isArray(root)) return root.length === 0 || root.some((x) => isObject(x) && typesOf(x.type).includes("Annotation"));
  if (!isObject(root)) return false;
  const types = typesOf(root.type);
  if (types.some((t) => t === "Annotation" || t === "AnnotationPage" || t === "AnnotationCollection")) return true;
  const context = Array.isArray(root["@context"]) ? root["@context"] : [root["@context"]];
  return context.some((c) => typeof c === "string" && /w3\.org\/ns\/anno\.jsonld$/.test(c));
}

/** The annotations of a W3C document, with the path each one is reported under. */
function w3cItems(root: unknown): { item: unknown; path: string }[] {
  if (Array.isArray(root)) return array(root, "the list", LIMITS.annotations).map((item, i) => ({ item, path: `item ${i + 1}` }));
  const o = object(root, "the file");
  const types = typesOf(o.type);
  if (types.includes("Annotation")) return [{ item: o, path: "the annotation" }];
  const fromPage = (page: Record<string, unknown>, path: string) => array(page.items, `${path}.items`, LIMITS.annotations).map((item, i) => ({ item, path: `${path}.items[${i}]` }));
  if (types.includes("AnnotationPage") || (!types.includes("AnnotationCollection") && Array.isArray(o.items))) return fromPage(o, "the page");
  if (types.includes("AnnotationCollection")) {
    if (Array.isArray(o.items)) return fromPage(o, "the collection");
    if (o.first === undefined) return [];
    if (typeof o.first === "string") fail("first", "is a link to annotation pages that are not in the file: only complete collections can be imported");
    const out: { item: unknown; path: string }[] = [];
    let page: unknown = o.first;
    let path = "first";
    for (let n = 0; page !== undefined; n++) {
      if (typeof page === "string") fail(path, "is a link to an annotation page that is not in the file");
      out.push(...fromPage(object(page, path), path));
      if (out.length > LIMITS.annotations) throw new InvalidFile("too-many", `The file has more than ${LIMITS.annotations} annotations; at most ${LIMITS.annotations} can be imported at once`);
      page = (page as Record<string, unknown>).next;
      path = `${path}.next`;
    }
    return out;
  }
  return fail("the file", "is not W3C Web Annotation data (no Annotation, AnnotationPage or AnnotationCollection)");
}

interface Target {
  source: string;
  quote?: { exact: string; prefix: string; suffix: string };
  position?: { start: number; end: number };
  title?: string;
}

function readTarget(v: unknown, path: string): Target | undefined {
  const target = Array.isArray(v) ? v.find((t) => typeof t === "string" || isObject(t)) : v;
  if (typeof target === "string") return { source: target };
  if (!isObject(target)) return undefined;
  const source = typeof target.source === "string" ? target.source : typeof target.id === "string" ? target.id : undefined;
  if (source === undefined) return undefined;
  const out: Target = { source };
  if (typeof target.title === "string") out.title = string(target.title, `${path}.title`, LIMITS.title);
  const selectors = Array.isArray(target.selector) ? target.selector : target.selector === undefined ? [] : [target.selector];
  selectors.forEach((s, i) => {
    if (!isObject(s)) return;
    const at = `${path}.selector[${i}]`;
    const type = typesOf(s.type);
    if (type.includes("TextQuoteSelector") && !out.quote) {
      out.quote = {
        exact: string(s.exact, `${at}.exact`, LIMITS.quote, 1),
        prefix: s.prefix === undefined ? "" : string(s.prefix, `${at}.prefix`, LIMITS.context),
        suffix: s.suffix === undefined ? "" : string(s.suffix, `${at}.suffix`, LIMITS.context),
      };
    } else if (type.includes("TextPositionSelector") && !out.position) {
      const start = integer(s.start, `${at}.start`, 0, LIMITS.position);
      out.position = { start, end: integer(s.end, `${at}.end`, start, LIMITS.position) };
    }
  });
  return out;
}

interface Bodies {
  note: string;
  tags: string[];
  classifying?: string;
}

function readBodies(item: Record<string, unknown>, path: string): Bodies {
  const notes: string[] = [];
  const tags: string[] = [];
  let classifying: string | undefined;
  if (typeof item.bodyValue === "string") notes.push(string(item.bodyValue, `${path}.bodyValue`, LIMITS.note));
  const list = Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body];
  if (list.length > 2 * LIMITS.tags + 10) fail(`${path}.body`, `has ${list.length} entries: too many for one annotation`);
  list.forEach((b, i) => {
    if (!isObject(b) || typeof b.value !== "string") return; // a linked resource (an IRI): nothing to keep
    const at = `${path}.body[${i}].value`;
    const purpose = typeof b.purpose === "string" ? b.purpose.replace(/^oa:/, "") : undefined;
    if (purpose === "tagging") tags.push(string(b.value, at, LIMITS.tag));
    else if (purpose === "classifying") classifying ??= string(b.value, at, 100);
    else notes.push(string(b.value, at, LIMITS.note));
  });
  const note = notes.filter((n) => n.trim() !== "").join("\n\n");
  if (note.length > LIMITS.note) fail(`${path}.body`, `holds a note that is too long (${note.length} characters; at most ${LIMITS.note})`);
  return { note, tags: cleanTags(tags), ...(classifying ? { classifying } : {}) };
}

function idOf(item: Record<string, unknown>, path: string): string {
  if (item.id === undefined) return `w3c-${hash53(JSON.stringify([item.target, item.body, item.bodyValue, item.created]))}`;
  const iri = string(item.id, `${path}.id`, LIMITS.url, 1);
  const own = idOfIri(iri);
  return own !== undefined ? recordId(own, `${path}.id`) : `w3c-${hash53(iri)}`;
}

export interface W3CImport {
  data: ImportData;
  /** Annotations that cannot be kept: no text to anchor and no note, or not on a web page. */
  skipped: number;
}

/** Reads W3C Web Annotation data (already JSON-parsed and structure-checked) into store records. */
export function readW3C(root: unknown, now: number): W3CImport {
  const items = w3cItems(root);
  const annotations: PortableAnnotation[] = [];
  const notes: PortableNote[] = [];
  const titles = new Map<string, string>();
  let skipped = 0;

  for (const { item: raw, path } of items) {
    const item = object(raw, path);
    if (!typesOf(item.type).includes("Annotation")) fail(`${path}.type`, "must be Annotation");
    const own = item[RECORD_KEY];
    const target = readTarget(item.target, `${path}.target`);
    if (!target) {
      skipped++;
      continue;
    }
    let url: string;
    try {
      url = pageUrl(target.source, `${path}.target.source`);
    } catch (error) {
      // another tool's annotation of a PDF, an image, a file…: not a web page this extension reads
      if (own !== undefined || item[PAGE_NOTE_KEY] !== undefined) throw error;
      skipped++;
      continue;
    }
    if (target.title && !titles.has(url)) titles.set(url, target.title);
    const { note, tags } = readBodies(item, path);
    const createdAt = item.created === undefined ? now : isoDateTime(item.created, `${path}.created`);
    const updatedAt = item.modified === undefined ? createdAt : isoDateTime(item.modified, `${path}.modified`);
    const id = idOf(item, path);

    if (own !== undefined) {
      const extra = object(own, `${path}.${RECORD_KEY}`);
      if (!target.quote || !target.position) fail(`${path}.target`, "must have a TextQuoteSelector and a TextPositionSelector");
      annotations.push(
        validateAnnotation(
          {
            ...extra,
            id,
            pageUrl: url,
            selectors: { quote: { type: "TextQuoteSelector", ...target.quote! }, position: { type: "TextPositionSelector", ...target.position! } },
            note,
            tags,
            createdAt,
            updatedAt,
          },
          path,
        ),
      );
    } else if (target.quote) {
      const exact = target.quote.exact;
      annotations.push({
        id,
        pageUrl: url,
        site: siteOf(url),
        date: "", // set from the page below
        kind: "note",
        text: exact,
        attributes: {},
        normalized: normalizedValue("note", undefined, {}, exact),
        fingerprint: `note:${id}`,
        // without a position the quote alone anchors it (the position is only a hint)
        selectors: {
          quote: { type: "TextQuoteSelector", ...target.quote },
          position: { type: "TextPositionSelector", ...(target.position ?? { start: 0, end: exact.length }) },
        },
        status: "confirmed",
        starred: 0,
        note,
        tags,
        createdAt,
        updatedAt,
        orphaned: 0,
      });
    } else if (note.trim() !== "") {
      const extra = isObject(item[PAGE_NOTE_KEY]) ? item[PAGE_NOTE_KEY] : {};
      notes.push(validateNote({ id, pageUrl: url, site: typeof extra.site === "string" ? extra.site : siteOf(url), text: note, tags, createdAt, updatedAt }, path));
    } else skipped++;
  }

  // pages: those the file describes, and a bare one for any other page it annotates
  const pages = new Map<string, PageRecord>();
  if (isObject(root) && root[PAGES_KEY] !== undefined) {
    array(root[PAGES_KEY], PAGES_KEY, LIMITS.pages).forEach((p, i) => {
      const page = validatePage(p, `${PAGES_KEY}[${i}]`);
      if (pages.has(page.url)) fail(`${PAGES_KEY}[${i}].url`, `repeats the page ${page.url}`);
      pages.set(page.url, page);
    });
  }
  const bare = new Map<string, PageRecord>();
  for (const r of [...annotations, ...notes]) {
    if (pages.has(r.pageUrl) && !bare.has(r.pageUrl)) continue;
    const page = bare.get(r.pageUrl);
    if (page) {
      page.firstSeen = Math.min(page.firstSeen, r.createdAt);
      page.lastSeen = Math.max(page.lastSeen, r.updatedAt);
      continue;
    }
    const fresh: PageRecord = { url: r.pageUrl, title: titles.get(r.pageUrl) ?? "", site: siteOf(r.pageUrl), firstSeen: r.createdAt, lastSeen: r.updatedAt, visits: 0 };
    bare.set(r.pageUrl, fresh);
    pages.set(r.pageUrl, fresh);
  }
  for (const a of annotations) {
    if (a.date !== "") continue;
    const page = pages.get(a.pageUrl)!;
    a.date = page.articleDate ?? localDay(page.firstSeen);
  }
  return { data: { pages: [...pages.values()], annotations, notes, deletions: [] }, skipped };
}

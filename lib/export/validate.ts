// Strict checks of records read from a file (a backup, or the Policy Lens part of a W3C export).
// Each check either returns the value in the store's shape or throws an InvalidFile naming the field
// and what is wrong with it, in words a reader can act on. Nothing here touches the database.
import type { Approx } from "../extract/types";
import { canonicalUrl } from "../store/url";
import {
  REVIEW_STATUSES,
  STORED_KINDS,
  type AnnotationAttributes,
  type DeletionRecord,
  type PageRecord,
  type ReviewStatus,
  type StoredKind,
} from "../store/types";
import type { PortableAnnotation, PortableNote } from "./types";

export type ImportErrorCode =
  | "empty"
  | "too-large"
  | "truncated"
  | "not-json"
  | "unknown-format"
  | "newer-version"
  | "forbidden-key"
  | "too-deep"
  | "too-many"
  | "invalid";

/** Why a file cannot be imported. `message` names the problem (and where it is). */
export class InvalidFile extends Error {
  override readonly name = "InvalidFile";
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const LIMITS = {
  pages: 100_000,
  annotations: 500_000,
  notes: 200_000,
  deletions: 500_000,
  /** Characters of JSON text (about 256 MB of UTF-8 at most). */
  fileChars: 256 * 1024 * 1024,
  url: 2_048,
  title: 2_048,
  quote: 20_000,
  note: 20_000,
  context: 2_000,
  attribute: 2_000,
  value: 200,
  normalized: 4_000,
  fingerprint: 400,
  tags: 50,
  tag: 100,
  position: 2 ** 31 - 1,
  depth: 40,
} as const;

const ATTRIBUTE_KEYS = ["name", "title", "honorific", "refersTo", "docType", "code", "issuer", "date", "speaker", "verb", "value", "unit", "approx"] as const;
const APPROX: readonly Approx[] = ["more", "less", "nearly", "about"];
/** 1970 … 2100 in epoch ms: anything outside is not a time this extension wrote. */
const MAX_EPOCH = Date.UTC(2100, 0, 1);
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:~-]{0,127}$/;
const SUBKIND = /^[a-z][a-z-]{0,39}$/;
const SITE = /^[A-Za-z0-9.\-[\]:]{0,253}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export const fail = (path: string, what: string): never => {
  throw new InvalidFile("invalid", `${path} ${what}`);
};

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown) => {
  const s = typeof v === "string" ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : Array.isArray(v) ? "a list" : v === null ? "null" : typeof v === "object" ? "an object" : String(v);
  return s;
};

export function object(v: unknown, path: string): Record<string, unknown> {
  if (!isObject(v)) fail(path, `must be an object, not ${show(v)}`);
  return v as Record<string, unknown>;
}

export function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) fail(path, `has an unknown field ${JSON.stringify(key)}`);
}

export function array(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) fail(path, `must be a list, not ${show(v)}`);
  const list = v as unknown[];
  if (list.length > max) throw new InvalidFile("too-many", `${path} has ${list.length} entries; at most ${max} can be imported at once`);
  return list;
}

export function string(v: unknown, path: string, max: number, min = 0): string {
  if (typeof v !== "string") fail(path, `must be text, not ${show(v)}`);
  const s = v as string;
  if (s.length < min) fail(path, min === 1 ? "must not be empty" : `must have at least ${min} characters`);
  if (s.length > max) fail(path, `is too long (${s.length} characters; at most ${max})`);
  return s;
}

export function integer(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v)) fail(path, `must be a whole number, not ${show(v)}`);
  if ((v as number) < min || (v as number) > max) fail(path, `must be between ${min} and ${max}, not ${v as number}`);
  return v as number;
}

export const epoch = (v: unknown, path: string) => integer(v, path, 0, MAX_EPOCH);
export const flag = (v: unknown, path: string) => integer(v, path, 0, 1) as 0 | 1;

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (!allowed.includes(v as T)) fail(path, `must be one of ${allowed.join(", ")}, not ${show(v)}`);
  return v as T;
}

/** A calendar day, yyyy-mm-dd. */
export function day(v: unknown, path: string): string {
  const s = string(v, path, 10);
  const m = DAY.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) fail(path, `must be a date written yyyy-mm-dd, not ${show(v)}`);
  return s;
}

/** An ISO 8601 date-time (as W3C `created` / backup `exportedAt`) as epoch ms. */
export function isoDateTime(v: unknown, path: string): number {
  const s = string(v, path, 40);
  const ms = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) ? Date.parse(s) : NaN;
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_EPOCH) fail(path, `must be an ISO 8601 date and time, not ${show(v)}`);
  return ms;
}

/** An http(s) page address, in its canonical form (the store's key). */
export function pageUrl(v: unknown, path: string): string {
  const s = string(v, path, LIMITS.url, 1);
  let url: URL | undefined;
  try {
    url = new URL(s);
  } catch {
    fail(path, `is not a web address: ${show(s)}`);
  }
  if (url!.protocol !== "http:" && url!.protocol !== "https:") fail(path, `must be an http or https address, not ${show(`${url!.protocol}…`)}`);
  if (url!.username || url!.password) fail(path, "must not contain a user name or password");
  return canonicalUrl(s);
}

export function recordId(v: unknown, path: string): string {
  const s = string(v, path, 128, 1);
  if (!ID.test(s)) fail(path, `is not a valid id: ${show(s)}`);
  return s;
}

export function site(v: unknown, path: string): string {
  const s = string(v, path, 253);
  if (!SITE.test(s)) fail(path, `is not a host name: ${show(s)}`);
  return s;
}

export function tags(v: unknown, path: string): string[] {
  return array(v, path, LIMITS.tags).map((t, i) => string(t, `${path}[${i}]`, LIMITS.tag, 1));
}

// ————————————————————————————————————————————— records

const PAGE_KEYS = ["url", "title", "site", "articleDate", "firstSeen", "lastSeen", "visits"];

export function validatePage(v: unknown, path: string): PageRecord {
  const o = object(v, path);
  onlyKeys(o, PAGE_KEYS, path);
  const page: PageRecord = {
    url: pageUrl(o.url, `${path}.url`),
    title: string(o.title, `${path}.title`, LIMITS.title),
    site: site(o.site, `${path}.site`),
    firstSeen: epoch(o.firstSeen, `${path}.firstSeen`),
    lastSeen: epoch(o.lastSeen, `${path}.lastSeen`),
    visits: integer(o.visits, `${path}.visits`, 0, 1e9),
  };
  if (o.articleDate !== undefined) page.articleDate = day(o.articleDate, `${path}.articleDate`);
  return page;
}

function validateAttributes(v: unknown, path: string): AnnotationAttributes {
  const o = object(v, path);
  onlyKeys(o, ATTRIBUTE_KEYS, path);
  const out: Record<string, unknown> = {};
  for (const key of ATTRIBUTE_KEYS) {
    const value = o[key];
    if (value === undefined) continue;
    const at = `${path}.${key}`;
    if (key === "value") {
      if (typeof value === "number") {
        if (!Number.isFinite(value)) fail(at, "must be a finite number");
        out.value = value;
      } else out.value = string(value, at, LIMITS.value);
    } else if (key === "approx") out.approx = oneOf(value, APPROX, at);
    else out[key] = string(value, at, LIMITS.attribute);
  }
  return out as AnnotationAttributes;
}

const ANNOTATION_KEYS = [
  "id",
  "pageUrl",
  "site",
  "date",
  "kind",
  "subkind",
  "text",
  "attributes",
  "normalized",
  "fingerprint",
  "selectors",
  "status",
  "starred",
  "note",
  "tags",
  "createdAt",
  "updatedAt",
  "searchWords",
  "orphaned",
];

export function validateSelectors(v: unknown, path: string): PortableAnnotation["selectors"] {
  const o = object(v, path);
  onlyKeys(o, ["quote", "position"], path);
  const q = object(o.quote, `${path}.quote`);
  onlyKeys(q, ["type", "exact", "prefix", "suffix"], `${path}.quote`);
  const p = object(o.position, `${path}.position`);
  onlyKeys(p, ["type", "start", "end"], `${path}.position`);
  oneOf(q.type, ["TextQuoteSelector"], `${path}.quote.type`);
  oneOf(p.type, ["TextPositionSelector"], `${path}.position.type`);
  const start = integer(p.start, `${path}.position.start`, 0, LIMITS.position);
  const end = integer(p.end, `${path}.position.end`, start, LIMITS.position);
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: string(q.exact, `${path}.quote.exact`, LIMITS.quote, 1),
      prefix: string(q.prefix, `${path}.quote.prefix`, LIMITS.context),
      suffix: string(q.suffix, `${path}.quote.suffix`, LIMITS.context),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}

/** An annotation record. `searchWords` is accepted (older backups) and dropped: it is recomputed. */
export function validateAnnotation(v: unknown, path: string): PortableAnnotation {
  const o = object(v, path);
  onlyKeys(o, ANNOTATION_KEYS, path);
  const kind = oneOf<StoredKind>(o.kind, STORED_KINDS, `${path}.kind`);
  const record: PortableAnnotation = {
    id: recordId(o.id, `${path}.id`),
    pageUrl: pageUrl(o.pageUrl, `${path}.pageUrl`),
    site: site(o.site, `${path}.site`),
    date: day(o.date, `${path}.date`),
    kind,
    text: string(o.text, `${path}.text`, LIMITS.quote, 1),
    attributes: validateAttributes(o.attributes, `${path}.attributes`),
    normalized: string(o.normalized, `${path}.normalized`, LIMITS.normalized),
    fingerprint: string(o.fingerprint, `${path}.fingerprint`, LIMITS.fingerprint, 1),
    selectors: validateSelectors(o.selectors, `${path}.selectors`),
    status: oneOf<ReviewStatus>(o.status, REVIEW_STATUSES, `${path}.status`),
    starred: flag(o.starred, `${path}.starred`),
    note: string(o.note, `${path}.note`, LIMITS.note),
    tags: tags(o.tags, `${path}.tags`),
    createdAt: epoch(o.createdAt, `${path}.createdAt`),
    updatedAt: epoch(o.updatedAt, `${path}.updatedAt`),
    // schema 1 had no orphaned flag
    orphaned: o.orphaned === undefined ? 0 : flag(o.orphaned, `${path}.orphaned`),
  };
  if (o.subkind !== undefined) {
    const subkind = string(o.subkind, `${path}.subkind`, 40);
    if (!SUBKIND.test(subkind)) fail(`${path}.subkind`, `is not a kind of annotation: ${show(subkind)}`);
    record.subkind = subkind;
  }
  if (o.searchWords !== undefined) array(o.searchWords, `${path}.searchWords`, 100_000);
  return record;
}

export function validateNote(v: unknown, path: string): PortableNote {
  const o = object(v, path);
  onlyKeys(o, ["id", "pageUrl", "site", "text", "tags", "createdAt", "updatedAt", "searchWords"], path);
  if (o.searchWords !== undefined) array(o.searchWords, `${path}.searchWords`, 100_000);
  return {
    id: recordId(o.id, `${path}.id`),
    pageUrl: pageUrl(o.pageUrl, `${path}.pageUrl`),
    site: site(o.site, `${path}.site`),
    text: string(o.text, `${path}.text`, LIMITS.note, 1),
    tags: tags(o.tags, `${path}.tags`),
    createdAt: epoch(o.createdAt, `${path}.createdAt`),
    updatedAt: epoch(o.updatedAt, `${path}.updatedAt`),
  };
}

export function validateDeletion(v: unknown, path: string): DeletionRecord {
  const o = object(v, path);
  onlyKeys(o, ["pageUrl", "fingerprint", "deletedAt"], path);
  return {
    pageUrl: pageUrl(o.pageUrl, `${path}.pageUrl`),
    fingerprint: string(o.fingerprint, `${path}.fingerprint`, LIMITS.fingerprint, 1),
    deletedAt: epoch(o.deletedAt, `${path}.deletedAt`),
  };
}

/**
 * Throws when any object in `value` has a key that could pollute prototypes (`__proto__`,
 * `constructor`, `prototype`) or nests deeper than any file this extension reads. Iterative: a
 * hostile nesting cannot overflow the stack.
 */
export function checkStructure(value: unknown): void {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: "the file", depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth > LIMITS.depth) {
      const where = path.length <= 80 ? ` (at ${path})` : "";
      throw new InvalidFile("too-deep", `The file nests lists and objects more than ${LIMITS.depth} levels deep${where}: it is not a file this extension wrote.`);
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) throw new InvalidFile("forbidden-key", `The file contains the forbidden field ${JSON.stringify(key)} (in ${path}); it was refused as hostile.`);
      stack.push({ v: (v as Record<string, unknown>)[key], path: path === "the file" ? key : `${path}.${key}`, depth: depth + 1 });
    }
  }
}

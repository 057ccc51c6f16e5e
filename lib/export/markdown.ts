// Markdown for note apps (Obsidian-friendly front matter), shared by the extension's export and the
// `extract --format md` CLI. Everything that comes from a page or from the reader (titles, quotes,
// attributes, notes, tags) is escaped: nothing an article or a note says can become Markdown, inline
// HTML, an Obsidian tag, highlight, comment or formula, or break out of the YAML front matter.
import type { TextQuoteSelector } from "../anchor/selectors";
import type { Annotation } from "../extract/types";
import type { Language } from "../i18n";
import { attributesOf, localDay } from "../store/derive";
import type { AnnotationAttributes, AnnotationRecord, NoteRecord, PageRecord, ReviewStatus, StoredKind } from "../store/types";
import { exportTranslator, type ExportTranslate } from "./i18n";
import type { ExportBundle } from "./types";

/** One page: the extractor's annotations (CLI) or stored records (extension), and page notes. */
export interface MarkdownPage {
  title: string;
  url?: string;
  site?: string;
  /** The article's date, yyyy-mm-dd. */
  date?: string;
  annotations: readonly (Annotation | AnnotationRecord)[];
  /** The reader's notes on the page as a whole. */
  pageNotes?: readonly Pick<NoteRecord, "text" | "tags">[];
}

export interface MarkdownOptions {
  /** Headings and labels; default English. */
  language?: Language;
  /** Rejected annotations are left out unless asked for (a filtered export asks for what it shows). */
  includeRejected?: boolean;
}

// ————————————————————————————————————————————— escaping

/**
 * ASCII punctuation with a meaning somewhere in CommonMark, GFM or Obsidian: emphasis, code, links
 * (brackets and parentheses), images and wikilinks, tables, strike-through, ==highlights==,
 * %%comments%%, $math$, #tags, ^block-ids. `<`, `>` and `&` become entities (no inline HTML, no
 * autolinks, no entity decoding).
 */
const INLINE_SPECIAL = /[\\`*_[\]()|~=$%^#<>&]/g;
/** What would start a block at the beginning of a line: list items (-, +, 1. / 1)) and the like. */
const BLOCK_START = /^([-+:]|\d{1,9}(?=[.)]))/;

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : `\\${c}`));
}

/** A line of literal text: inline specials escaped, and a leading block marker defused. */
function escapeLine(line: string): string {
  return escapeInline(line).replace(BLOCK_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** Escapes text so Markdown renders it literally, on one line (white space collapsed). */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.replace(/\s+/g, " ").trim());
}

/** Escapes text keeping its line breaks: one escaped line per line of text. */
export function escapeMarkdownLines(text: string): string[] {
  return text.split(/\r\n|[\n\r\u2028\u2029\u0085]/).map((line) => escapeLine(line.replace(/\s+/g, " ").trim()));
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A YAML double-quoted scalar on one line: a JSON string, with what YAML reads as a line break or
 * BOM escaped too, and `<`, `>`, `&` as \u escapes — the value is exactly the text, yet the file
 * holds no markup for a tool that pastes front matter into HTML.
 */
export function yamlString(value: string): string {
  const oneLine = value.replace(LONE_SURROGATE, "\ufffd").replace(/\s+/g, " ").trim();
  return JSON.stringify(oneLine).replace(/[\u007f-\u009f\u2028\u2029\ufeff<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** An http(s) URL as a Markdown link destination, or undefined for anything else (javascript: …). */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  return parsed.href;
}

/** `<destination>`: angle brackets keep parentheses in URLs; what could close them is percent-encoded. */
function destination(href: string): string {
  return `<${href.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c))}>`;
}

// ————————————————————————————————————————————— text fragment links

const fragmentPart = (s: string) => encodeURIComponent(s).replace(/[-!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const words = (s: string) => s.split(/\s+/).filter(Boolean);
/** Quotes longer than this many words are linked by their first and last words (textStart,textEnd). */
const FRAGMENT_WORDS = 8;
const EDGE_WORDS = 4;
const CONTEXT_WORDS = 3;

/**
 * A link to the quoted passage (`#:~:text=[prefix-,]start[,end][,-suffix]`): browsers that know
 * text fragments scroll to it and highlight it; others just open the page.
 */
export function textFragmentUrl(url: string, quote: Pick<TextQuoteSelector, "exact"> & Partial<TextQuoteSelector>): string {
  const base = url.replace(/#.*$/, "");
  const exact = words(quote.exact);
  if (exact.length === 0) return base;
  const parts: string[] = [];
  // context only from the same block (a fragment's prefix and suffix must be next to the quote)
  const prefix = words((quote.prefix ?? "").split(/[\n\r]/).pop() ?? "").slice(-CONTEXT_WORDS);
  const suffix = words((quote.suffix ?? "").split(/[\n\r]/)[0] ?? "").slice(0, CONTEXT_WORDS);
  if (prefix.length > 0) parts.push(`${fragmentPart(prefix.join(" "))}-`);
  if (exact.length > FRAGMENT_WORDS) {
    parts.push(fragmentPart(exact.slice(0, EDGE_WORDS).join(" ")), fragmentPart(exact.slice(-EDGE_WORDS).join(" ")));
  } else parts.push(fragmentPart(exact.join(" ")));
  if (suffix.length > 0) parts.push(`-${fragmentPart(suffix.join(" "))}`);
  return `${base}#:~:text=${parts.join(",")}`;
}

// ————————————————————————————————————————————— items

interface Item {
  kind: StoredKind;
  subkind?: string;
  text: string;
  attributes: AnnotationAttributes;
  note: string;
  tags: readonly string[];
  starred: boolean;
  status: ReviewStatus;
  orphaned: boolean;
  quote?: TextQuoteSelector;
  start: number;
}

const isRecord = (a: Annotation | AnnotationRecord): a is AnnotationRecord => "selectors" in a && "attributes" in a;

function itemOf(a: Annotation | AnnotationRecord): Item {
  if (isRecord(a)) {
    return {
      kind: a.kind,
      ...(a.subkind ? { subkind: a.subkind } : {}),
      text: a.text,
      attributes: a.attributes ?? {},
      note: a.note ?? "",
      tags: a.tags ?? [],
      starred: a.starred === 1,
      status: a.status,
      orphaned: a.orphaned === 1,
      quote: a.selectors.quote,
      start: a.selectors.position.start,
    };
  }
  return {
    kind: a.kind,
    ...("subkind" in a && a.subkind ? { subkind: a.subkind } : {}),
    text: a.text,
    attributes: attributesOf(a),
    note: "",
    tags: [],
    starred: false,
    status: "new",
    orphaned: false,
    start: a.start,
  };
}

function details(item: Item, t: ExportTranslate): string {
  const a = item.attributes;
  const pairs: [string, string | number | undefined][] = [];
  switch (item.kind) {
    case "leader":
      pairs.push([t("attrTitle"), a.title], [t("attrHonorific"), a.honorific], [t("attrRefersTo"), a.refersTo]);
      break;
    case "directive":
      if (item.subkind === "document") pairs.push(["", a.docType], [t("attrCode"), a.code], [t("attrIssuer"), a.issuer], [t("attrDate"), a.date]);
      else pairs.push([t("attrSpeaker"), a.speaker], [t("attrVerb"), a.verb]);
      break;
    case "number":
      pairs.push(["", item.subkind], [t("attrValue"), a.value], [t("attrUnit"), a.unit], [t("attrApprox"), a.approx]);
      break;
    case "note":
      break;
  }
  return pairs
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([label, v]) => (label ? `${label}: ${String(v)}` : String(v)))
    .join("; ");
}

const SECTIONS: { key: "leaders" | "documents" | "instructions" | "numbers" | "highlights"; pick: (i: Item) => boolean }[] = [
  { key: "leaders", pick: (i) => i.kind === "leader" },
  { key: "documents", pick: (i) => i.kind === "directive" && i.subkind === "document" },
  { key: "instructions", pick: (i) => i.kind === "directive" && i.subkind !== "document" },
  { key: "numbers", pick: (i) => i.kind === "number" },
  { key: "highlights", pick: (i) => i.kind === "note" },
];

function itemLines(item: Item, href: string | undefined, t: ExportTranslate): string[] {
  const detail = details(item, t);
  const flags = [item.status === "rejected" ? t("statusRejected") : "", item.orphaned ? t("orphaned") : ""].filter(Boolean);
  let line = `- ${item.starred ? "★ " : ""}${escapeMarkdown(item.text)}`;
  if (detail) line += ` — ${escapeMarkdown(detail)}`;
  if (flags.length > 0) line += ` (${escapeMarkdown(flags.join(", "))})`;
  if (href) line += ` [↗](${destination(textFragmentUrl(href, item.quote ?? { exact: item.text }))})`;
  const lines = [line];
  if (item.tags.length > 0) lines.push(`  ${escapeMarkdown(t("tags"))}: ${item.tags.map(escapeMarkdown).join(", ")}`);
  if (item.note.trim() !== "") for (const l of escapeMarkdownLines(item.note.trim())) lines.push(l ? `  > ${l}` : "  >");
  return lines;
}

/** The body of a page (without front matter) with headings at `level` and sections one below. */
function pageBody(page: MarkdownPage, level: number, options: MarkdownOptions, t: ExportTranslate): string[] {
  const href = safeHref(page.url);
  const h = "#".repeat(level);
  const lines = [`${h} ${escapeMarkdown(page.title) || escapeMarkdown(page.url ?? "")}`, ""];
  if (level > 1) {
    const meta = [href ? `[${escapeMarkdown(t("openArticle"))}](${destination(href)})` : "", escapeMarkdown(page.site ?? ""), escapeMarkdown(page.date ?? "")].filter(Boolean);
    if (meta.length > 0) lines.push(meta.join(" · "), "");
  } else if (href) lines.push(`[${escapeMarkdown(t("openArticle"))}](${destination(href)})`, "");

  const items = page.annotations
    .map(itemOf)
    .filter((i) => options.includeRejected || i.status !== "rejected")
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.start - b.item.start || a.index - b.index)
    .map(({ item }) => item);
  for (const section of SECTIONS) {
    const picked = items.filter(section.pick);
    if (picked.length === 0) continue;
    lines.push(`${h}# ${t(section.key)}`, "");
    for (const item of picked) lines.push(...itemLines(item, href, t));
    lines.push("");
  }
  const notes = (page.pageNotes ?? []).filter((n) => n.text.trim() !== "");
  if (notes.length > 0) {
    lines.push(`${h}# ${t("pageNotes")}`, "");
    for (const n of notes) {
      const [first = "", ...rest] = escapeMarkdownLines(n.text.trim());
      lines.push(`- ${first}`, ...rest.map((l) => (l ? `  ${l}` : "")));
      if (n.tags.length > 0) lines.push(`  ${escapeMarkdown(t("tags"))}: ${n.tags.map(escapeMarkdown).join(", ")}`);
    }
    lines.push("");
  }
  return lines;
}

function frontMatter(fields: [string, string | number | undefined][]): string[] {
  const lines = ["---"];
  for (const [key, value] of fields) {
    if (value === undefined || value === "") continue;
    lines.push(`${key}: ${typeof value === "number" ? String(value) : yamlString(value)}`);
  }
  lines.push("---", "");
  return lines;
}

/** One page as a Markdown document: front matter (title, url, site, date), then its sections. */
export function toMarkdown(page: MarkdownPage, options: MarkdownOptions = {}): string {
  const t = exportTranslator(options.language ?? "en");
  const href = safeHref(page.url);
  const lines = [
    ...frontMatter([
      ["title", page.title],
      ["url", href],
      ["site", page.site],
      ["date", page.date],
    ]),
    ...pageBody(page, 1, options, t),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}

// ————————————————————————————————————————————— stored pages

/** A stored page with its records, as toMarkdown takes it. */
export function markdownPageOf(page: PageRecord, annotations: readonly AnnotationRecord[], notes: readonly NoteRecord[] = []): MarkdownPage {
  return {
    title: page.title,
    url: page.url,
    ...(page.site ? { site: page.site } : {}),
    ...(page.articleDate ? { date: page.articleDate } : {}),
    annotations,
    pageNotes: [...notes].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
  };
}

/** The bundle's pages, in its order, each with its records (records of pages it lacks get a bare page). */
export function markdownPages(bundle: ExportBundle): MarkdownPage[] {
  const annotations = new Map<string, AnnotationRecord[]>();
  const notes = new Map<string, NoteRecord[]>();
  for (const a of bundle.annotations) annotations.set(a.pageUrl, [...(annotations.get(a.pageUrl) ?? []), a]);
  for (const n of bundle.notes) notes.set(n.pageUrl, [...(notes.get(n.pageUrl) ?? []), n]);
  const pages = [...bundle.pages];
  const known = new Set(pages.map((p) => p.url));
  for (const url of new Set([...annotations.keys(), ...notes.keys()])) {
    if (!known.has(url)) pages.push({ url, title: "", site: "", firstSeen: 0, lastSeen: 0, visits: 0 });
  }
  return pages.map((p) => markdownPageOf(p, annotations.get(p.url) ?? [], notes.get(p.url) ?? []));
}

/** One document per page, named after the page's site and title. */
export function markdownDocuments(bundle: ExportBundle, options: MarkdownOptions = {}): { name: string; content: string }[] {
  const used = new Set<string>();
  return markdownPages(bundle).map((page) => {
    const stem = slug(`${page.date ?? ""} ${page.title || page.site || "page"}`) || "page";
    let name = `${stem}.md`;
    for (let n = 2; used.has(name); n++) name = `${stem}-${n}.md`;
    used.add(name);
    return { name, content: toMarkdown(page, options) };
  });
}

/**
 * The bundle as one file: a single page is its own document (with the page's front matter);
 * several pages get a front matter for the export and a section per page.
 */
export function bundleToMarkdown(bundle: ExportBundle, options: MarkdownOptions & { exportedAt?: number } = {}): string {
  const pages = markdownPages(bundle);
  if (pages.length === 1) return toMarkdown(pages[0]!, options);
  const t = exportTranslator(options.language ?? "en");
  const exportedAt = options.exportedAt ?? Date.now();
  const lines = [
    ...frontMatter([
      ["title", t("exportTitle")],
      ["date", localDay(exportedAt)],
      ["pages", pages.length],
    ]),
    `# ${escapeMarkdown(t("exportTitle"))}`,
    "",
    `${escapeMarkdown(t("exportedOn"))}: ${escapeMarkdown(localDay(exportedAt))} · ${escapeMarkdown(t("pagesCount"))}: ${pages.length}`,
    "",
  ];
  for (const page of pages) lines.push(...pageBody(page, 2, options, t));
  return `${lines.join("\n").trimEnd()}\n`;
}

/** A file-name-safe form of a title: diacritics kept, separators and reserved characters dropped. */
export function slug(text: string, max = 80): string {
  return text
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*#%&{}$!'@`=+^~[\],;]+/g, " ")
    .replace(/\s+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, max)
    .replace(/[-.]+$/, "");
}

// CSV for spreadsheets: RFC 4180 (quoted fields, CRLF), UTF-8 with a byte order mark so Excel reads
// Vietnamese correctly, one row per annotation (and per page note). Cells that a spreadsheet would
// read as a formula are neutralised with a leading apostrophe (OWASP "CSV injection").
import type { Language } from "../i18n";
import type { AnnotationRecord, NoteRecord, PageRecord } from "../store/types";
import { exportTranslator, type ExportMessageKey } from "./i18n";
import type { ExportBundle } from "./types";

export const BOM = "\ufeff";
const CRLF = "\r\n";

/** First characters that make a spreadsheet cell a formula (or can smuggle one in). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | undefined | null;

/**
 * A cell's text with formula injection neutralised: `=1+1` → `'=1+1`. Numbers are written as
 * JavaScript prints them, and neutralised like text (a negative number shows as text "-2").
 */
export function neutralise(value: Cell): string {
  if (value === undefined || value === null) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting: a field with the delimiter, a quote, CR or LF is quoted, quotes doubled. */
export function quoteField(text: string, delimiter = ","): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text: neutralised, quoted, CRLF after every row, with a BOM first unless asked not to. */
export function toCsv(rows: readonly (readonly Cell[])[], options: { delimiter?: string; bom?: boolean } = {}): string {
  const delimiter = options.delimiter ?? ",";
  const body = rows.map((row) => row.map((cell) => quoteField(neutralise(cell), delimiter)).join(delimiter) + CRLF).join("");
  return (options.bom === false ? "" : BOM) + body;
}

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : "");

/** The columns, in order: a header key and how a row fills it. */
const COLUMNS: { header: ExportMessageKey; cell: (r: Row) => Cell }[] = [
  { header: "colPageTitle", cell: (r) => r.page?.title },
  { header: "colUrl", cell: (r) => r.pageUrl },
  { header: "colSite", cell: (r) => r.page?.site ?? r.site },
  { header: "colArticleDate", cell: (r) => r.page?.articleDate },
  { header: "colKind", cell: (r) => r.kind },
  { header: "colSubkind", cell: (r) => r.a?.subkind },
  { header: "colText", cell: (r) => r.a?.text },
  { header: "colValue", cell: (r) => r.a?.attributes.value },
  { header: "colUnit", cell: (r) => r.a?.attributes.unit },
  { header: "colApprox", cell: (r) => r.a?.attributes.approx },
  { header: "colName", cell: (r) => r.a?.attributes.name },
  { header: "colTitle", cell: (r) => r.a?.attributes.title },
  { header: "colRefersTo", cell: (r) => r.a?.attributes.refersTo },
  { header: "colDocType", cell: (r) => r.a?.attributes.docType },
  { header: "colCode", cell: (r) => r.a?.attributes.code },
  { header: "colIssuer", cell: (r) => r.a?.attributes.issuer },
  { header: "colDocDate", cell: (r) => r.a?.attributes.date },
  { header: "colSpeaker", cell: (r) => r.a?.attributes.speaker },
  { header: "colVerb", cell: (r) => r.a?.attributes.verb },
  { header: "colStatus", cell: (r) => r.a?.status },
  { header: "colStarred", cell: (r) => r.a?.starred },
  { header: "colOrphaned", cell: (r) => r.a?.orphaned },
  { header: "colNote", cell: (r) => (r.a ? r.a.note : r.n?.text) },
  { header: "colTags", cell: (r) => (r.a?.tags ?? r.n?.tags ?? []).join("; ") },
  { header: "colCreated", cell: (r) => iso((r.a ?? r.n)!.createdAt) },
  { header: "colUpdated", cell: (r) => iso((r.a ?? r.n)!.updatedAt) },
  { header: "colId", cell: (r) => (r.a ?? r.n)!.id },
];

interface Row {
  pageUrl: string;
  site: string;
  page: PageRecord | undefined;
  kind: string;
  a?: AnnotationRecord;
  n?: NoteRecord;
}

export interface CsvOptions {
  /** Column headers' language; default English. */
  language?: Language;
  /** Default ","; ";" suits spreadsheets set up for a comma decimal separator. */
  delimiter?: string;
}

/**
 * The bundle as CSV: a header row, then one row per annotation (pages in the bundle's order,
 * annotations in text order) and one per page note (kind "page-note", its text in the note column).
 */
export function bundleToCsv(bundle: ExportBundle, options: CsvOptions = {}): string {
  const t = exportTranslator(options.language ?? "en");
  const pages = new Map(bundle.pages.map((p) => [p.url, p]));
  const order = new Map(bundle.pages.map((p, i) => [p.url, i]));
  const rank = (url: string) => order.get(url) ?? Number.MAX_SAFE_INTEGER;
  const byPage = (x: { pageUrl: string }, y: { pageUrl: string }) =>
    rank(x.pageUrl) - rank(y.pageUrl) || (x.pageUrl < y.pageUrl ? -1 : x.pageUrl > y.pageUrl ? 1 : 0);
  const annotations = [...bundle.annotations].sort(
    (x, y) =>
      x.selectors.position.start - y.selectors.position.start || x.selectors.position.end - y.selectors.position.end || (x.id < y.id ? -1 : 1),
  );
  const notes = [...bundle.notes].sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1));
  // each page's annotations in text order, then its page notes (the sort is stable)
  const rows: Row[] = [
    ...annotations.map((a) => ({ pageUrl: a.pageUrl, site: a.site, page: pages.get(a.pageUrl), kind: a.kind, a })),
    ...notes.map((n) => ({ pageUrl: n.pageUrl, site: n.site, page: pages.get(n.pageUrl), kind: "page-note", n })),
  ].sort(byPage);
  return toCsv([COLUMNS.map((c) => t(c.header)), ...rows.map((r) => COLUMNS.map((c) => c.cell(r)))], { delimiter: options.delimiter ?? "," });
}

// Export: a format × scope choice, then a download. The file is built from the store (read in one
// transaction) by lib/export and handed to the browser as a Blob through an <a download> click.
// Nothing from a page is ever rendered as markup here: only counts and the file name are shown, as
// text.
import { useState } from "preact/hooks";
import { languageOf, type Language } from "@/lib/i18n";
import { buildExport, type BuiltExport } from "@/lib/export/files";
import { exportTranslator, type ExportMessageKey } from "@/lib/export/i18n";
import type { ExportScope } from "@/lib/export/select";
import type { ExportFile, ExportFormat } from "@/lib/export/types";
import type { AnnotationQuery } from "@/lib/store/repository";
import { getDatabase, type PolicyLensDB } from "@/lib/store/schema";

export type ExportScopeKind = ExportScope["kind"];

export interface ExportMenuProps {
  /** The store; default the extension's database (extension pages share its origin). */
  db?: PolicyLensDB;
  /** The page shown in the tab: offers "This page". */
  pageUrl?: string;
  /** The review panel's current filters: offers "The current selection" (limit/offset are ignored, every match is exported). */
  filter?: AnnotationQuery;
  /** Scopes to offer, in order; default: "page" when pageUrl is given, "filtered" when filter is, then "all". */
  scopes?: readonly ExportScopeKind[];
  /** Formats to offer, in order; default Markdown, CSV, W3C JSON ("backup" may be added). */
  formats?: readonly ExportFormat[];
  /** Interface language; default from navigator.language ("vi*" → Vietnamese). */
  language?: Language;
  /** The clock (tests); default Date.now. */
  now?: () => number;
  /** Hands the file to the reader; default downloadFile (Blob + <a download>). */
  download?: (file: ExportFile) => void;
  /** Called after each successful export. */
  onExported?: (result: BuiltExport) => void;
  /** The section's heading; false for none (when the host already has one). */
  heading?: boolean;
}

const FORMAT_LABEL: Record<ExportFormat, ExportMessageKey> = { md: "formatMd", csv: "formatCsv", w3c: "formatW3c", backup: "formatBackup" };
const SCOPE_LABEL: Record<ExportScopeKind, ExportMessageKey> = { page: "scopePage", filtered: "scopeFiltered", all: "scopeAll" };

/**
 * Saves a file through the browser's download: a Blob URL clicked from an <a download> link, revoked
 * a minute later (revoking at once can cancel the download in some browsers).
 */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.type }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = file.name;
  a.rel = "noopener";
  a.style.display = "none";
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

type Status = { kind: "idle" } | { kind: "busy" } | { kind: "done"; text: string } | { kind: "error"; text: string };

let menuCounter = 0;

export function ExportMenu(props: ExportMenuProps) {
  const language = props.language ?? languageOf(typeof navigator === "undefined" ? undefined : navigator.language);
  const t = exportTranslator(language);
  const formats = props.formats ?? (["md", "csv", "w3c"] as const);
  const scopes = (props.scopes ?? (["page", "filtered", "all"] as const)).filter(
    (s) => (s !== "page" || props.pageUrl !== undefined) && (s !== "filtered" || props.filter !== undefined),
  );
  const [format, setFormat] = useState<ExportFormat>(formats[0] ?? "md");
  const [scope, setScope] = useState<ExportScopeKind>(scopes[0] ?? "all");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [id] = useState(() => `export-menu-${++menuCounter}`);
  const currentScope = scopes.includes(scope) ? scope : (scopes[0] ?? "all");

  async function run() {
    setStatus({ kind: "busy" });
    try {
      const db = props.db ?? getDatabase();
      const chosen: ExportScope =
        currentScope === "page" && props.pageUrl !== undefined
          ? { kind: "page", pageUrl: props.pageUrl }
          : currentScope === "filtered" && props.filter !== undefined
            ? { kind: "filtered", query: props.filter }
            : { kind: "all" };
      const result = await buildExport(db, format, chosen, { language, now: (props.now ?? Date.now)() });
      if (result.annotations === 0 && result.notes === 0 && format !== "backup") {
        setStatus({ kind: "done", text: t("nothingToExport") });
        return;
      }
      (props.download ?? downloadFile)(result.file);
      setStatus({ kind: "done", text: t("downloaded", { file: result.file.name, count: result.annotations, pages: result.pages }) });
      props.onExported?.(result);
    } catch (error) {
      setStatus({ kind: "error", text: t("exportFailed", { detail: error instanceof Error ? error.message : String(error) }) });
    }
  }

  const busy = status.kind === "busy";
  return (
    <section class="export-menu" aria-labelledby={props.heading === false ? undefined : `${id}-h`} aria-label={props.heading === false ? t("exportHeading") : undefined}>
      {props.heading !== false && <h2 id={`${id}-h`}>{t("exportHeading")}</h2>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void run();
        }}
      >
        <p>
          <label for={`${id}-format`}>{t("exportFormat")} </label>
          <select id={`${id}-format`} name="format" value={format} disabled={busy} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ExportFormat)}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_LABEL[f])}
              </option>
            ))}
          </select>
        </p>
        {format !== "backup" && scopes.length > 1 && (
          <p>
            <label for={`${id}-scope`}>{t("exportScope")} </label>
            <select id={`${id}-scope`} name="scope" value={currentScope} disabled={busy} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value as ExportScopeKind)}>
              {scopes.map((s) => (
                <option key={s} value={s}>
                  {t(SCOPE_LABEL[s])}
                </option>
              ))}
            </select>
          </p>
        )}
        <p>
          <button type="submit" disabled={busy} aria-busy={busy}>
            {t("download")}
          </button>
        </p>
      </form>
      <p role="status" aria-live="polite" class="export-status">
        {status.kind === "busy" ? t("preparing") : status.kind === "done" ? status.text : ""}
      </p>
      {status.kind === "error" && (
        <p role="alert" class="export-error">
          {status.text}
        </p>
      )}
    </section>
  );
}

// The options page: the sites Policy Lens reads, exports of everything, and backup / import. Import
// (a file picker) and the full backup live here rather than in the popup because Firefox closes a
// popup as soon as a file picker opens.
//
// An import is checked completely before anything is written; the reader sees what the file holds
// and confirms; the merge is one transaction. Results and errors are announced (role="status" /
// role="alert"). File names and counts are shown as text only, never as markup.
import { useState } from "preact/hooks";
import { languageOf, type Language } from "@/lib/i18n";
import { buildExport } from "@/lib/export/files";
import { exportTranslator } from "@/lib/export/i18n";
import { importData, parseImportFile, type ImportCounts } from "@/lib/export/import";
import type { ExportFile, ImportData } from "@/lib/export/types";
import { GOVERNMENT_DOMAINS } from "@/lib/sites";
import { StorageFullError } from "@/lib/store/errors";
import { getDatabase, type PolicyLensDB } from "@/lib/store/schema";
import { ExportMenu, downloadFile } from "./ExportMenu";

/** Larger files are refused before being read (a backup of 100,000 annotations is about 100 MB). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface OptionsProps {
  /** The store; default the extension's database. */
  db?: PolicyLensDB;
  /** Default from navigator.language ("vi*" → Vietnamese). */
  language?: Language;
  now?: () => number;
  download?: (file: ExportFile) => void;
  maxImportBytes?: number;
}

type ImportState =
  | { kind: "idle" }
  | { kind: "checking"; file: string }
  | { kind: "ready"; file: string; data: ImportData; skipped: number }
  | { kind: "importing"; file: string }
  | { kind: "done"; counts: ImportCounts }
  | { kind: "error"; text: string };

export function Options(props: OptionsProps) {
  const language = props.language ?? languageOf(typeof navigator === "undefined" ? undefined : navigator.language);
  const t = exportTranslator(language);
  const db = () => props.db ?? getDatabase();
  const now = () => (props.now ?? Date.now)();
  const [backupStatus, setBackupStatus] = useState<{ kind: "idle" | "busy" | "done" | "error"; text?: string }>({ kind: "idle" });
  const [state, setState] = useState<ImportState>({ kind: "idle" });
  const [inputKey, setInputKey] = useState(0);

  async function downloadBackup() {
    setBackupStatus({ kind: "busy" });
    try {
      const result = await buildExport(db(), "backup", { kind: "all" }, { language, now: now() });
      (props.download ?? downloadFile)(result.file);
      setBackupStatus({ kind: "done", text: t("downloaded", { file: result.file.name, count: result.annotations, pages: result.pages }) });
    } catch (error) {
      setBackupStatus({ kind: "error", text: t("exportFailed", { detail: error instanceof Error ? error.message : String(error) }) });
    }
  }

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    const max = props.maxImportBytes ?? MAX_IMPORT_BYTES;
    if (file.size > max) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
      setState({ kind: "error", text: t("importTooLarge", { size: mb(file.size), max: mb(max) }) });
      return;
    }
    setState({ kind: "checking", file: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setState({ kind: "error", text: t("importInvalid", { detail: error instanceof Error ? error.message : String(error) }) });
      return;
    }
    const parsed = parseImportFile(text, now());
    if (!parsed.ok) setState({ kind: "error", text: t("importInvalid", { detail: parsed.error }) });
    else setState({ kind: "ready", file: file.name, data: parsed.data, skipped: parsed.skipped });
  }

  async function confirmImport(data: ImportData, file: string) {
    setState({ kind: "importing", file });
    try {
      const counts = await importData(db(), data, now());
      setState({ kind: "done", counts });
    } catch (error) {
      setState({
        kind: "error",
        text: error instanceof StorageFullError ? t("storageFull") : t("importFailed", { detail: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setInputKey((k) => k + 1); // the same file can be chosen again
    }
  }

  const statusText =
    state.kind === "checking"
      ? t("importChecking")
      : state.kind === "importing"
        ? t("importing")
        : state.kind === "ready"
          ? t("importReady", { file: state.file, pages: state.data.pages.length, annotations: state.data.annotations.length, notes: state.data.notes.length })
          : state.kind === "done"
            ? t("importDone", {
                pagesAdded: state.counts.pagesAdded,
                annotationsAdded: state.counts.annotationsAdded,
                annotationsUpdated: state.counts.annotationsUpdated,
                notesAdded: state.counts.notesAdded,
                skipped: state.counts.skipped,
              })
            : "";
  const busy = state.kind === "checking" || state.kind === "importing";

  return (
    <main class="options" lang={language}>
      <h1>Policy Lens</h1>

      <section aria-labelledby="sites-h">
        <h2 id="sites-h">{t("sitesHeading")}</h2>
        <p>{t("sitesIntro")}</p>
        <ul>
          {GOVERNMENT_DOMAINS.map((d) => (
            <li key={d}>
              <code>{d}</code>
              {d === "gov.vn" ? ` ${t("everyGovSite")}` : ""}
            </li>
          ))}
        </ul>
      </section>

      <ExportMenu db={props.db} scopes={["all"]} language={language} now={props.now} download={props.download} />

      <section aria-labelledby="backup-h">
        <h2 id="backup-h">{t("backupHeading")}</h2>
        <p>{t("backupIntro")}</p>
        <p>
          <button type="button" onClick={() => void downloadBackup()} disabled={backupStatus.kind === "busy"}>
            {t("downloadBackup")}
          </button>
        </p>
        <p role="status" aria-live="polite" class="backup-status">
          {backupStatus.kind === "busy" ? t("preparing") : backupStatus.kind === "done" ? backupStatus.text : ""}
        </p>
        {backupStatus.kind === "error" && <p role="alert">{backupStatus.text}</p>}

        <p>
          <label for="import-file">{t("importLabel")}</label>
          <br />
          <input
            key={inputKey}
            id="import-file"
            type="file"
            accept=".json,application/json,application/ld+json"
            disabled={busy}
            onChange={(e) => void chooseFile((e.currentTarget as HTMLInputElement).files?.[0])}
          />
        </p>
        <p role="status" aria-live="polite" class="import-status">
          {statusText}
        </p>
        {state.kind === "ready" && state.skipped > 0 && <p class="import-skipped">{t("importSkippedItems", { count: state.skipped })}</p>}
        {state.kind === "ready" && (
          <p>
            <button type="button" onClick={() => void confirmImport(state.data, state.file)}>
              {t("importConfirm")}
            </button>
            {" "}
            <button
              type="button"
              onClick={() => {
                setState({ kind: "idle" });
                setInputKey((k) => k + 1);
              }}
            >
              {t("importCancel")}
            </button>
          </p>
        )}
        {state.kind === "error" && (
          <p role="alert" class="import-error">
            {state.text}
          </p>
        )}
      </section>
    </main>
  );
}

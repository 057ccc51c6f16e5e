// From a format and a scope to a file ready to download: name, MIME type, content.
import type { Language } from "../i18n";
import { localDay } from "../store/derive";
import type { PolicyLensDB } from "../store/schema";
import { backupToJson, createBackup } from "./backup";
import { bundleToCsv } from "./csv";
import { bundleToMarkdown } from "./markdown";
import { gatherExport, type ExportScope } from "./select";
import type { ExportFile, ExportFormat } from "./types";
import { toW3C, w3cToJson } from "./w3c";

const SUFFIX: Record<ExportFormat, { stem: string; extension: string; type: string }> = {
  md: { stem: "policy-lens", extension: "md", type: "text/markdown;charset=utf-8" },
  csv: { stem: "policy-lens", extension: "csv", type: "text/csv;charset=utf-8" },
  // application/ld+json would open nowhere useful; the profile is in the file's @context
  w3c: { stem: "policy-lens-annotations", extension: "json", type: "application/json;charset=utf-8" },
  backup: { stem: "policy-lens-backup", extension: "json", type: "application/json;charset=utf-8" },
};

/** policy-lens-2026-11-22.md, policy-lens-backup-2026-11-22.json … (the reader's local day). */
export function exportFileName(format: ExportFormat, now: number): string {
  const { stem, extension } = SUFFIX[format];
  return `${stem}-${localDay(now)}.${extension}`;
}

export interface BuiltExport {
  file: ExportFile;
  annotations: number;
  pages: number;
  notes: number;
}

export interface BuildOptions {
  language?: Language;
  now?: number;
  /** CSV delimiter (default ","). */
  delimiter?: string;
}

/** Reads the scope (everything, for a backup) and writes it in the format. */
export async function buildExport(db: PolicyLensDB, format: ExportFormat, scope: ExportScope, options: BuildOptions = {}): Promise<BuiltExport> {
  const now = options.now ?? Date.now();
  const name = exportFileName(format, now);
  const type = SUFFIX[format].type;
  if (format === "backup") {
    const backup = await createBackup(db, now);
    return { file: { name, type, content: backupToJson(backup) }, annotations: backup.annotations.length, pages: backup.pages.length, notes: backup.notes.length };
  }
  const bundle = await gatherExport(db, scope);
  const language = options.language ?? "en";
  const content =
    format === "md"
      ? bundleToMarkdown(bundle, { language, exportedAt: now, includeRejected: scope.kind === "filtered" })
      : format === "csv"
        ? bundleToCsv(bundle, { language, ...(options.delimiter ? { delimiter: options.delimiter } : {}) })
        : w3cToJson(toW3C(bundle, { exportedAt: now }));
  return { file: { name, type, content }, annotations: bundle.annotations.length, pages: bundle.pages.length, notes: bundle.notes.length };
}

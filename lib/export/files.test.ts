import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localDay } from "../store/derive";
import { CURRENT_VERSION, type PolicyLensDB } from "../store/schema";
import { freshDb } from "../store/testing";
import { buildExport, exportFileName } from "./files";
import { EXPORT_CATALOGS, exportTranslator, fill } from "./i18n";
import { parseImportFile } from "./import";
import { T0, fillSample, type Sample } from "./test-data";

describe("export words", () => {
  it("has every word in both languages, none empty, with the same placeholders", () => {
    const keys = Object.keys(EXPORT_CATALOGS.en).sort();
    expect(Object.keys(EXPORT_CATALOGS.vi).sort()).toEqual(keys);
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys) {
      const en = EXPORT_CATALOGS.en[key as keyof typeof EXPORT_CATALOGS.en];
      const vi = EXPORT_CATALOGS.vi[key as keyof typeof EXPORT_CATALOGS.vi];
      expect(en.trim()).not.toBe("");
      expect(vi.trim()).not.toBe("");
      expect(placeholders(vi), key).toEqual(placeholders(en));
    }
  });
  it("fills placeholders, leaving unknown ones", () => {
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
    expect(exportTranslator("vi")("download")).toBe("Tải xuống");
  });
});

describe("buildExport", () => {
  let db: PolicyLensDB;
  let sample: Sample;
  beforeEach(async () => {
    db = freshDb("files");
    sample = await fillSample(db);
  });
  afterEach(() => db.delete());

  it("names files by format and the reader's day", () => {
    const day = localDay(T0);
    expect(exportFileName("md", T0)).toBe(`policy-lens-${day}.md`);
    expect(exportFileName("csv", T0)).toBe(`policy-lens-${day}.csv`);
    expect(exportFileName("w3c", T0)).toBe(`policy-lens-annotations-${day}.json`);
    expect(exportFileName("backup", T0)).toBe(`policy-lens-backup-${day}.json`);
  });

  it("writes a backup of everything whatever the scope, readable by the import", async () => {
    const built = await buildExport(db, "backup", { kind: "page", pageUrl: "https://example.vn/x" }, { now: T0 });
    expect(built.annotations).toBe(sample.annotations.length);
    const parsed = parseImportFile(built.file.content);
    expect(parsed.ok && parsed.kind === "backup" && parsed.schemaVersion).toBe(CURRENT_VERSION);
    expect(JSON.parse(built.file.content).exportedAt).toBe(new Date(T0).toISOString());
  });

  it("writes each format with its MIME type", async () => {
    for (const [format, type] of [
      ["md", "text/markdown;charset=utf-8"],
      ["csv", "text/csv;charset=utf-8"],
      ["w3c", "application/json;charset=utf-8"],
    ] as const) {
      const built = await buildExport(db, format, { kind: "all" }, { now: T0, language: "vi" });
      expect(built.file.type).toBe(type);
      expect(built.pages).toBe(2);
    }
  });
});

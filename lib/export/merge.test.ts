// Merging an import into a store that already has data: nothing duplicated, the last edit kept,
// nothing written when anything fails.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ARTICLE, ARTICLE_TITLE, ARTICLE_URL, extractArticle } from "../store/fixtures";
import { StorageFullError, addPageNote, query, recordVisit, updateAnnotation, updatePageNote } from "../store/repository";
import type { PolicyLensDB } from "../store/schema";
import { freshDb } from "../store/testing";
import { backupToJson, createBackup, portableAnnotation } from "./backup";
import { importData, parseImportFile } from "./import";
import { NFD_URL, T0, fillSample, snapshot, type Sample } from "./test-data";
import type { ImportData } from "./types";

let source: PolicyLensDB;
let target: PolicyLensDB;
let sample: Sample;
let data: ImportData;

function parse(text: string): ImportData {
  const r = parseImportFile(text);
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

beforeEach(async () => {
  source = freshDb("merge-source");
  target = freshDb("merge-target");
  sample = await fillSample(source);
  data = parse(backupToJson(await createBackup(source, T0 + 60_000)));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await source.delete();
  await target.delete();
});

describe("importData", () => {
  it("imports into an empty profile, and a second import of the same file changes nothing", async () => {
    const first = await importData(target, data);
    expect(first).toEqual({
      pagesAdded: 2,
      pagesUpdated: 0,
      annotationsAdded: sample.annotations.length,
      annotationsUpdated: 0,
      notesAdded: 1,
      notesUpdated: 0,
      deletionsAdded: 1,
      skipped: 0,
    });
    const once = await snapshot(target);
    const second = await importData(target, data);
    expect(second).toEqual({
      pagesAdded: 0,
      pagesUpdated: 0,
      annotationsAdded: 0,
      annotationsUpdated: 0,
      notesAdded: 0,
      notesUpdated: 0,
      deletionsAdded: 0,
      skipped: sample.annotations.length + 1 + 1,
    });
    expect(await snapshot(target)).toEqual(once);
    // importing a store's own backup into itself changes nothing either
    await importData(source, data);
    expect(await snapshot(source)).toEqual(sample);
  });

  it("matches annotations extracted again elsewhere by page and fingerprint: no duplicates, the reader's edits arrive", async () => {
    // the new profile read the same article later: same fingerprints, other ids, no edits
    await recordVisit(target, { url: ARTICLE_URL, title: ARTICLE_TITLE, articleDate: "2025-03-12", text: ARTICLE }, extractArticle(), T0 + 100_000);
    const before = await target.annotations.toArray();
    const counts = await importData(target, data);
    const after = await target.annotations.where("pageUrl").equals(ARTICLE_URL).toArray();
    const sourceOfPage = sample.annotations.filter((a) => a.pageUrl === ARTICLE_URL);
    expect(after).toHaveLength(sourceOfPage.length); // the extracted ones once each, plus the reader's highlight
    expect(counts.annotationsUpdated).toBe(sourceOfPage.filter((a) => a.updatedAt > a.createdAt).length); // every one the reader edited
    // the reader's own highlight, and the other page
    expect(counts.annotationsAdded).toBe(1 + sample.annotations.filter((a) => a.pageUrl === NFD_URL).length);
    const starred = after.find((a) => a.starred === 1 && a.kind === "leader")!;
    expect(before.some((b) => b.id === starred.id)).toBe(true); // the local record was updated, keeping its id
    expect(starred.note).toContain("<img src=x onerror=alert(1)>");
    // the search index follows the imported note and tags
    expect((await query(target, { text: "HYPERLINK" })).items.map((a) => a.id)).toEqual([starred.id]);
    expect((await query(target, { text: "lanh dao" })).total).toBeGreaterThan(0);
    // the page: earliest first seen, latest last seen
    const page = await target.pages.get(ARTICLE_URL);
    expect(page).toMatchObject({ firstSeen: T0, lastSeen: T0 + 100_000, visits: 1 });
  });

  it("keeps whichever edit is newer, on either side", async () => {
    await importData(target, data);
    const leader = sample.annotations.find((a) => a.kind === "leader" && a.starred === 1)!;
    const instruction = sample.annotations.find((a) => a.subkind === "instruction")!;
    // here, after the backup: the leader's note is edited
    await updateAnnotation(target, leader.id, { note: "local, newer" }, T0 + 200_000);
    // in the file, later still: the instruction is confirmed; and an older edit of the leader
    const file = structuredClone(data);
    const inFile = (id: string) => file.annotations.find((a) => a.id === id)!;
    Object.assign(inFile(instruction.id), { status: "confirmed", updatedAt: T0 + 300_000 });
    Object.assign(inFile(leader.id), { note: "file, older", updatedAt: T0 + 150_000 });
    const counts = await importData(target, file);
    expect(counts.annotationsUpdated).toBe(1);
    expect((await target.annotations.get(leader.id))!.note).toBe("local, newer");
    expect(await target.annotations.get(instruction.id)).toMatchObject({ status: "confirmed", updatedAt: T0 + 300_000, note: instruction.note });
  });

  it("never lets an unedited record erase the reader's edits", async () => {
    await importData(target, data);
    const leader = sample.annotations.find((a) => a.kind === "leader" && a.starred === 1)!;
    const file = structuredClone(data);
    Object.assign(file.annotations.find((a) => a.id === leader.id)!, { status: "new", starred: 0, note: "", tags: [], createdAt: T0 + 500_000, updatedAt: T0 + 500_000 });
    await importData(target, file);
    expect(await target.annotations.get(leader.id)).toMatchObject({ starred: 1, note: leader.note });
  });

  it("gives a new id to an annotation whose id is taken by another one here", async () => {
    const [a, b] = data.annotations;
    const file: ImportData = { ...data, annotations: [{ ...b!, id: a!.id }] };
    await importData(target, { ...data, annotations: [a!] });
    const counts = await importData(target, file);
    expect(counts.annotationsAdded).toBe(1);
    const rows = await target.annotations.toArray();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
    expect(rows.find((r) => r.pageUrl === b!.pageUrl && r.fingerprint === b!.fingerprint)!.id).not.toBe(a!.id);
  });

  it("respects deletions: one made here after the file's edit wins; an older one gives way", async () => {
    const deletion = data.deletions[0]!;
    const base = structuredClone(sample.annotations.find((a) => a.pageUrl === NFD_URL)!);
    const deleted = { ...portableAnnotation(base), id: "restored-1", fingerprint: deletion.fingerprint, updatedAt: T0 + 8_500 };
    const file: ImportData = { ...data, annotations: [...data.annotations, deleted], deletions: [] };
    await importData(target, data); // the deletion at T0 + 9000 is now known here
    let counts = await importData(target, file);
    expect(counts.annotationsAdded).toBe(0);
    expect(await target.annotations.get("restored-1")).toBeUndefined();
    counts = await importData(target, { ...file, annotations: [{ ...deleted, updatedAt: T0 + 10_000 }] });
    expect(counts.annotationsAdded).toBe(1);
    expect(await target.deletions.get([deletion.pageUrl, deletion.fingerprint])).toBeUndefined();
  });

  it("merges page notes by id, the newer edit winning", async () => {
    const [note] = sample.notes;
    await importData(target, data);
    await updatePageNote(target, note!.id, { text: "sửa tại đây" }, T0 + 200_000);
    const local = await addPageNote(target, { pageUrl: ARTICLE_URL, text: "chỉ có ở đây" }, T0 + 200_000);
    expect((await importData(target, data)).notesUpdated).toBe(0);
    expect((await target.notes.get(note!.id))!.text).toBe("sửa tại đây");
    const newer = structuredClone(data);
    Object.assign(newer.notes[0]!, { text: "sửa trong tệp", updatedAt: T0 + 300_000 });
    expect((await importData(target, newer)).notesUpdated).toBe(1);
    expect((await target.notes.get(note!.id))!.text).toBe("sửa trong tệp");
    expect(await target.notes.get(local.id)).toEqual(local); // what only this profile has is kept
  });

  it("writes nothing when the disk is full, and says so with the store's StorageFullError", async () => {
    vi.spyOn(target.annotations, "bulkPut").mockRejectedValue(new DOMException("full", "QuotaExceededError"));
    await expect(importData(target, data)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await snapshot(target)).toEqual({ pages: [], annotations: [], notes: [], deletions: [] });
  });

  it("writes nothing when a write fails half-way", async () => {
    vi.spyOn(target.notes, "bulkPut").mockRejectedValue(new Error("boom"));
    await expect(importData(target, data)).rejects.toThrow("boom");
    vi.restoreAllMocks();
    expect(await snapshot(target)).toEqual({ pages: [], annotations: [], notes: [], deletions: [] });
  });
});

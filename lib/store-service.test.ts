import { describe, expect, it } from "vitest";
import { describeSpan } from "./anchor/selectors";
import { annotatePage, recordPageVisit, saveNoteFromPage, updateFromPage, type VisitInput } from "./store-service";
import { freshDb } from "./store/testing";

const TEXT = "Chiều 16/3, Thủ tướng Chính phủ Phạm Minh Chính yêu cầu các bộ triển khai Chỉ thị số 15-CT/TW.";
const at = (s: string) => TEXT.indexOf(s);
const visit: VisitInput = {
  page: { url: "https://baochinhphu.vn/a.htm?utm_source=x", title: "Bài", articleDate: "2023-03-17" },
  text: TEXT,
  annotations: [
    { kind: "number", subkind: "date", start: at("16/3"), end: at("16/3") + 4, text: "16/3", value: "2023-03-16" },
    { kind: "leader", start: at("Thủ tướng"), end: at("Chính yêu") + 5, text: "Thủ tướng Chính phủ Phạm Minh Chính", name: "Phạm Minh Chính", title: "Thủ tướng Chính phủ" },
  ],
};

describe("store service", () => {
  it("stores a visit once, however often the page is read, and returns where each record is", async () => {
    const db = freshDb("service");
    const first = await recordPageVisit(db, visit);
    const again = await recordPageVisit(db, { ...visit, page: { ...visit.page, url: "https://baochinhphu.vn/a.htm" } });
    expect(first.ok && again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.records).toHaveLength(2);
    expect(again.records.map((r) => r.span)).toEqual([
      { start: at("16/3"), end: at("16/3") + 4 },
      { start: at("Thủ tướng"), end: at("Chính yêu") + 5 },
    ]);
    expect(await db.annotations.count()).toBe(2);
  });

  it("keeps the reader's changes across visits", async () => {
    const db = freshDb("service");
    const first = await recordPageVisit(db, visit);
    if (!first.ok) throw new Error("visit failed");
    const id = first.records[1]!.id;
    expect(await updateFromPage(db, { type: "update-annotation", id, patch: { starred: true, note: "quan trọng" } })).toEqual({ ok: true });
    const again = await recordPageVisit(db, visit);
    if (!again.ok) throw new Error("visit failed");
    expect(again.records[1]).toMatchObject({ id, starred: true, note: "quan trọng", status: "new" });
    expect(await updateFromPage(db, { type: "update-annotation", id: "missing", patch: { starred: true } })).toMatchObject({ ok: false, error: "failed" });
  });

  it("saves a reader's note once even when the save is retried", async () => {
    const db = freshDb("service");
    const selectors = describeSpan(TEXT, at("Chỉ thị"), at("TW") + 2);
    const note = { type: "save-note", id: "note-1", page: visit.page, selectors, note: "xem lại" } as const;
    expect(await saveNoteFromPage(db, note)).toEqual({ ok: true });
    expect(await saveNoteFromPage(db, note)).toEqual({ ok: true });
    expect(await db.annotations.where("kind").equals("note").count()).toBe(1);
  });

  it("reports a full disk to the reader as storage-full", async () => {
    const db = freshDb("service");
    db.use({
      stack: "dbcore",
      name: "full-disk",
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return { ...table, mutate: () => Promise.reject(new DOMException("disk full", "QuotaExceededError")) };
        },
      }),
    });
    const reply = await recordPageVisit(db, visit);
    expect(reply).toMatchObject({ ok: false, error: "storage-full" });
  });
});

describe("visits", () => {
  it("counts a page view once, however many batches of late content it sends", async () => {
    const db = freshDb("service");
    await recordPageVisit(db, visit);
    await recordPageVisit(db, { ...visit, continued: true });
    await recordPageVisit(db, { ...visit, continued: true });
    expect((await db.pages.toArray()).map((p) => p.visits)).toEqual([1]);
    await recordPageVisit(db, visit);
    expect((await db.pages.toArray()).map((p) => p.visits)).toEqual([2]);
  });
});

describe("annotatePage (the rules run in the background)", () => {
  const page = { url: "https://baochinhphu.vn/a.htm", title: "Bài", articleDate: "2023-03-17" };

  it("finds the entities of the new batch only, with offsets into the whole text, and stores them", async () => {
    const db = freshDb("service");
    const first = await annotatePage(db, { page, text: TEXT, from: 0 });
    expect(first.annotations.map((a) => a.text)).toContain("Chỉ thị số 15-CT/TW");
    for (const a of first.annotations) expect(TEXT.slice(a.start, a.end)).toBe(a.text);
    expect(first.visit.ok).toBe(true);
    expect(first.ids.filter(Boolean)).toHaveLength(first.annotations.length);

    const late = "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn dự hội nghị ngày 20/5.";
    const whole = `${TEXT}\n\n${late}`;
    const second = await annotatePage(db, { page, text: whole, from: TEXT.length + 2, continued: true });
    expect(second.annotations.length).toBeGreaterThan(0);
    for (const a of second.annotations) {
      expect(a.start).toBeGreaterThanOrEqual(TEXT.length + 2);
      expect(whole.slice(a.start, a.end)).toBe(a.text);
    }
    expect((await db.pages.toArray()).map((p) => p.visits)).toEqual([1]);
    expect(await db.annotations.count()).toBe(first.annotations.length + second.annotations.length);
  });

  it("a page sent in parts stores what one message would, and each reply holds only its part", async () => {
    // the same paragraph twice: every quote of the second part repeats one of the first
    const whole = `${TEXT}\n\n${TEXT}`;
    const once = freshDb("service");
    const oneMessage = await annotatePage(once, { page, text: whole, from: 0 });
    const fingerprints = async (db: typeof once) => (await db.annotations.toArray()).map((r) => r.fingerprint).sort();

    const db = freshDb("service");
    // as the page sends a part: the whole text, the part in [from, to)
    const firstPart = { page, text: whole, from: 0, to: TEXT.length } as const;
    const secondPart = { page, text: whole, from: TEXT.length, continued: true } as const;
    const first = await annotatePage(db, firstPart);
    const second = await annotatePage(db, secondPart);
    expect(first.annotations.length + second.annotations.length).toBe(oneMessage.annotations.length);
    expect(second.ids.every((id) => typeof id === "string"), "every annotation of the second part stored").toBe(true);
    expect(await fingerprints(db)).toEqual(await fingerprints(once));
    // the first part's records are the page's already: not sent again
    expect(second.visit).toEqual({ ok: true, records: [] });
    // read again in parts: nothing new, nothing orphaned, and each part's reply holds no record of the other's
    const again = await annotatePage(db, firstPart);
    expect(again.visit).toEqual({ ok: true, records: [] });
    expect(await db.annotations.where("orphaned").equals(1).count()).toBe(0);
    expect((await annotatePage(db, secondPart)).visit).toEqual({ ok: true, records: [] });
    expect(await fingerprints(db)).toEqual(await fingerprints(once));
  });

  it("still answers with the annotations when the store is full", async () => {
    const db = freshDb("service");
    db.use({
      stack: "dbcore",
      name: "full-disk",
      create: (down) => ({ ...down, table: (name) => ({ ...down.table(name), mutate: () => Promise.reject(new DOMException("disk full", "QuotaExceededError")) }) }),
    });
    const reply = await annotatePage(db, { page, text: TEXT, from: 0 });
    expect(reply.annotations.length).toBeGreaterThan(0);
    expect(reply.visit).toMatchObject({ ok: false, error: "storage-full" });
  });
});

describe("annotatePage replies", () => {
  it("send each annotation once: the untouched records of the batch come back as ids only", async () => {
    const db = freshDb("service");
    const page = { url: "https://baochinhphu.vn/a.htm", title: "Bài", articleDate: "2023-03-17" };
    const reply = await annotatePage(db, { page, text: TEXT, from: 0 });
    expect(reply.ids).toHaveLength(reply.annotations.length);
    expect(reply.ids.every((id) => typeof id === "string")).toBe(true);
    expect(reply.visit).toEqual({ ok: true, records: [] });
    // the reader stars one; an older reading stored an annotation the rules no longer find
    await updateFromPage(db, { type: "update-annotation", id: reply.ids[0]!, patch: { starred: true } });
    const stale = { kind: "number", subkind: "quantity", start: 0, end: 5, text: "Chiều", value: 1 } as const;
    await recordPageVisit(db, { page, text: TEXT, annotations: [stale] });
    const again = await annotatePage(db, { page, text: TEXT, from: 0 });
    expect(again.ids).toEqual(reply.ids);
    const records = again.visit.ok ? again.visit.records : [];
    expect(records.find((r) => r.id === reply.ids[0])).toMatchObject({ starred: true, annotation: null });
    expect(records.find((r) => r.text === "Chiều")?.annotation).toMatchObject({ kind: "number", text: "Chiều" });
    expect(records).toHaveLength(2);
  });
});

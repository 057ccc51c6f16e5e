import { describe, expect, it } from "vitest";
import { describeSpan } from "../anchor/selectors";
import { ARTICLE, ARTICLE_TITLE, ARTICLE_URL, extractArticle, relocate } from "./fixtures";
import {
  addPageNote,
  canonicalUrl,
  deleteAnnotation,
  deletePageNote,
  directivesRegistry,
  getPage,
  leadersIndex,
  listForPage,
  listPageNotes,
  listPages,
  mentionsOf,
  numbersTable,
  query,
  reanchorPage,
  recordVisit,
  restoreAnnotation,
  restorePageNote,
  saveNote,
  searchPageNotes,
  toAnnotation,
  updateAnnotation,
  updatePageNote,
} from "./repository";
import { freshDb, leader, number, spanOf } from "./testing";

const T0 = Date.UTC(2025, 2, 12, 8, 0, 0);
const visit = (text = ARTICLE, url = ARTICLE_URL) => ({ url, title: ARTICLE_TITLE, articleDate: "2025-03-12", text });

describe("recordVisit", () => {
  it("stores the page and every extracted annotation with selectors", async () => {
    const db = freshDb();
    const r = await recordVisit(db, visit(), extractArticle(), T0);
    expect(r.inserted).toBe(7);
    expect(r.kept).toBe(0);
    expect(r.page).toEqual({ url: ARTICLE_URL, title: ARTICLE_TITLE, site: "baochinhphu.vn", articleDate: "2025-03-12", firstSeen: T0, lastSeen: T0, visits: 1 });
    const rows = await listForPage(db, ARTICLE_URL);
    expect(rows).toHaveLength(7);
    const chinh = rows[0]!;
    expect(chinh).toMatchObject({ kind: "leader", text: "Thủ tướng Phạm Minh Chính", status: "new", starred: 0, note: "", tags: [], orphaned: 0, date: "2025-03-12", site: "baochinhphu.vn", normalized: "pham minh chinh" });
    expect(chinh.attributes).toEqual({ name: "Phạm Minh Chính", title: "Thủ tướng" });
    expect(chinh.selectors).toEqual(describeSpan(ARTICLE, chinh.selectors.position.start, chinh.selectors.position.end));
    expect(new Set(rows.map((x) => x.fingerprint)).size).toBe(7);
    expect(Object.values(r.anchors!).every((a) => a?.method === "position")).toBe(true);
  });

  it("revisiting (another URL form) updates the page, never duplicates, never resets the reader's work", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const [first] = await listForPage(db, ARTICLE_URL);
    await updateAnnotation(db, first!.id, { note: "Xem lại", starred: true, status: "confirmed", tags: ["kinh tế"] }, T0 + 10);
    const again = await recordVisit(db, visit(ARTICLE, `${ARTICLE_URL}?utm_source=zalo&zarsrc=30#top`), extractArticle(), T0 + 60_000);
    expect(again).toMatchObject({ inserted: 0, kept: 7 });
    expect(again.page).toMatchObject({ firstSeen: T0, lastSeen: T0 + 60_000, visits: 2 });
    const rows = await listForPage(db, ARTICLE_URL);
    expect(rows).toHaveLength(7);
    expect(rows.find((x) => x.id === first!.id)).toMatchObject({ note: "Xem lại", starred: 1, status: "confirmed", tags: ["kinh tế"], updatedAt: T0 + 10 });
    expect(await db.pages.count()).toBe(1);
  });

  it("recognises annotations after an edit moved them, and refreshes their positions", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const edited = "Cập nhật lúc 15h: bổ sung ý kiến của các đại biểu.\n\n" + ARTICLE.replace("Cuối buổi,", "Kết thúc cuộc họp,");
    const r = await recordVisit(db, visit(edited), extractArticle(edited), T0 + 1000);
    expect(r).toMatchObject({ inserted: 0, kept: 7 });
    for (const a of r.annotations) {
      const at = r.anchors![a.id]!;
      expect(edited.slice(at.start, at.end)).toBe(a.text);
      expect(a.selectors.position).toMatchObject({ start: at.start, end: at.end });
      expect(a.orphaned).toBe(0);
    }
    // the stored positions moved too
    const stored = await listForPage(db, ARTICLE_URL);
    expect(stored.map((a) => edited.slice(a.selectors.position.start, a.selectors.position.end))).toEqual(stored.map((a) => a.text));
  });

  it("keeps annotations whose text is gone, flagged orphaned, and unflags them when it returns", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const edited = ARTICLE.replace("Theo Chỉ thị số 15-CT/TW của Ban Bí thư, tăng", "Theo kế hoạch đã được thông qua, tăng");
    const extracted = relocate(extractArticle().filter((a) => a.text !== "Chỉ thị số 15-CT/TW"), edited);
    const r = await recordVisit(db, visit(edited), extracted, T0 + 1000);
    expect(r.inserted).toBe(0);
    expect(r.annotations).toHaveLength(7);
    const gone = r.annotations.find((a) => a.text === "Chỉ thị số 15-CT/TW")!;
    expect(gone.orphaned).toBe(1);
    expect(r.anchors![gone.id]).toBeNull();
    expect((await query(db, { orphaned: true })).items.map((a) => a.id)).toEqual([gone.id]);

    const back = await recordVisit(db, visit(), extractArticle(), T0 + 2000);
    expect(back.inserted).toBe(0);
    expect((await db.annotations.get(gone.id))!.orphaned).toBe(0);
  });

  it("re-anchors only when given the text; without it nothing is flagged", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const r = await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE }, extractArticle(), T0 + 1);
    expect(r).toMatchObject({ inserted: 0, kept: 7, anchors: null });
    const anchors = await reanchorPage(db, ARTICLE_URL, "Một trang hoàn toàn khác.");
    expect(Object.values(anchors).every((a) => a === null)).toBe(true);
    expect((await listForPage(db, ARTICLE_URL)).every((a) => a.orphaned === 1)).toBe(true);
    await reanchorPage(db, ARTICLE_URL, ARTICLE);
    expect((await listForPage(db, ARTICLE_URL)).every((a) => a.orphaned === 0)).toBe(true);
  });

  it("recognises annotations first stored without text (no context) when the text comes later, and the other way round", async () => {
    const db = freshDb();
    await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE }, extractArticle(), T0);
    expect((await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE }, extractArticle(), T0 + 1)).inserted).toBe(0);
    expect((await recordVisit(db, visit(), extractArticle(), T0 + 2)).inserted).toBe(0);
    const edited = "Mở đầu.\n\n" + ARTICLE;
    expect((await recordVisit(db, visit(edited), relocate(extractArticle(), edited), T0 + 3)).inserted).toBe(0);
    expect(await db.annotations.count()).toBe(7);
  });

  it("treats the same page served decomposed (NFD) as the same annotations", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const nfd = ARTICLE.normalize("NFD");
    const r = await recordVisit(db, visit(nfd), relocate(extractArticle(), nfd, "NFD"), T0 + 1);
    expect(r).toMatchObject({ inserted: 0, kept: 7 });
  });

  it("uses selectors sent with the annotations, and works without any text", async () => {
    const db = freshDb();
    const withSelectors = extractArticle().map((a) => ({ ...a, selectors: describeSpan(ARTICLE, a.start, a.end) }));
    const r = await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE }, withSelectors, T0);
    expect(r.inserted).toBe(7);
    expect((await listForPage(db, ARTICLE_URL))[0]!.selectors.quote.prefix).not.toBe("");
    expect((await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE }, withSelectors, T0 + 1)).inserted).toBe(0);
  });

  it("records the article date when it becomes known, on the page and its annotations", async () => {
    const db = freshDb();
    await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE, text: ARTICLE }, extractArticle(), T0);
    const day = (await listForPage(db, ARTICLE_URL))[0]!.date;
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await recordVisit(db, visit(), extractArticle(), T0 + 1);
    expect((await listForPage(db, ARTICLE_URL)).every((a) => a.date === "2025-03-12")).toBe(true);
    // a later visit without a date keeps the one known
    await recordVisit(db, { url: ARTICLE_URL, title: "" }, [], T0 + 2);
    expect(await getPage(db, ARTICLE_URL)).toMatchObject({ articleDate: "2025-03-12", title: ARTICLE_TITLE, visits: 3 });
  });

  it("skips malformed extracted items", async () => {
    const db = freshDb();
    const bad = [{ kind: "evil", start: 0, end: 1, text: "C" }, { kind: "leader", start: -1, end: 2, text: "x" }, { kind: "number", start: 0, end: 1 }, null];
    const r = await recordVisit(db, visit(), [...(bad as never[]), ...extractArticle()], T0);
    expect(r.inserted).toBe(7);
  });

  it("keeps identical mentions with identical context apart", async () => {
    const db = freshDb();
    const text = "Giá 100 đồng. Giá 100 đồng. Giá 100 đồng.";
    const items = [0, 1, 2].map((n) => number(text, "100 đồng", { subkind: "money", value: 100, unit: "đồng" }, n));
    expect((await recordVisit(db, visit(text), items, T0)).inserted).toBe(3);
    expect((await recordVisit(db, visit(text), items, T0 + 1)).inserted).toBe(0);
    expect(await db.annotations.count()).toBe(3);
  });
});

describe("reader's notes on selected text (kind note)", () => {
  it("saves, re-anchors and finds a note; a retried save with the same id is idempotent", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const { start, end } = spanOf(ARTICLE, "tháo gỡ khó khăn cho doanh nghiệp");
    const { quote } = describeSpan(ARTICLE, start, end);
    const input = { id: "note-1", pageUrl: ARTICLE_URL, quote, position: { start, end }, note: "Liên quan Nghị quyết 68 về kinh tế tư nhân", tags: ["doanh nghiệp", " Doanh  nghiệp ", ""] };
    const saved = await saveNote(db, input, T0 + 5);
    expect(saved).toMatchObject({ kind: "note", status: "confirmed", text: "tháo gỡ khó khăn cho doanh nghiệp", tags: ["doanh nghiệp"], fingerprint: "note:note-1" });
    expect(await saveNote(db, { ...input, note: "changed" }, T0 + 6)).toEqual(saved);
    // a second note on the same words is its own annotation and anchors too
    await saveNote(db, { ...input, id: "note-2", note: "Một ý khác" }, T0 + 7);
    const edited = "Tin cập nhật.\n\n" + ARTICLE;
    const r = await recordVisit(db, visit(edited), extractArticle(edited), T0 + 10);
    expect(r.inserted).toBe(0);
    expect(r.anchors!["note-1"]).toEqual(r.anchors!["note-2"]);
    expect(edited.slice(r.anchors!["note-1"]!.start, r.anchors!["note-1"]!.end)).toBe("tháo gỡ khó khăn cho doanh nghiệp");
    expect((await query(db, { text: "nghi quyet 68" })).items.map((a) => a.id)).toEqual(["note-1"]);
    expect((await query(db, { kind: "note" })).total).toBe(2);
  });

  it("creates the page when needed and rejects bad input", async () => {
    const db = freshDb();
    await saveNote(db, { pageUrl: "https://chinhphu.vn/a/", pageTitle: "A", quote: { exact: "x" }, position: { start: 0, end: 1 }, note: "" }, T0);
    expect(await getPage(db, "https://chinhphu.vn/a")).toMatchObject({ title: "A", visits: 0, site: "chinhphu.vn" });
    await expect(saveNote(db, { pageUrl: ARTICLE_URL, quote: { exact: "  " }, position: { start: 0, end: 1 }, note: "" })).rejects.toThrow(TypeError);
    await expect(saveNote(db, { pageUrl: ARTICLE_URL, quote: { exact: "a" }, position: { start: 2, end: 1 }, note: "" })).rejects.toThrow(RangeError);
  });
});

describe("updateAnnotation, delete and undo", () => {
  it("patches the reader's fields, stamps updatedAt and makes note and tags searchable", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const target = (await listForPage(db, ARTICLE_URL)).find((a) => a.text === "hơn 8%")!;
    const updated = await updateAnnotation(db, target.id, { note: "Mục tiêu tăng trưởng", tags: ["GDP"], starred: true, status: "confirmed" }, T0 + 100);
    expect(updated).toMatchObject({ note: "Mục tiêu tăng trưởng", tags: ["GDP"], starred: 1, status: "confirmed", updatedAt: T0 + 100, createdAt: T0 });
    expect((await query(db, { text: "muc tieu gdp" })).items.map((a) => a.id)).toEqual([target.id]);
    const unstarred = await updateAnnotation(db, target.id, { starred: false }, T0 + 200);
    expect(unstarred).toMatchObject({ starred: 0, note: "Mục tiêu tăng trưởng", status: "confirmed" });
    expect(await updateAnnotation(db, "nope", { starred: true })).toBeUndefined();
    await expect(updateAnnotation(db, target.id, { status: "maybe" as never })).rejects.toThrow(TypeError);
  });

  it("deletes with undo; a deleted extracted annotation does not come back on revisit", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const target = (await listForPage(db, ARTICLE_URL)).find((a) => a.text === "năm 2025")!;
    await updateAnnotation(db, target.id, { note: "ghi chú" }, T0 + 1);
    const token = await deleteAnnotation(db, target.id, T0 + 2);
    expect(token).toMatchObject({ id: target.id, note: "ghi chú" });
    expect(await listForPage(db, ARTICLE_URL)).toHaveLength(6);
    const r = await recordVisit(db, visit(), extractArticle(), T0 + 3);
    expect(r).toMatchObject({ inserted: 0, skippedDeleted: 1 });
    expect(await listForPage(db, ARTICLE_URL)).toHaveLength(6);

    const restored = await restoreAnnotation(db, token!);
    expect(restored).toEqual(await db.annotations.get(target.id));
    expect(await listForPage(db, ARTICLE_URL)).toHaveLength(7);
    expect((await recordVisit(db, visit(), extractArticle(), T0 + 4)).inserted).toBe(0);
    expect(await db.annotations.count()).toBe(7);
    expect(await db.deletions.count()).toBe(0);
    expect(await deleteAnnotation(db, "nope")).toBeUndefined();
  });

  it("deletes and restores a reader's note", async () => {
    const db = freshDb();
    const note = await saveNote(db, { pageUrl: ARTICLE_URL, quote: { exact: "Khánh Hòa" }, position: { start: 0, end: 9 }, note: "n" }, T0);
    const token = await deleteAnnotation(db, note.id);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.deletions.count()).toBe(0);
    await restoreAnnotation(db, token!);
    expect(await db.annotations.get(note.id)).toEqual(note);
    await expect(restoreAnnotation(db, { id: 1 } as never)).rejects.toThrow(TypeError);
  });
});

describe("query", () => {
  async function seeded() {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const other = "Phó Thủ tướng Trần Hồng Hà làm việc với tỉnh Hòa Bình. Dự án 1.000 tỷ đồng. Thủ tướng Phạm Minh Chính chỉ đạo.";
    await recordVisit(
      db,
      { url: "https://www.chinhphu.vn/pho-thu-tuong-lam-viec", title: "Phó Thủ tướng làm việc", articleDate: "2024-11-02", text: other },
      [
        leader(other, "Phó Thủ tướng Trần Hồng Hà", { name: "Trần Hồng Hà", title: "Phó Thủ tướng" }),
        number(other, "1.000 tỷ đồng", { subkind: "money", value: 1e12, unit: "đồng" }),
        leader(other, "Thủ tướng Phạm Minh Chính", { name: "Phạm Minh Chính", title: "Thủ tướng" }),
      ],
      T0 + 1000,
    );
    await saveNote(db, { pageUrl: "https://www.chinhphu.vn/pho-thu-tuong-lam-viec", quote: { exact: "tỉnh Hòa Bình" }, position: spanOf(other, "tỉnh Hòa Bình"), note: "" }, T0 + 2000);
    await saveNote(db, { pageUrl: ARTICLE_URL, quote: { exact: "Thanh Hoà" }, position: spanOf(ARTICLE, "Thanh Hoà"), note: "" }, T0 + 3000);
    return db;
  }

  it("finds names without diacritics and any tone placement", async () => {
    const db = await seeded();
    const chinh = await query(db, { text: "pham minh chinh" });
    expect(chinh.total).toBe(3);
    expect(chinh.items.every((a) => a.text.endsWith("Phạm Minh Chính"))).toBe(true);
    expect((await query(db, { text: "PHẠM MINH CHÍNH".normalize("NFD") })).total).toBe(3);
    // "hoa" finds Hoà and Hòa (and, as a word prefix, "hoàn")
    const hoa = (await query(db, { text: "hoa" })).items.map((a) => a.text);
    expect(hoa).toHaveLength(3);
    expect(hoa).toEqual(expect.arrayContaining(["Thanh Hoà", "tỉnh Hòa Bình", "Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện thể chế"]));
    expect((await query(db, { text: "hoa binh" })).items.map((a) => a.text)).toEqual(["tỉnh Hòa Bình"]);
    expect((await query(db, { text: "thanh hoa" })).items.map((a) => a.text)).toEqual(["Thanh Hoà"]);
    expect((await query(db, { text: "chinh pham" })).total).toBe(3);
    expect((await query(db, { text: "pham van" })).total).toBe(0);
    expect((await query(db, { text: "15-CT/TW" })).items.map((a) => a.text)).toEqual(["Chỉ thị số 15-CT/TW"]);
    expect((await query(db, { text: "nd-cp" })).items.map((a) => a.text)).toEqual(["Nghị định 13/2023/NĐ-CP"]);
  });

  it("filters by kind, subkind, status, site, date and star, alone and together", async () => {
    const db = await seeded();
    expect((await query(db, { kind: "leader" })).total).toBe(4);
    expect((await query(db, { kind: ["number", "note"] })).total).toBe(5);
    expect((await query(db, { kind: "directive", subkind: "document" })).total).toBe(2);
    expect((await query(db, { site: "chinhphu.vn" })).total).toBe(4);
    expect((await query(db, { from: "2025-01-01" })).total).toBe(8);
    expect((await query(db, { to: "2024-12-31" })).total).toBe(4);
    expect((await query(db, { from: "2024-11-02", to: "2024-11-02", kind: "leader" })).total).toBe(2);
    const first = (await query(db, { kind: "number", site: "baochinhphu.vn" })).items[0]!;
    await updateAnnotation(db, first.id, { status: "rejected", starred: true }, T0 + 5000);
    expect((await query(db, { status: "rejected" })).items.map((a) => a.id)).toEqual([first.id]);
    expect((await query(db, { starred: true })).items.map((a) => a.id)).toEqual([first.id]);
    expect((await query(db, { status: ["new"], kind: "number" })).total).toBe(2);
    expect((await query(db, { status: "confirmed" })).items.map((a) => a.kind)).toEqual(["note", "note"]);
    expect((await query(db, { pageUrl: `${ARTICLE_URL}#x`, text: "thu tuong" })).total).toBe(3);
    expect((await query(db, { text: "thu tuong", site: "chinhphu.vn", kind: "leader" })).total).toBe(2);
  });

  it("lists the current page first, then the newest edits, with paging", async () => {
    const db = await seeded();
    const all = await query(db, { currentPage: ARTICLE_URL, limit: 100 });
    expect(all.total).toBe(12);
    expect(all.items.slice(0, 8).every((a) => a.pageUrl === ARTICLE_URL)).toBe(true);
    expect(all.items.slice(8).every((a) => a.pageUrl !== ARTICLE_URL)).toBe(true);
    const unfiltered = await query(db, { limit: 100 });
    expect(unfiltered.items[0]!.kind).toBe("note"); // newest
    for (const q of [{}, { currentPage: ARTICLE_URL }, { kind: ["leader", "directive", "number", "note"] as const }, { currentPage: ARTICLE_URL, kind: ["leader", "directive", "number", "note"] as const }]) {
      const full = (await query(db, { ...q, limit: 100 })).items.map((a) => a.id);
      const pages: string[] = [];
      for (let offset = 0; offset < 12; offset += 5) pages.push(...(await query(db, { ...q, limit: 5, offset })).items.map((a) => a.id));
      expect(pages).toEqual(full);
    }
    // the same order whichever path answers
    expect((await query(db, { kind: ["leader", "directive", "number", "note"], limit: 100 })).items.map((a) => a.id)).toEqual(unfiltered.items.map((a) => a.id));
    expect((await query(db, { kind: ["leader", "directive", "number", "note"], currentPage: ARTICLE_URL, limit: 100 })).items.map((a) => a.id)).toEqual(all.items.map((a) => a.id));
  });
});

describe("views across articles", () => {
  it("leaders index: one entry per person whatever the spelling, titles seen, mentions and pages", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const other = "PHẠM MINH CHÍNH, Ủy viên Bộ Chính trị, Thủ tướng Chính phủ. Ông Phạm Minh Chính phát biểu.".normalize("NFD");
    await recordVisit(
      db,
      { url: "https://dangcongsan.vn/bai-viet", title: "Bài viết", articleDate: "2025-04-01", text: other },
      [
        leader(other, "PHẠM MINH CHÍNH".normalize("NFD"), { name: "PHẠM MINH CHÍNH".normalize("NFD"), title: "Thủ tướng Chính phủ" }),
        leader(other, "Phạm Minh Chính".normalize("NFD"), { name: "Phạm Minh Chính".normalize("NFD"), title: "", honorific: "Ông" }),
      ],
      T0 + 1,
    );
    const text3 = "Chủ tịch nước Lương Cường tiếp Đại sứ.";
    await recordVisit(db, { url: "https://mofa.gov.vn/x", title: "X", articleDate: "2025-01-01", text: text3 }, [leader(text3, "Chủ tịch nước Lương Cường", { name: "Lương Cường", title: "Chủ tịch nước" })], T0 + 2);

    const index = await leadersIndex(db);
    expect(index.map((e) => [e.key, e.mentions])).toEqual([
      ["pham minh chinh", 4],
      ["luong cuong", 1],
    ]);
    const chinh = index[0]!;
    expect(chinh.name).toBe("Phạm Minh Chính");
    expect(chinh.titles).toEqual([
      { title: "Thủ tướng", count: 2 },
      { title: "Thủ tướng Chính phủ", count: 1 },
    ]);
    expect(chinh.pages.map((p) => [p.url, p.mentions, p.date])).toEqual([
      ["https://dangcongsan.vn/bai-viet", 2, "2025-04-01"],
      [ARTICLE_URL, 2, "2025-03-12"],
    ]);
    expect(chinh.pages[1]!.title).toBe(ARTICLE_TITLE);
    expect(await mentionsOf(db, "leader", "pham minh chinh")).toHaveLength(4);

    // rejected mentions are left out unless asked for
    const rejected = (await listForPage(db, "https://mofa.gov.vn/x"))[0]!;
    await updateAnnotation(db, rejected.id, { status: "rejected" });
    expect((await leadersIndex(db)).map((e) => e.key)).toEqual(["pham minh chinh"]);
    expect((await leadersIndex(db, { includeRejected: true })).map((e) => e.key)).toEqual(["pham minh chinh", "luong cuong"]);
    expect((await leadersIndex(db, { site: "dangcongsan.vn" }))[0]!.mentions).toBe(2);
  });

  it("directives registry: one entry per document (type + code), where cited, issuer and date", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const other = "Thực hiện Nghị định 13/2023/ND-CP và Chỉ thị 15-CT/TW ngày 5/3/2025. Chỉ thị này rất quan trọng.";
    await recordVisit(
      db,
      { url: "https://mic.gov.vn/tin", title: "Tin", articleDate: "2025-03-20", text: other },
      [
        { kind: "directive", subkind: "document", docType: "Nghị định", code: "13/2023/ND-CP", ...spanOf(other, "Nghị định 13/2023/ND-CP") },
        { kind: "directive", subkind: "document", docType: "Chỉ thị", code: "15-CT/TW", issuer: "Ban Bí thư", date: "2025-03-05", ...spanOf(other, "Chỉ thị 15-CT/TW") },
        { kind: "directive", subkind: "document", docType: "Chỉ thị", ...spanOf(other, "Chỉ thị này") },
      ],
      T0 + 1,
    );
    const registry = await directivesRegistry(db);
    expect(registry.map((e) => [e.key, e.mentions, e.pages.length])).toEqual([
      ["chi thi|15-ct/tw", 2, 2],
      ["nghi dinh|13/2023/nd-cp", 2, 2],
    ]);
    expect(registry[0]).toMatchObject({ docType: "Chỉ thị", code: "15-CT/TW", issuer: "Ban Bí thư", issuers: ["Ban Bí thư"], date: "2025-03-05" });
    expect(registry[1]).toMatchObject({ docType: "Nghị định", date: "2023-04-17", dates: ["2023-04-17"] });
    expect(registry[1]!.pages[0]!.url).toBe("https://mic.gov.vn/tin");
  });

  it("numbers table: values with page, newest article first, in text order", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const other = "Năm 2024 xuất khẩu đạt 405 tỷ USD, tăng 14%.";
    await recordVisit(
      db,
      { url: "https://bnews.vn/x", title: "Xuất khẩu", articleDate: "2025-01-05", text: other },
      [number(other, "405 tỷ USD", { subkind: "money", value: 405e9, unit: "USD" }), number(other, "14%", { subkind: "percent", value: 14 })],
      T0,
    );
    const table = await numbersTable(db);
    expect(table.total).toBe(4);
    expect(table.rows.map((r) => [r.text, r.value, r.pageTitle])).toEqual([
      ["năm 2025", "2025", ARTICLE_TITLE],
      ["hơn 8%", 8, ARTICLE_TITLE],
      ["405 tỷ USD", 405e9, "Xuất khẩu"],
      ["14%", 14, "Xuất khẩu"],
    ]);
    expect(table.rows[1]).toMatchObject({ subkind: "percent", approx: "more", starred: false, orphaned: false, status: "new" });
    expect((await numbersTable(db, { subkind: "percent" })).rows.map((r) => r.text)).toEqual(["hơn 8%", "14%"]);
    expect((await numbersTable(db, { limit: 1, offset: 2 })).rows.map((r) => r.text)).toEqual(["405 tỷ USD"]);
  });

  it("gives stored records back in the extractor's shape for the export", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), extractArticle(), T0);
    const rows = await listForPage(db, ARTICLE_URL);
    expect(rows.map(toAnnotation)).toEqual(extractArticle());
  });
});

describe("pages and page notes", () => {
  it("lists pages newest first and keeps notes about a page", async () => {
    const db = freshDb();
    await recordVisit(db, visit(), [], T0);
    await recordVisit(db, { url: "https://vov.vn/a", title: "A" }, [], T0 + 1);
    expect((await listPages(db)).map((p) => p.url)).toEqual(["https://vov.vn/a", ARTICLE_URL]);
    expect((await listPages(db, { site: "baochinhphu.vn" })).map((p) => p.url)).toEqual([ARTICLE_URL]);

    const n = await addPageNote(db, { pageUrl: ARTICLE_URL, text: "Bài quan trọng về Thanh Hoà", tags: ["theo dõi"] }, T0 + 2);
    expect(await listPageNotes(db, `${ARTICLE_URL}?utm_medium=x`)).toEqual([n]);
    expect((await searchPageNotes(db, "thanh hoa")).map((x) => x.id)).toEqual([n.id]);
    const edited = await updatePageNote(db, n.id, { text: "Đã đọc" }, T0 + 3);
    expect(edited).toMatchObject({ text: "Đã đọc", tags: ["theo dõi"], updatedAt: T0 + 3 });
    expect(await searchPageNotes(db, "thanh hoa")).toEqual([]);
    const token = await deletePageNote(db, n.id);
    expect(await listPageNotes(db, ARTICLE_URL)).toEqual([]);
    await restorePageNote(db, token!);
    expect(await listPageNotes(db, ARTICLE_URL)).toEqual([edited]);
    expect(canonicalUrl(ARTICLE_URL)).toBe(ARTICLE_URL);
  });
});

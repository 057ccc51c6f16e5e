// 10,000 annotations across 500 pages: the indexed queries return exactly what a full scan finds.
// (Correctness only; no timing assertions.)
import { beforeAll, describe, expect, it } from "vitest";
import type { Annotation } from "../extract/types";
import { foldForSearch, matchesQuery } from "../text-fold";
import type { PolicyLensDB } from "./schema";
import { directivesRegistry, leadersIndex, listForPage, numbersTable, query, recordVisit, saveNote } from "./repository";
import { freshDb, leader, number, doc } from "./testing";

const PAGES = 500;
const PER_PAGE = 20;
const SITES = ["baochinhphu.vn", "chinhphu.vn", "mofa.gov.vn", "quochoi.vn", "nhandan.vn"];
const LEADERS = [
  ["Phạm Minh Chính", "Thủ tướng"],
  ["Trần Hồng Hà", "Phó Thủ tướng"],
  ["Lương Cường", "Chủ tịch nước"],
  ["Trần Thanh Mẫn", "Chủ tịch Quốc hội"],
  ["Bùi Thanh Sơn", "Bộ trưởng Ngoại giao"],
  ["Nguyễn Văn Hoà", "Bí thư Tỉnh ủy"],
  ["Lê Thị Hòa", "Chủ tịch UBND tỉnh"],
] as const;

const urlOf = (p: number) => `https://${SITES[p % SITES.length]}/tin-${p}.htm`;
const dateOf = (p: number) => `2024-${String((p % 12) + 1).padStart(2, "0")}-${String((p % 28) + 1).padStart(2, "0")}`;

/** One page: 8 leader mentions, 4 documents, 8 numbers (20 annotations), in a text that holds them. */
function makePage(p: number): { text: string; annotations: Annotation[] } {
  const sentences: string[] = [];
  const annotations: Annotation[] = [];
  let text = "";
  const add = (sentence: string, make: (t: string) => Annotation) => {
    sentences.push(sentence);
    text = sentences.join(" ");
    annotations.push(make(text));
  };
  for (let i = 0; i < 8; i++) {
    const [name, title] = LEADERS[(p + i) % LEADERS.length]!;
    const quote = `${title} ${name}`;
    const occurrence = annotations.filter((a) => a.text === quote).length;
    add(`Câu ${i}: ${quote} phát biểu.`, (t) => leader(t, quote, { name, title }, occurrence));
  }
  for (let i = 0; i < 4; i++) {
    const code = `${(p * 4 + i) % 97}/2024/NĐ-CP`;
    const quote = `Nghị định ${code}`;
    const occurrence = annotations.filter((a) => a.text === quote).length;
    add(`Theo ${quote} của Chính phủ.`, (t) => doc(t, quote, { docType: "Nghị định", code, issuer: "Chính phủ" }, occurrence));
  }
  for (let i = 0; i < 8; i++) {
    const value = p * 10 + i;
    const quote = `${value} tỷ đồng`;
    add(`Vốn ${quote} (mục ${i}).`, (t) => number(t, quote, { subkind: "money", value: value * 1e9, unit: "đồng" }));
  }
  return { text, annotations };
}

describe(`${PAGES * PER_PAGE} annotations across ${PAGES} pages`, () => {
  let db: PolicyLensDB;
  const all: { pageUrl: string; site: string; date: string; a: Annotation }[] = [];

  beforeAll(async () => {
    db = freshDb("scale");
    for (let p = 0; p < PAGES; p++) {
      const { text, annotations } = makePage(p);
      for (const a of annotations) all.push({ pageUrl: urlOf(p), site: SITES[p % SITES.length]!, date: dateOf(p), a });
      await recordVisit(db, { url: urlOf(p), title: `Tin ${p}`, articleDate: dateOf(p), text }, annotations, 1_700_000_000_000 + p);
    }
  }, 120_000);

  it("stores them all, once", async () => {
    expect(await db.annotations.count()).toBe(PAGES * PER_PAGE);
    expect(await db.pages.count()).toBe(PAGES);
    expect(all).toHaveLength(PAGES * PER_PAGE);
  });

  it("answers a page's annotations by the page index", async () => {
    for (const p of [0, 1, 250, 499]) {
      const rows = await listForPage(db, urlOf(p));
      expect(rows).toHaveLength(PER_PAGE);
      expect(rows.every((r) => r.pageUrl === urlOf(p))).toBe(true);
      expect((await query(db, { pageUrl: urlOf(p), kind: "number" })).total).toBe(8);
    }
  });

  it("text search finds exactly what a scan of every annotation finds", async () => {
    for (const q of ["pham minh chinh", "hoa", "thanh", "nguyen van hoa", "le thi hoa", "nd-cp 42", "1234 ty"]) {
      const expected = all.filter(({ a }) => {
        // what a reader can search: the text and the attributes (not kind, subkind or offsets)
        const { kind: _k, start: _s, end: _e, ...rest } = a;
        const { subkind: _sub, ...attributes } = rest as Record<string, unknown>;
        return matchesQuery(foldForSearch(Object.values(attributes).map(String).join(" ")), q);
      }).length;
      const got = await query(db, { text: q, limit: 10_000 });
      expect(expected, q).toBeGreaterThan(0);
      expect(got.total, q).toBe(expected);
      expect(got.items).toHaveLength(Math.min(expected, 10_000));
    }
  });

  it("combined filters agree with a scan", async () => {
    const got = await query(db, { text: "thu tuong", kind: "leader", site: "mofa.gov.vn", from: "2024-03-01", to: "2024-06-30", limit: 10_000 });
    const expected = all.filter(
      ({ a, site, date }) =>
        a.kind === "leader" && site === "mofa.gov.vn" && date >= "2024-03-01" && date <= "2024-06-30" && matchesQuery(foldForSearch(`${a.text} ${a.name} ${a.title}`), "thu tuong"),
    );
    expect(got.total).toBe(expected.length);
    expect(got.total).toBeGreaterThan(0);
    const page = await query(db, { kind: "number", limit: 50, offset: 100 });
    expect(page.total).toBe(PAGES * 8);
    expect(page.items).toHaveLength(50);
  });

  it("pages through everything, the current page first", async () => {
    const head = await query(db, { currentPage: urlOf(42), limit: 25 });
    expect(head.total).toBe(PAGES * PER_PAGE);
    expect(head.items.slice(0, 20).every((r) => r.pageUrl === urlOf(42))).toBe(true);
    expect(head.items.slice(20).every((r) => r.pageUrl !== urlOf(42))).toBe(true);
    const tail = await query(db, { limit: 50, offset: PAGES * PER_PAGE - 30 });
    expect(tail.items).toHaveLength(30);
    expect(tail.items.at(-1)!.pageUrl).toBe(urlOf(0)); // the oldest
  });

  it("views across articles add up", async () => {
    const leaders = await leadersIndex(db);
    expect(leaders).toHaveLength(LEADERS.length);
    expect(leaders.reduce((n, e) => n + e.mentions, 0)).toBe(PAGES * 8);
    expect(leaders.find((e) => e.key === "nguyen van hoa")!.titles).toEqual([{ title: "Bí thư Tỉnh ủy", count: expect.any(Number) }]);
    const registry = await directivesRegistry(db);
    expect(registry).toHaveLength(97);
    expect(registry.reduce((n, e) => n + e.mentions, 0)).toBe(PAGES * 4);
    expect((await numbersTable(db, { limit: 10 })).total).toBe(PAGES * 8);
  });

  it("a revisit of every page adds nothing", async () => {
    for (const p of [3, 77, 498]) {
      const { text, annotations } = makePage(p);
      expect((await recordVisit(db, { url: urlOf(p), title: `Tin ${p}`, text }, annotations)).inserted).toBe(0);
    }
    await saveNote(db, { pageUrl: urlOf(5), quote: { exact: "Câu 0" }, position: { start: 0, end: 5 }, note: "một ghi chú" });
    expect(await db.annotations.count()).toBe(PAGES * PER_PAGE + 1);
  });
});

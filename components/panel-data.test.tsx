import { afterEach, describe, expect, it } from "vitest";
import { ARTICLE, ARTICLE_TITLE, ARTICLE_URL, extractArticle } from "@/lib/store/fixtures";
import { query, recordVisit, updateAnnotation } from "@/lib/store/repository";
import type { PolicyLensDB } from "@/lib/store/schema";
import { freshDb } from "@/lib/store/testing";
import {
  detailOf,
  itemFromLive,
  matchesFilters,
  openPanelFirstScreen,
  PANEL_PAGE_SIZE,
  parseTags,
  stableOrder,
  storeFor,
  toQuery,
  type PanelItem,
} from "./panel-data";

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).join("");
const rows = (s: string) => [...s].map((id) => ({ id }));

describe("stableOrder", () => {
  it("keeps the rows shown in their places when the store reorders them", () => {
    // c was edited: the store now lists it first
    expect(ids(stableOrder([..."abcd"], rows("cabd")))).toBe("abcd");
  });
  it("drops removed rows and places new ones after the row they follow", () => {
    expect(ids(stableOrder([..."abcd"], rows("xabdy")))).toBe("xabdy");
    expect(ids(stableOrder([..."abcd"], rows("dcba")))).toBe("abcd");
    expect(ids(stableOrder([..."ab"], rows("abcdef")))).toBe("abcdef"); // more loaded
  });
  it("takes the new order as is the first time", () => {
    expect(ids(stableOrder([], rows("cab")))).toBe("cab");
  });
});

describe("filters", () => {
  const item = itemFromLive(
    { kind: "leader", name: "Phạm Minh Chính", title: "Thủ tướng", start: 0, end: 25, text: "Thủ tướng Phạm Minh Chính" },
    0,
    { url: "https://baochinhphu.vn/a.htm", title: "T", articleDate: "2025-03-12" },
  );
  it("finds without diacritics, by word prefix", () => {
    expect(matchesFilters(item, { text: "pham minh chinh" })).toBe(true);
    expect(matchesFilters(item, { text: "thu tuong" })).toBe(true);
    expect(matchesFilters(item, { text: "chin" })).toBe(true);
    expect(matchesFilters(item, { text: "nguyen" })).toBe(false);
  });
  it("applies kind, status, site, dates and starred", () => {
    expect(matchesFilters(item, { kind: "leader", status: "new", site: "baochinhphu.vn" })).toBe(true);
    expect(matchesFilters(item, { kind: "number" })).toBe(false);
    expect(matchesFilters(item, { status: "confirmed" })).toBe(false);
    expect(matchesFilters(item, { site: "chinhphu.vn" })).toBe(false);
    expect(matchesFilters(item, { from: "2025-03-12", to: "2025-03-12" })).toBe(true);
    expect(matchesFilters(item, { from: "2025-03-13" })).toBe(false);
    expect(matchesFilters(item, { starred: true })).toBe(false);
  });
  it("turns the filters into a store query", () => {
    expect(toQuery({ kind: "leader", text: "  Phạm  minh ", starred: true }, "https://x.vn/a", 100)).toEqual({
      kind: "leader",
      text: "pham minh",
      starred: true,
      currentPage: "https://x.vn/a",
      limit: 100,
    });
    expect(toQuery({ text: " ,. " }, undefined, 50)).toEqual({ limit: 50 });
  });
  it("reads tags as typed", () => {
    expect(parseTags(" kinh tế, GDP ,, 2025 ")).toEqual(["kinh tế", "GDP", "2025"]);
  });
  it("describes values as a reader writes them", () => {
    const n = (attributes: PanelItem["attributes"], subkind: string) => detailOf({ kind: "number", subkind, attributes });
    expect(n({ value: 8, approx: "more" }, "percent")).toBe("hơn 8%");
    expect(n({ value: 14_000_000, unit: "đồng" }, "money")).toBe("14.000.000 đồng");
    expect(n({ value: "2023-04-17" }, "date")).toBe("17/04/2023");
    expect(detailOf({ kind: "directive", subkind: "document", attributes: { docType: "Nghị định", code: "13/2023/NĐ-CP", date: "2023-04-17" } })).toBe(
      "Nghị định · 13/2023/NĐ-CP · 17/04/2023",
    );
  });
});

describe("openPanelFirstScreen (the benchmark hook)", () => {
  let db: PolicyLensDB;
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it("reads this page's records, the first page of the list (this page first) and the sites", async () => {
    db = freshDb("panel-first");
    await recordVisit(db, { url: "https://chinhphu.vn/other-1.htm", title: "Other", articleDate: "2025-01-02", text: ARTICLE }, extractArticle(), 1_000);
    await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE, articleDate: "2025-03-12", text: ARTICLE }, extractArticle(), 2_000);
    const other = await query(db, { pageUrl: "https://chinhphu.vn/other-1.htm", kind: "number" });
    await updateAnnotation(db, other.items[0]!.id, { starred: true }, 5_000); // the most recently edited

    const screen = await openPanelFirstScreen(db, ARTICLE_URL);
    expect(screen.page).toHaveLength(7);
    expect(screen.page.every((x) => x.pageUrl === ARTICLE_URL && x.pageTitle === ARTICLE_TITLE)).toBe(true);
    expect(screen.all.total).toBe(14);
    expect(screen.all.items.slice(0, 7).every((x) => x.pageUrl === ARTICLE_URL)).toBe(true);
    expect(screen.all.items[7]!.id).toBe(other.items[0]!.id);
    expect(screen.all.items.length).toBeLessThanOrEqual(PANEL_PAGE_SIZE);
    expect(screen.sites).toEqual(["baochinhphu.vn", "chinhphu.vn"]);
  });

  it("opens without a page (a browser tab) on the list alone", async () => {
    db = freshDb("panel-first-none");
    const screen = await openPanelFirstScreen(db, undefined);
    expect(screen).toEqual({ page: [], all: { total: 0, items: [] }, sites: [] });
  });

  it("finds a mention on a page for a leader's index entry", async () => {
    db = freshDb("panel-mention");
    await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE, text: ARTICLE }, extractArticle(), 1_000);
    const store = storeFor(db);
    const [leader] = await store.leaders({});
    const id = await store.mentionOn("leader", leader!.key, ARTICLE_URL);
    const records = await query(db, { kind: "leader" });
    expect(records.items.map((r) => r.id)).toContain(id);
  });
});

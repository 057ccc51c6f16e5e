import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ARTICLE_URL } from "../store/fixtures";
import type { PolicyLensDB } from "../store/schema";
import { freshDb } from "../store/testing";
import { gatherExport, queryAll, sortPages } from "./select";
import { NFD_URL, fillSample, type Sample } from "./test-data";

let db: PolicyLensDB;
let sample: Sample;
beforeEach(async () => {
  db = freshDb("select");
  sample = await fillSample(db);
});
afterEach(() => db.delete());

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe("gatherExport", () => {
  it("the current page: its record, its annotations in text order, its page notes (whatever the URL's tracking parameters)", async () => {
    const bundle = await gatherExport(db, { kind: "page", pageUrl: `${ARTICLE_URL}?utm_source=zalo#x` });
    expect(bundle.pages.map((p) => p.url)).toEqual([ARTICLE_URL]);
    expect(ids(bundle.annotations)).toEqual(ids(sample.annotations.filter((a) => a.pageUrl === ARTICLE_URL)));
    const starts = bundle.annotations.map((a) => a.selectors.position.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(bundle.notes).toHaveLength(1);
  });

  it("a page never seen: an empty bundle", async () => {
    expect(await gatherExport(db, { kind: "page", pageUrl: "https://example.vn/none" })).toEqual({ pages: [], annotations: [], notes: [] });
  });

  it("a filtered selection: what query() matches, every page of it, with the pages it is on", async () => {
    const starred = await gatherExport(db, { kind: "filtered", query: { starred: true, limit: 1, offset: 5, currentPage: NFD_URL } });
    expect(ids(starred.annotations)).toEqual(ids(sample.annotations.filter((a) => a.starred === 1)));
    expect(starred.pages.map((p) => p.url)).toEqual([ARTICLE_URL]);
    expect(starred.notes).toEqual([]);

    const text = await gatherExport(db, { kind: "filtered", query: { text: "pham minh chinh", kind: "leader" }, includePageNotes: true });
    expect(ids(text.annotations)).toEqual(ids(sample.annotations.filter((a) => a.kind === "leader")));
    expect(text.pages).toHaveLength(2);
    expect(text.notes).toHaveLength(1);

    const bySite = await gatherExport(db, { kind: "filtered", query: { site: "chinhphu.vn" } });
    expect(bySite.annotations.every((a) => a.pageUrl === NFD_URL)).toBe(true);
  });

  it("reads every page of results", async () => {
    const all = await queryAll(db, {}, 2);
    expect(ids(all)).toEqual(ids(sample.annotations));
    const filtered = await queryAll(db, { kind: ["leader", "number"] }, 3);
    expect(ids(filtered)).toEqual(ids(sample.annotations.filter((a) => a.kind === "leader" || a.kind === "number")));
  });

  it("everything: every page, annotation and page note; newest article first", async () => {
    const bundle = await gatherExport(db, { kind: "all" });
    expect(ids(bundle.annotations)).toEqual(ids(sample.annotations));
    expect(bundle.notes).toHaveLength(sample.notes.length);
    expect(bundle.pages).toEqual(sortPages(sample.pages));
    expect(bundle.pages.map((p) => p.url)).toEqual([NFD_URL, ARTICLE_URL]); // seen 2026-11-22, article of 2025-03-12
  });
});

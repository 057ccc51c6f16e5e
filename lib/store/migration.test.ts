// Databases created by earlier versions open with the current class, their data intact and the
// new fields filled. Each shipped schema is written out here as it shipped, not imported, so an
// edit of an old version's declaration in schema.ts fails this test instead of users' upgrades.
import Dexie from "dexie";
import { describe, expect, it, vi } from "vitest";
import { describeSpan } from "../anchor/selectors";
import { ARTICLE, ARTICLE_TITLE, ARTICLE_URL, extractArticle } from "./fixtures";
import { attributesOf, fingerprintOf, normalizedValue } from "./derive";
import { deleteAnnotation, listForPage, query, recordVisit, searchPageNotes } from "./repository";
import { CURRENT_VERSION, PolicyLensDB, SCHEMA_V1 } from "./schema";
import { fakeDeps, uniqueName } from "./testing";

const V1_AS_SHIPPED = {
  pages: "url, site, lastSeen",
  annotations: "id, pageUrl, &[pageUrl+fingerprint], kind, [kind+normalized], status, starred, site, date, updatedAt",
  notes: "id, pageUrl, updatedAt",
};

/** The database class as version 1 declared it. */
class PolicyLensDBv1 extends Dexie {
  constructor(name: string) {
    super(name, fakeDeps);
    this.version(1).stores(V1_AS_SHIPPED);
  }
}

const T0 = Date.UTC(2025, 2, 12);

/** Records as version 1 wrote them: no searchWords, no orphaned flag. */
function v1Records() {
  return extractArticle().map((a, i) => {
    const subkind = "subkind" in a ? a.subkind : undefined;
    const selectors = describeSpan(ARTICLE, a.start, a.end);
    const attributes = attributesOf(a);
    return {
      id: `v1-${i}`,
      pageUrl: ARTICLE_URL,
      site: "baochinhphu.vn",
      date: "2025-03-12",
      kind: a.kind,
      ...(subkind ? { subkind } : {}),
      text: a.text,
      attributes,
      normalized: normalizedValue(a.kind, subkind, attributes, a.text),
      fingerprint: fingerprintOf(a.kind, subkind, selectors.quote),
      selectors,
      status: i === 0 ? "confirmed" : "new",
      starred: i === 0 ? 1 : 0,
      note: i === 0 ? "Ghi chú của bạn đọc về Thanh Hoà" : "",
      tags: i === 0 ? ["lãnh đạo"] : [],
      createdAt: T0,
      updatedAt: T0 + i,
    };
  });
}

describe("schema history", () => {
  it("still declares version 1 exactly as it shipped", () => {
    expect(SCHEMA_V1).toEqual(V1_AS_SHIPPED);
  });
  it("creates new databases at the current version", async () => {
    const db = new PolicyLensDB(uniqueName("fresh"), fakeDeps);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(["annotations", "deletions", "notes", "pages"]);
    db.close();
  });
});

describe("migration v1 → v2", () => {
  it("keeps every record and the reader's work, fills searchWords and orphaned, adds deletions", async () => {
    const name = uniqueName("v1");
    const old = new PolicyLensDBv1(name);
    await old.table("pages").add({ url: ARTICLE_URL, title: ARTICLE_TITLE, site: "baochinhphu.vn", articleDate: "2025-03-12", firstSeen: T0, lastSeen: T0, visits: 3 });
    await old.table("annotations").bulkAdd(v1Records());
    await old.table("notes").add({ id: "page-note", pageUrl: ARTICLE_URL, site: "baochinhphu.vn", text: "Đọc kỹ phần Nghị định", tags: ["việc cần làm"], createdAt: T0, updatedAt: T0 });
    expect(old.verno).toBe(1);
    old.close();

    const db = new PolicyLensDB(name, fakeDeps);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.pages.get(ARTICLE_URL)).toMatchObject({ title: ARTICLE_TITLE, visits: 3, firstSeen: T0 });

    const rows = await listForPage(db, ARTICLE_URL);
    expect(rows).toHaveLength(7);
    const before = v1Records();
    for (const r of rows) {
      const { searchWords, orphaned, ...rest } = r;
      expect(rest).toEqual(before.find((b) => b.id === r.id));
      expect(orphaned).toBe(0);
      expect(searchWords.length).toBeGreaterThan(0);
    }
    expect(rows.find((r) => r.id === "v1-0")!.searchWords).toEqual(expect.arrayContaining(["pham", "minh", "chinh", "thu", "tuong", "thanh", "hoa", "lanh", "dao"]));

    // the new indexes answer
    expect((await query(db, { text: "pham minh chinh" })).total).toBe(2);
    expect((await query(db, { text: "thanh hoa" })).items.map((r) => r.id)).toEqual(["v1-0"]);
    expect((await query(db, { orphaned: false })).total).toBe(7);
    expect((await searchPageNotes(db, "nghi dinh")).map((n) => n.id)).toEqual(["page-note"]);

    // revisiting recognises the old records; deletions are remembered
    expect((await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE, text: ARTICLE }, extractArticle(), T0 + 10)).inserted).toBe(0);
    await deleteAnnotation(db, "v1-3", T0 + 11);
    expect(await db.deletions.count()).toBe(1);
    expect(await db.annotations.get("v1-0")).toMatchObject({ status: "confirmed", starred: 1, note: "Ghi chú của bạn đọc về Thanh Hoà" });
    db.close();
  });

  it("upgrades an empty version 1 database", async () => {
    const name = uniqueName("v1-empty");
    const old = new PolicyLensDBv1(name);
    await old.open();
    old.close();
    const db = new PolicyLensDB(name, fakeDeps);
    expect(await db.annotations.count()).toBe(0);
    expect(db.verno).toBe(2);
    db.close();
  });

  it("an open version 1 connection gives way to the upgrade (another context updated the extension)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const name = uniqueName("v1-open");
    const old = new PolicyLensDBv1(name);
    await old.table("annotations").bulkAdd(v1Records());
    const db = new PolicyLensDB(name, fakeDeps);
    expect(await db.annotations.count()).toBe(7);
    expect(db.verno).toBe(2);
    expect(old.isOpen()).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/wants to upgrade/));
    warn.mockRestore();
    db.close();
  });
});

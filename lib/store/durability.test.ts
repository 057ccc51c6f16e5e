// What an MV3 service worker needs: several tabs saving at once lose nothing, the database comes
// back after the worker (or the browser) drops the connection, and a full disk is reported.
import { forceCloseDatabase } from "fake-indexeddb";
import type { DBCore } from "dexie";
import { describe, expect, it } from "vitest";
import { ARTICLE, ARTICLE_TITLE, ARTICLE_URL, extractArticle } from "./fixtures";
import { StorageFullError, listForPage, query, recordVisit, saveNote, updateAnnotation } from "./repository";
import { PolicyLensDB } from "./schema";
import { fakeDeps, freshDb, leader, number, uniqueName } from "./testing";

const T0 = Date.UTC(2025, 0, 1);

function page(i: number) {
  const text = `Bài ${i}: Thủ tướng Phạm Minh Chính chỉ đạo tỉnh ${i} đạt ${i + 10}% kế hoạch trong năm.`;
  return {
    visit: { url: `https://baochinhphu.vn/bai-${i}.htm?utm_source=tab${i % 3}`, title: `Bài ${i}`, articleDate: "2025-01-01", text },
    extracted: [leader(text, "Thủ tướng Phạm Minh Chính", { name: "Phạm Minh Chính", title: "Thủ tướng" }), number(text, `${i + 10}%`, { subkind: "percent", value: i + 10 })],
  };
}

function note(i: number) {
  return { id: `note-${i}`, pageUrl: ARTICLE_URL, quote: { exact: "Thanh Hoà" }, position: { start: 0, end: 9 }, note: `ghi chú ${i}`, tags: [`t${i}`] };
}

describe("several tabs saving at once", () => {
  it("on one connection: every page, note and edit is kept, nothing duplicated", async () => {
    const db = freshDb();
    await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE, text: ARTICLE }, extractArticle(), T0);
    const target = (await listForPage(db, ARTICLE_URL))[0]!;
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => recordVisit(db, page(i).visit, page(i).extracted, T0 + i)),
      // the same page open in ten tabs
      ...Array.from({ length: 10 }, (_, i) => recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE, text: ARTICLE }, extractArticle(), T0 + 100 + i)),
      ...Array.from({ length: 30 }, (_, i) => saveNote(db, note(i), T0 + 200 + i)),
      // edits of different fields of one annotation, racing
      updateAnnotation(db, target.id, { note: "n" }, T0 + 300),
      updateAnnotation(db, target.id, { starred: true }, T0 + 301),
      updateAnnotation(db, target.id, { status: "confirmed" }, T0 + 302),
      updateAnnotation(db, target.id, { tags: ["a"] }, T0 + 303),
    ]);
    expect(await db.pages.count()).toBe(31);
    expect(await db.annotations.count()).toBe(7 + 60 + 30);
    expect((await db.pages.get(ARTICLE_URL))!.visits).toBe(11);
    expect(await db.annotations.get(target.id)).toMatchObject({ note: "n", starred: 1, status: "confirmed", tags: ["a"] });
  });

  it("on two connections to one database (two contexts): nothing lost, nothing duplicated", async () => {
    const name = uniqueName("two-connections");
    const a = new PolicyLensDB(name, fakeDeps);
    const b = new PolicyLensDB(name, fakeDeps);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const db = i % 2 ? a : b;
        // every page is recorded from both connections
        const p = page(i % 20);
        return i < 30 ? recordVisit(db, p.visit, p.extracted, T0 + i) : saveNote(db, note(i), T0 + i);
      }),
    );
    const c = new PolicyLensDB(name, fakeDeps);
    expect(await c.pages.count()).toBe(21);
    expect(await c.annotations.count()).toBe(20 * 2 + 10);
    expect((await query(c, { kind: "leader", limit: 1000 })).total).toBe(20);
    for (const db of [a, b, c]) db.close();
  });
});

describe("the database after the worker stops", () => {
  it("a new connection (a restarted worker) sees everything, with no state kept in memory", async () => {
    const name = uniqueName("restart");
    const first = new PolicyLensDB(name, fakeDeps);
    await recordVisit(first, { url: ARTICLE_URL, title: ARTICLE_TITLE, text: ARTICLE }, extractArticle(), T0);
    first.close();
    const second = new PolicyLensDB(name, fakeDeps);
    expect(await listForPage(second, ARTICLE_URL)).toHaveLength(7);
    expect((await recordVisit(second, { url: ARTICLE_URL, title: ARTICLE_TITLE, text: ARTICLE }, extractArticle(), T0 + 1)).inserted).toBe(0);
    second.close();
  });

  it("reopens by itself when the browser closes the connection", async () => {
    const db = freshDb("force-close");
    await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE, text: ARTICLE }, extractArticle(), T0);
    forceCloseDatabase(db.backendDB() as never);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(db.isOpen()).toBe(false);
    await saveNote(db, note(1), T0 + 1);
    expect(db.isOpen()).toBe(true);
    expect(await db.annotations.count()).toBe(8);
  });
});

describe("a full disk", () => {
  function fullDisk(db: PolicyLensDB, error: () => unknown) {
    const state = { full: false };
    db.use({
      stack: "dbcore",
      name: "simulated-quota",
      create(down: DBCore): DBCore {
        return {
          ...down,
          table(tableName) {
            const table = down.table(tableName);
            return { ...table, mutate: (req) => (state.full ? Promise.reject(error()) : table.mutate(req)) };
          },
        };
      },
    });
    return state;
  }
  const quota = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");

  it("is reported as StorageFullError by every write, and the transaction leaves nothing half-written", async () => {
    const db = freshDb("quota");
    const disk = fullDisk(db, quota);
    await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE, text: ARTICLE }, extractArticle(), T0);
    const target = (await listForPage(db, ARTICLE_URL))[0]!;
    disk.full = true;
    const p = page(1);
    const err = await recordVisit(db, p.visit, p.extracted, T0 + 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toMatch(/storage is full/i);
    await expect(saveNote(db, note(1), T0 + 2)).rejects.toBeInstanceOf(StorageFullError);
    await expect(updateAnnotation(db, target.id, { note: "x" }, T0 + 3)).rejects.toBeInstanceOf(StorageFullError);
    disk.full = false;
    expect(await db.pages.count()).toBe(1); // the failed visit wrote no page either
    expect(await db.annotations.count()).toBe(7);
    expect((await db.annotations.get(target.id))!.note).toBe("");
  });

  it("other storage errors propagate as they are", async () => {
    const db = freshDb("unknown-error");
    const disk = fullDisk(db, () => new DOMException("disk I/O", "UnknownError"));
    await db.open();
    disk.full = true;
    const err = await saveNote(db, note(1), T0).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(StorageFullError);
    expect(String((err as Error).name)).toMatch(/Unknown/);
  });
});

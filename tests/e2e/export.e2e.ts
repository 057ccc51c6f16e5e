// Export and backup as a reader meets them, in Chromium (MV3) and Firefox ESR (MV2): from the
// review panel's export menu, "this page" as Markdown, CSV and W3C JSON, each downloaded by the
// browser and read back as a file a user opens; from the options page, the full backup, imported
// into the options page of a fresh profile (a second launch) whose panel then shows the same
// annotations; and a truncated or corrupt file, refused with an alert and nothing changed.
// Run after `npm run build`:
//   npx vitest run --config vitest.e2e.config.ts tests/e2e/export.e2e.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortQuote } from "../../components/AnnotationRow";
import { languageOf, type Language } from "../../lib/i18n";
import { exportTranslator } from "../../lib/export/i18n";
import { canonicalUrl } from "../../lib/store/url";
import { BROWSERS, extensionDirFor, type Harness, type TestPage } from "./support/browsers";
import { frontMatterOf, parseCsv, readPanel, readStore, type StoreSnapshot, type StoredAnnotation } from "./support/panel-checks";
import { launchForPanel, PanelDriver, poll, snapshotExtension, type DownloadedFile, type ExtensionTab } from "./support/panel-driver";
import { exportFromPanel, pressRowButton, writeNote } from "./support/panel-flows";
import { fixturePage, listHosts, startServer, type FixtureServer } from "./support/server";


const FIXTURE_A = fixturePage("000");
const FIXTURE_B = fixturePage("001");
const PERSON = "Phạm Minh Chính";
const NOTE = "Cần đối chiếu với Nghị quyết của Chính phủ";
const TAGS = ["ngoại giao", "đối chiếu"];
const W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
const BOM = [0xef, 0xbb, 0xbf];

const annotationsOf = (store: StoreSnapshot, pageUrl: string) => store.annotations.filter((a) => a.pageUrl === pageUrl);
const byPosition = (a: StoredAnnotation, b: StoredAnnotation) => a.selectors.position.start - b.selectors.position.start;
const utf8 = (file: DownloadedFile) => new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(file.bytes);
const today = /^\d{4}-\d{2}-\d{2}$/;

/** The lines of a Markdown section: from its heading to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string[] | null {
  const lines = markdown.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) return null;
  const level = /^#+/.exec(heading)![0].length;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^(#+) /.exec(line);
    if (m && m[1]!.length <= level) break;
    out.push(line);
  }
  return out;
}

describe.each(BROWSERS)("%s", (browserName) => {
  let build: ReturnType<typeof snapshotExtension> | undefined;
  let server: FixtureServer;
  let h: Harness;
  let driver: PanelDriver;
  let downloads: string;
  let pageA: TestPage;
  let urlA: string;
  let urlB: string;
  let lang: Language;
  let snapshot: StoreSnapshot;
  let noted: StoredAnnotation;
  let rejected: StoredAnnotation;
  let backup: DownloadedFile | undefined;
  /** The second launch: a fresh profile, for the import. */
  let fresh: Harness | undefined;
  let freshDriver: PanelDriver | undefined;

  const store = () => h.inBackground(readStore);
  const ex = (key: Parameters<ReturnType<typeof exportTranslator>>[0], params?: Record<string, string | number>) => exportTranslator(lang)(key, params);

  const launchOptions = () => ({ extensionDir: build!.dir, hosts: listHosts(), port: server.port });

  beforeAll(async () => {
    build = snapshotExtension(extensionDirFor(browserName), `export-${browserName}`);
    server = await startServer();
    h = await launchForPanel(browserName, launchOptions());
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), `vpl-export-${browserName}-`));
    driver = await PanelDriver.create(h, path.join(downloads, "first"));
    lang = languageOf(await h.inBackground(() => String(((globalThis as any).browser ?? (globalThis as any).chrome).i18n.getUILanguage()))); // eslint-disable-line @typescript-eslint/no-explicit-any
    pageA = await h.openPage(server.urlFor(FIXTURE_A.host, FIXTURE_A.path));
    const pageB = await h.openPage(server.urlFor(FIXTURE_B.host, FIXTURE_B.path));
    urlA = canonicalUrl(pageA.url());
    urlB = canonicalUrl(pageB.url());
    const foundA = (await h.waitForAnnotation(pageA)).page.annotations.length;
    const foundB = (await h.waitForAnnotation(pageB)).page.annotations.length;
    const stored = await poll("both pages to be stored", 15_000, async () => {
      const s = await store();
      return annotationsOf(s, urlA).length === foundA && annotationsOf(s, urlB).length === foundB ? s : null;
    });
    // the reader's work, done in the panel: a note with tags and a star on a leader, a number rejected
    const records = annotationsOf(stored, urlA).sort(byPosition);
    const leader = records.find((r) => r.kind === "leader" && r.text.includes(PERSON));
    const number = records.find((r) => r.kind === "number");
    if (!leader || !number) throw new Error(`${urlA}: expected a leader naming ${PERSON} and a number among ${records.map((r) => `${r.kind} "${r.text}"`).join(", ")}`);
    const panel = await driver.openPanelFor(pageA);
    try {
      await writeNote(panel, leader.id, NOTE, TAGS);
      await pressRowButton(panel, leader.id, "star");
      await pressRowButton(panel, number.id, "reject");
    } finally {
      await panel.close();
    }
    snapshot = await poll("the note, the star and the rejection to be stored", 10_000, async () => {
      const s = await store();
      const n = s.annotations.find((a) => a.id === leader.id);
      const r = s.annotations.find((a) => a.id === number.id);
      return n?.note === NOTE && n.starred === 1 && r?.status === "rejected" ? s : null;
    });
    noted = snapshot.annotations.find((a) => a.id === leader.id)!;
    rejected = snapshot.annotations.find((a) => a.id === number.id)!;
  });

  afterAll(async () => {
    await fresh?.close();
    await h?.close();
    await server?.close();
    if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
    build?.remove();
  });

  async function exportThisPage(format: "md" | "csv" | "w3c"): Promise<DownloadedFile> {
    const panel = await driver.openPanelFor(pageA);
    try {
      const { file, status } = await exportFromPanel(panel, format, "page");
      expect(status, "the menu's status line").toBe(ex("downloaded", { file: file.name, count: annotationsOf(snapshot, urlA).length, pages: 1 }));
      return file;
    } finally {
      await panel.close();
    }
  }

  it("exports this page as Markdown: front matter (title, url, site, date), the page's leaders, the note", async () => {
    const file = await exportThisPage("md");
    expect(file.name).toMatch(/^policy-lens-\d{4}-\d{2}-\d{2}\.md$/);
    const md = utf8(file);
    const page = snapshot.pages.find((p) => p.url === urlA)!;
    expect(frontMatterOf(md)).toEqual({ title: page.title, url: urlA, site: FIXTURE_A.host, date: FIXTURE_A.articleDate });
    expect(md).toContain(`\n# ${page.title}\n`);
    expect(md, "only this page").not.toContain(snapshot.pages.find((p) => p.url === urlB)!.title);
    // every leader of the page, in its section, the starred one with its star, note and tags
    const leaders = section(md, `## ${ex("leaders")}`);
    expect(leaders, `a "## ${ex("leaders")}" section`).not.toBeNull();
    const items = leaders!.filter((l) => l.startsWith("- "));
    const records = annotationsOf(snapshot, urlA).filter((r) => r.kind === "leader").sort(byPosition);
    expect(items).toHaveLength(records.length);
    records.forEach((r, i) => expect(items[i], `leader ${i + 1}`).toMatch(new RegExp(`^- ${r.starred ? "★ " : ""}${r.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( |$)`)));
    expect(items.some((l) => l.includes(PERSON))).toBe(true);
    expect(leaders).toContain(`  ${ex("tags")}: ${TAGS.join(", ")}`);
    expect(leaders).toContain(`  > ${NOTE}`);
    // the rejected number is left out
    const numbers = section(md, `## ${ex("numbers")}`) ?? [];
    const keptNumbers = annotationsOf(snapshot, urlA).filter((r) => r.kind === "number" && r.status !== "rejected");
    expect(numbers.filter((l) => l.startsWith("- "))).toHaveLength(keptNumbers.length);
  });

  it("exports this page as CSV: UTF-8 with a BOM, rows that parse, Vietnamese intact", async () => {
    const file = await exportThisPage("csv");
    expect(file.name).toMatch(/^policy-lens-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...file.bytes.subarray(0, 3)], "UTF-8 byte order mark").toEqual(BOM);
    const text = utf8(file).slice(1);
    const rows = parseCsv(text);
    const [header, ...body] = rows;
    expect(header!.slice(0, 7)).toEqual([ex("colPageTitle"), ex("colUrl"), ex("colSite"), ex("colArticleDate"), ex("colKind"), ex("colSubkind"), ex("colText")]);
    for (const [i, row] of body.entries()) expect(row, `row ${i + 2} has as many cells as the header`).toHaveLength(header!.length);
    const col = (name: string) => {
      const i = header!.indexOf(name);
      if (i < 0) throw new Error(`no column ${name} in ${header!.join(", ")}`);
      return i;
    };
    const records = annotationsOf(snapshot, urlA);
    expect(body).toHaveLength(records.length);
    const byId = new Map(body.map((r) => [r[col(ex("colId"))]!, r]));
    expect([...byId.keys()].sort()).toEqual(records.map((r) => r.id).sort());
    const title = snapshot.pages.find((p) => p.url === urlA)!.title;
    for (const r of records) {
      const row = byId.get(r.id)!;
      expect(row[col(ex("colText"))], `text of ${r.id}`).toBe(r.text);
      expect(row[col(ex("colPageTitle"))]).toBe(title);
      expect(row[col(ex("colUrl"))]).toBe(urlA);
      expect(row[col(ex("colKind"))]).toBe(r.kind);
    }
    const mine = byId.get(noted.id)!;
    expect(mine[col(ex("colText"))]).toContain(PERSON);
    expect(mine[col(ex("colNote"))]).toBe(NOTE);
    expect(mine[col(ex("colTags"))]).toBe(TAGS.join("; "));
    expect(byId.get(rejected.id)![col(ex("colStatus"))]).toBe("rejected");
    // NFC Vietnamese, no mojibake
    expect(text).toContain(PERSON);
    expect(text.normalize("NFC")).toBe(text);
  });

  it("exports this page as W3C JSON: @context, Annotation items with a TextQuoteSelector", async () => {
    const file = await exportThisPage("w3c");
    expect(file.name).toMatch(/^policy-lens-annotations-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(utf8(file)) as {
      "@context": string | string[];
      type: string;
      first: { type: string; items: { id: string; type: string; body?: { purpose: string; value: string }[]; target: { source: string; selector: { type: string; exact?: string; prefix?: string; suffix?: string; start?: number }[] } }[] };
    };
    expect(([] as string[]).concat(json["@context"])).toContain(W3C_CONTEXT);
    expect(json.type).toBe("AnnotationCollection");
    const items = json.first.items;
    const records = annotationsOf(snapshot, urlA);
    expect(items).toHaveLength(records.length);
    const byId = new Map(records.map((r) => [`urn:uuid:${r.id}`, r]));
    for (const item of items) {
      expect(item.type).toBe("Annotation");
      const record = byId.get(item.id);
      expect(record, `record of ${item.id}`).toBeDefined();
      expect(item.target.source).toBe(urlA);
      const quote = item.target.selector.find((s) => s.type === "TextQuoteSelector");
      expect(quote, `${item.id}: a TextQuoteSelector`).toBeDefined();
      expect(quote!.exact).toBe(record!.text);
      expect({ prefix: quote!.prefix, suffix: quote!.suffix }).toEqual({ prefix: record!.selectors.quote.prefix, suffix: record!.selectors.quote.suffix });
    }
    const mine = items.find((i) => i.id === `urn:uuid:${noted.id}`)!;
    expect(mine.body?.filter((b) => b.purpose === "commenting").map((b) => b.value)).toEqual([NOTE]);
    expect(mine.body?.filter((b) => b.purpose === "tagging").map((b) => b.value)).toEqual(TAGS);
  });

  it("downloads the full backup from the options page", async () => {
    const options = await driver.openExtensionPage("options.html");
    try {
      await options.waitFor("the backup button", () => document.querySelector("section[aria-labelledby=backup-h] button") !== null);
      backup = await options.download(() => options.click("section[aria-labelledby=backup-h] button"));
      const status = await options.waitFor(
        "the backup's status line",
        (preparing: string) => {
          const text = (document.querySelector(".backup-status")?.textContent ?? "").trim();
          return text && text !== preparing ? text : null;
        },
        ex("preparing"),
      );
      expect(status).toBe(ex("downloaded", { file: backup.name, count: snapshot.annotations.length, pages: snapshot.pages.length }));
    } finally {
      await options.close();
    }
    expect(backup.name).toMatch(/^policy-lens-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(utf8(backup)) as { format: string; schemaVersion: number; exportedAt: string; pages: { url: string }[]; annotations: { id: string }[] };
    expect(data.format).toBe("policy-lens-backup");
    expect(data.exportedAt.slice(0, 10)).toMatch(today);
    expect(data.pages.map((p) => p.url).sort()).toEqual([urlA, urlB].sort());
    expect(data.annotations.map((a) => a.id).sort()).toEqual(snapshot.annotations.map((a) => a.id).sort());
  });

  it("the backup imports into the options page of a fresh profile, whose panel then shows the same annotations", async () => {
    expect(backup, "the backup of the previous test").toBeDefined();
    fresh = await launchForPanel(browserName, launchOptions());
    freshDriver = await PanelDriver.create(fresh, path.join(downloads, "fresh"));
    const freshStore = () => fresh!.inBackground(readStore);
    expect((await freshStore()).annotations, "a fresh profile has nothing stored").toEqual([]);
    const options = await freshDriver.openExtensionPage("options.html");
    try {
      await options.chooseFile("#import-file", backup!.path);
      const ready = await options.waitFor(
        "the file to be checked",
        (checking: string) => {
          const text = (document.querySelector(".import-status")?.textContent ?? "").trim();
          const alert = document.querySelector("[role=alert]")?.textContent;
          return alert ? `alert: ${alert}` : text && text !== checking ? text : null;
        },
        ex("importChecking"),
      );
      expect(ready).toBe(ex("importReady", { file: backup!.name, pages: snapshot.pages.length, annotations: snapshot.annotations.length, notes: 0 }));
      await options.click(".import-status ~ p > button");
      const done = await options.waitFor("the import to finish", (ready: string) => {
        const text = (document.querySelector(".import-status")?.textContent ?? "").trim();
        return text && text !== ready && document.querySelector("#import-file:disabled") === null ? text : null;
      }, ready);
      expect(done).toBe(
        ex("importDone", { pagesAdded: snapshot.pages.length, annotationsAdded: snapshot.annotations.length, annotationsUpdated: 0, notesAdded: 0, skipped: 0 }),
      );
    } finally {
      await options.close();
    }
    // the store holds the same records, the reader's work included
    const imported = await freshStore();
    const pick = (a: StoredAnnotation) => ({ id: a.id, pageUrl: a.pageUrl, text: a.text, fingerprint: a.fingerprint, status: a.status, starred: a.starred, note: a.note, tags: a.tags });
    const sorted = (s: StoreSnapshot) => s.annotations.map(pick).sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(sorted(imported)).toEqual(sorted(snapshot));

    // the panel, before any page is visited: everything under "All pages"
    const all = await freshDriver.openExtensionPage("popup.html?tab=0");
    try {
      await all.click("#tab-all");
      const count = await all.waitFor("the “All pages” count", () => document.querySelector(".list-count")?.textContent ?? null);
      expect(Number(count.replace(/\D/g, "")), `"${count}"`).toBe(snapshot.annotations.length);
    } finally {
      await all.close();
    }
    // the page, visited in the fresh profile: its stored rows, once each, with the note, star and rejection
    const page = await fresh.openPage(server.urlFor(FIXTURE_A.host, FIXTURE_A.path));
    await fresh.waitForAnnotation(page);
    await poll("the visit to be stored", 15_000, async () => ((await freshStore()).pages.find((p) => p.url === urlA)?.visits ?? 0) > (snapshot.pages.find((p) => p.url === urlA)?.visits ?? 0));
    const panel: ExtensionTab = await freshDriver.openPanelFor(page);
    try {
      const view = await panel.evaluate(readPanel);
      const records = annotationsOf(snapshot, urlA);
      expect(view.pageCount).toBe(records.length);
      expect(view.rows.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
      const mine = view.rows.find((r) => r.id === noted.id)!;
      expect({ quote: mine.quote, starred: mine.starred, note: mine.noteLine }).toEqual({
        quote: shortQuote(noted.text),
        starred: true,
        note: `${NOTE} — ${TAGS.map((t) => `#${t}`).join(" ")}`,
      });
      expect(view.rows.find((r) => r.id === rejected.id)?.rejected).toBe(true);
    } finally {
      await panel.close();
    }
    expect(annotationsOf(await freshStore(), urlA), "no duplicate after the visit").toHaveLength(annotationsOf(snapshot, urlA).length);
  });

  it("a truncated or corrupt file is refused with an alert, and nothing changes", async () => {
    expect(fresh && freshDriver && backup, "the fresh profile of the previous test").toBeTruthy();
    const freshStore = () => fresh!.inBackground(readStore);
    const before = await freshStore();
    expect(before.annotations.length).toBeGreaterThan(0);
    const bad = path.join(downloads, "bad");
    fs.mkdirSync(bad, { recursive: true });
    const files: [string, Buffer][] = [
      ["truncated.json", backup!.bytes.subarray(0, Math.floor(backup!.bytes.length / 2))],
      ["wrong-shape.json", Buffer.from(JSON.stringify({ format: "policy-lens-backup", schemaVersion: 2, exportedAt: new Date().toISOString(), pages: "none", annotations: [{ id: 1 }] }))],
      ["not-json.json", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])],
    ];
    const prefix = ex("importInvalid", { detail: "" }).trim();
    const options = await freshDriver!.openExtensionPage("options.html");
    let previous = "";
    try {
      for (const [name, bytes] of files) {
        const file = path.join(bad, name);
        fs.writeFileSync(file, bytes);
        await options.chooseFile("#import-file", file);
        const alert = await options.waitFor(`an alert for ${name}`, (arg: { name: string; previous: string }) => {
          const text = (document.querySelector("[role=alert]")?.textContent ?? "").trim();
          // the alert of this file: the input holds it, and the alert is not the last file's
          const input = document.querySelector<HTMLInputElement>("#import-file");
          return text && text !== arg.previous && input?.files?.[0]?.name === arg.name ? text : null;
        }, { name, previous });
        previous = alert;
        expect(alert, `${name}: the alert`).toMatch(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\S`));
        const state = await options.evaluate(() => ({
          status: (document.querySelector(".import-status")?.textContent ?? "").trim(),
          confirm: document.querySelector(".import-status ~ p > button") !== null,
        }));
        expect(state, `${name}: no import offered`).toEqual({ status: "", confirm: false });
      }
    } finally {
      await options.close();
    }
    expect(await freshStore(), "the store after the refused files").toEqual(before);
  });
});

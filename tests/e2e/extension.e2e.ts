// The extension as a reader meets it, in Chromium (MV3 build) and Firefox ESR (MV2 build): the
// fixture pages are served under their real host names, the built extension is loaded, and the
// tests read what the page shows (CSS Custom Highlights, read from the page's own world) and what
// the popup lists. Run after `npm run build`:
//   npx vitest run --config vitest.e2e.config.ts
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Annotation, AnnotationKind } from "../../lib/extract/types";
import { countKinds, type PageAnnotations } from "../../lib/messages";
import { isGovernmentHost } from "../../lib/sites";
import { BROWSERS, extensionDirFor, launch, type Harness, type TestPage } from "./support/browsers";
import { clip } from "./support/article-checks";
import {
  FURNITURE_SELECTOR,
  HIGHLIGHT_NAMES,
  inspectHighlights,
  scrollToFirstHighlight,
  setHighlightsShown,
  visibleHighlightRanges,
  type HighlightReport,
} from "./support/page-checks";
import { crop, decodePng, differingShare, meanOfDifference } from "./support/png";
import { listHosts, loadManifest, startServer, type FixturePage, type FixtureServer } from "./support/server";

const KIND_OF: Record<string, AnnotationKind> = { "vpl-leader": "leader", "vpl-directive": "directive", "vpl-number": "number" };

const pages = loadManifest();
const articles = pages.filter((p) => p.expect === "article");
const negatives = pages.filter((p) => p.expect === "none");

function inspect(h: Harness, page: TestPage, fixture: FixturePage): Promise<HighlightReport> {
  return h.evaluate(page, inspectHighlights, {
    names: HIGHLIGHT_NAMES,
    furniture: FURNITURE_SELECTOR,
    bodySelector: fixture.expect === "article" ? (fixture.bodySelector ?? null) : null,
    bodySamples: fixture.expect === "article" ? (fixture.bodySamples ?? []) : [],
    furnitureSamples: [...(fixture.furnitureSamples ?? []), ...(fixture.negativeSamples ?? [])],
  });
}

/** Resolves once the page has been idle (the latest moment a document_idle content script runs). */
const pageIdle = () =>
  new Promise<boolean>((resolve) => {
    const done = () => setTimeout(() => resolve(true), 0);
    if (document.readyState === "complete") done();
    else addEventListener("load", done, { once: true });
  });

describe.each(BROWSERS)("%s", (browserName) => {
  let server: FixtureServer;
  let h: Harness;

  beforeAll(async () => {
    server = await startServer();
    h = await launch(browserName, { extensionDir: extensionDirFor(browserName), hosts: listHosts(), port: server.port });
  });

  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it("has the extension installed with its background running", async () => {
    const status = await h.extensionInstalled();
    expect(status.backgroundRunning).toBe(true);
    expect(status.version).toMatch(/^\d+\.\d+\.\d+/);
    if (browserName === "chromium") {
      expect(status.manifestVersion).toBe(3);
      expect(status.backgroundUrl).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
    } else {
      expect(status.manifestVersion).toBe(2);
      expect(status.id).toBe("policy-lens@vn-policy-lens.org");
      expect(status.backgroundUrl).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/_generated_background_page\.html$/);
    }
  });

  it("has fixture pages to visit (tests/fixtures/pages.json)", () => {
    expect(articles.length, "article pages in tests/fixtures/pages.json").toBeGreaterThan(0);
  });

  describe.each(articles)("article $id on $host", (fixture) => {
    let page: TestPage;
    let answer: PageAnnotations;
    let report: HighlightReport;

    beforeAll(async () => {
      page = await h.openPage(server.urlFor(fixture.host, fixture.path));
      // from the moment the content script has annotated the article, the highlights are final
      answer = (await h.waitForAnnotation(page)).page;
      report = await inspect(h, page, fixture);
    });

    afterAll(async () => {
      await page?.close();
    });

    it("runs the content script, which finds the article and draws highlights", () => {
      expect(report.supported, "CSS.highlights in the page").toBe(true);
      const missingNames = HIGHLIGHT_NAMES.filter((n) => !report.registered.includes(n));
      expect(missingNames, "highlights not registered by the content script (all: it did not take the page for an article)").toEqual([]);
      const counts = countKinds(answer.annotations);
      for (const name of HIGHLIGHT_NAMES) {
        expect(report.sizes[name], `${name} ranges drawn vs ${KIND_OF[name]} annotations listed`).toBe(counts[KIND_OF[name]!]);
      }
      expect(report.ranges.length, "highlighted ranges on the page").toBeGreaterThan(0);
    });

    it("paints the highlights on screen (the highlighted text looks different without them)", async () => {
      await page.bringToFront();
      expect(await h.evaluate(page, scrollToFirstHighlight, HIGHLIGHT_NAMES), "a highlight to scroll to").toBe(true);
      const { dpr, ranges } = await h.evaluate(page, visibleHighlightRanges, HIGHLIGHT_NAMES);
      expect(ranges.length, "highlighted ranges on screen").toBeGreaterThan(0);
      const painted = decodePng(await page.capture());
      await h.evaluate(page, setHighlightsShown, { names: HIGHLIGHT_NAMES, shown: false });
      let bare: ReturnType<typeof decodePng>;
      try {
        bare = decodePng(await page.capture());
      } finally {
        await h.evaluate(page, setHighlightsShown, { names: HIGHLIGHT_NAMES, shown: true });
      }
      const unpainted: string[] = [];
      const tints = new Map<string, string>();
      for (const range of ranges) {
        for (const r of range.rects) {
          // one device pixel inside the line box: its edges may be shared with the next line
          const box = [(r.x + 1) * dpr, (r.y + 1) * dpr, (r.width - 2) * dpr, (r.height - 2) * dpr] as const;
          const a = crop(painted, ...box);
          const b = crop(bare, ...box);
          const share = differingShare(a, b);
          if (share < 0.5) unpainted.push(`${range.name} "${clip(range.text, 40)}" (${Math.round(share * 100)}% of its box changed)`);
          const tint = meanOfDifference(a, b);
          if (tint && !tints.has(range.name)) tints.set(range.name, `rgb(${tint.join(", ")})`);
        }
      }
      expect(unpainted, `highlights not painted; painted colours: ${JSON.stringify(Object.fromEntries(tints))}`).toEqual([]);
    });

    it("keeps every highlight inside the article body (not in nav, header, footer, aside, related lists, comments)", () => {
      expect(report.bodyFound, `bodySelector ${fixture.bodySelector} on the page`).toBe(true);
      const stray = report.ranges.filter((r) => r.furniture).map((r) => `${r.name} "${clip(r.text, 60)}" in ${r.furniture}`);
      expect(stray, "highlights inside page furniture").toEqual([]);
      const touched = report.furnitureSamples
        .filter((s) => s.highlighted)
        .map((s) => `"${s.sample}" (highlighted: "${s.highlighted}" in ${s.where.join(", ")})`);
      expect(touched, "furnitureSamples that carry a highlight").toEqual([]);
    });

    it("highlights every body sample", () => {
      const absent = report.samples.filter((s) => s.found === 0).map((s) => s.sample);
      expect(absent, "bodySamples not found in the page text at all (fixture problem)").toEqual([]);
      const missing = report.samples
        .filter((s) => !s.covered)
        .map((s) => (s.names.length ? `"${s.sample}" (partly: "${s.uncovered}" not highlighted)` : `"${s.sample}"`));
      expect(missing, `bodySamples without a highlight (${missing.length}/${report.samples.length})`).toEqual([]);
    });

    it("shows the count on the toolbar badge", async () => {
      const total = answer.annotations.length;
      const expected = total > 0 ? String(Math.min(total, 999)) : "";
      // the background sets it when the content script reports, a moment after the page is annotated
      await expect.poll(() => h.badgeText(page), { timeout: 10_000, interval: 100 }).toBe(expected);
    });

    it("lists this page's annotations in the popup", async () => {
      const popup = await h.openPopupFor(page);
      expect(popup.status, `the popup says: ${popup.status}`).toBeNull();
      expect(popup.pageTitle).toBe(answer.title.replace(/\s+/g, " ").trim());
      const counts = countKinds(answer.annotations);
      const kinds = (["leader", "directive", "number"] as const).filter((k) => counts[k] > 0);
      expect(
        popup.sections.map((s) => [s.kind, s.count]),
        "groups and counts in the popup",
      ).toEqual(kinds.map((k) => [k, counts[k]]));
      for (const section of popup.sections) {
        expect(section.heading, "group heading").toMatch(new RegExp(`\\S.*\\b${section.count}$`));
        // each row quotes one annotation of its kind (long quotes are cut with "…"); a long group
        // is a windowed list, which shows only the rows on screen
        const left = answer.annotations.filter((a: Annotation) => a.kind === section.kind).map((a) => a.text.replace(/\s+/g, " ").trim());
        const strays: string[] = [];
        for (const quote of section.quotes) {
          const stem = quote.replace(/…$/, "");
          const at = left.findIndex((t) => t.startsWith(stem));
          if (at < 0) strays.push(quote);
          else left.splice(at, 1);
        }
        expect(strays, `${section.kind} rows that quote no annotation of the page`).toEqual([]);
        expect(section.quotes.length, `${section.kind} rows`).toBeGreaterThan(0);
        if (section.count <= 150) expect(section.quotes.length, `${section.kind} rows`).toBe(section.count);
      }
    });
  });

  describe.each(negatives)("non-article $id on $host", (fixture) => {
    const government = isGovernmentHost(fixture.host);
    let page: TestPage;
    let report: HighlightReport;

    beforeAll(async () => {
      page = await h.openPage(server.urlFor(fixture.host, fixture.path));
      // on a government host the content script answers once it has looked at the page; elsewhere
      // it is not injected at all, and the page's idle point is when it would have run
      if (government) await h.waitForContentScript(page);
      else await h.evaluate(page, pageIdle);
      report = await inspect(h, page, fixture);
    });

    afterAll(async () => {
      await page?.close();
    });

    it("draws no highlight at all", () => {
      expect(report.ranges.map((r) => `${r.name} "${clip(r.text, 60)}" in ${r.where}`)).toEqual([]);
      expect(report.registered.filter((n) => n.startsWith("vpl-"))).toEqual([]);
      const touched = report.furnitureSamples.filter((s) => s.highlighted).map((s) => s.sample);
      expect(touched, "negativeSamples / furnitureSamples highlighted").toEqual([]);
    });

    it(government ? "answers the popup with nothing: empty badge, a status line and no list" : "does not run the content script on a non-government host", async () => {
      if (!government) {
        expect(await h.contentScriptOf(page)).toBeNull();
        return;
      }
      const { page: answer } = await h.waitForContentScript(page);
      expect(answer.annotations).toEqual([]);
      expect(await h.badgeText(page)).toBe("");
      const popup = await h.openPopupFor(page);
      expect(popup.sections).toEqual([]);
      expect(popup.status, "the popup's status line").toMatch(/\S/);
    });
  });
});

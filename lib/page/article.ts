// Finds the article body of a live page without touching it, in one cheap pass: the content script
// must cost the page little more than reading its text once (the bench compares it with one
// innerText read). Readability itself would clone the page and run several passes (hundreds of
// times that cost), so the page runs Readability's readerable check and its paragraph scoring
// (the same regexes and weights) in one pass over the paragraphs, no clone; lib/page/article.test.ts
// holds both to the library itself on every fixture page.
import { classWeight, namesOf, unlikelyCandidate } from "./names";
import { collectSteps, TextCollector, textLength, type TextMap } from "./text-map";

export interface ArticleBody {
  /** The live element that holds the article. */
  container: Element;
  /** The article's text with its live text nodes, furniture left out. */
  text: TextMap;
  title: string;
  /** ISO date (yyyy-mm-dd) of publication when the page states it. */
  publishedDate?: string;
}

const VIETNAMESE_MARKS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;

/** True when the page is written in Vietnamese: its declared language, else its letters. */
export function isVietnamese(doc: Document, sample?: string): boolean {
  const lang = (doc.documentElement.getAttribute("lang") ?? "").toLowerCase();
  if (lang) return lang === "vi" || lang.startsWith("vi-");
  const text = (sample ?? doc.body?.textContent ?? "").slice(0, 20_000);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const marks = text.match(VIETNAMESE_MARKS)?.length ?? 0;
  return letters > 200 && marks / letters > 0.05;
}

/** Paragraphs in these never vote for an article container. */
const NOT_ARTICLE = "nav,footer,aside,header,form,li,[hidden],[aria-hidden='true']";
/** Readability's floor for a paragraph worth scoring. */
const MIN_PARAGRAPH = 25;
/** How many of the best-scored containers get the (costlier) link-density check. */
const FINALISTS = 5;
/**
 * Paragraphs scored at most: the container is settled long before (an article has tens of
 * paragraphs), and the page's cost must not grow with a listing of thousands.
 */
const MAX_SCORED = 300;

/**
 * Readability's link density: the share of an element's text (textContent) inside links. Read
 * from at most `maxChars` of its text, in document order: exact for an article, and a finalist
 * that wraps megabytes costs no more than one that wraps an article.
 */
export function linkDensity(el: Element, maxChars = 100_000): number {
  let total = 0;
  let linked = 0;
  let inLinks = 0;
  let node: Node | null = el.firstChild;
  while (node && total < maxChars) {
    if (node.nodeType === 3) {
      const n = (node as Text).data.length;
      total += n;
      if (inLinks > 0) linked += n;
    } else if (node.nodeType === 1 && node.firstChild) {
      if ((node as Element).localName === "a") inLinks++;
      node = node.firstChild;
      continue;
    }
    // on to the next sibling, climbing out of the elements this was the last node of
    while (node !== el && !node.nextSibling) {
      node = node.parentNode!;
      if (node !== el && (node as Element).localName === "a") inLinks--;
    }
    node = node === el ? null : node.nextSibling;
  }
  return total === 0 ? 0 : linked / total;
}

// Readability's isProbablyReaderable (Readability-readerable.js), run in the same pass: its
// thresholds as the content script calls it (minContentLength 140, minScore 20), its regexes as
// the word lists of ./names.
const READERABLE_MIN_LENGTH = 140;
const READERABLE_MIN_SCORE = 20;

/** The readerable check's verdict on one long enough block: visible, not named like furniture, not in a list item. */
function countsForReader(el: Element): boolean {
  if (el.hasAttributes()) {
    if (el.hasAttribute("hidden") || /display\s*:\s*none/i.test(el.getAttribute("style") ?? "")) return false;
    const names = namesOf(el);
    if (el.getAttribute("aria-hidden") === "true" && !names.includes("fallback-image")) return false;
    if (unlikelyCandidate(names)) return false;
  }
  return !(el.localName === "p" && el.closest("li"));
}

function commas(text: string): number {
  let n = 0;
  for (let i = text.indexOf(","); i !== -1; i = text.indexOf(",", i + 1)) n++;
  return n;
}

export interface ParagraphScan {
  /** Readability's isProbablyReaderable verdict. */
  readerable: boolean;
  /** The element whose paragraphs hold the article, if any. */
  container: Element | null;
}

/**
 * One pass over the page's paragraphs (p, pre, and divs of text broken by br): Readability's
 * readerable check, and its scoring of the article's container: each paragraph gives 1 + its
 * commas + a point per 100 characters (at most 3) to its parent, half to its grandparent and a
 * sixth to the next; the best few are weighed by class names and scaled by their link density.
 */
export function scanParagraphs(doc: Document): ParagraphScan {
  const scores = new Map<Element, number>();
  let readerScore = 0;
  let readerable = false;
  const blocks = doc.body.querySelectorAll("p, pre, article, div > br");
  let lastBrokenDiv: Element | null = null;
  let scored = 0;
  for (let i = 0; i < blocks.length && (scored < MAX_SCORED || !readerable); i++) {
    let p: Element | null = blocks[i]!;
    if (p.localName === "br") {
      // a div of text broken by br counts once, as a paragraph
      p = p.parentElement;
      if (!p || p === lastBrokenDiv) continue;
      lastBrokenDiv = p;
    }
    const text = p.textContent ?? "";
    const length = text.trim().length;
    if (length < MIN_PARAGRAPH) continue;
    if (!readerable && length >= READERABLE_MIN_LENGTH && countsForReader(p)) {
      readerScore += Math.sqrt(length - READERABLE_MIN_LENGTH);
      readerable = readerScore > READERABLE_MIN_SCORE;
    }
    if (scored >= MAX_SCORED || p.localName === "article" || p.closest(NOT_ARTICLE)) continue;
    scored++;
    const score = 1 + commas(text) + Math.min(Math.floor(length / 100), 3);
    let el = p.parentElement;
    for (let level = 0; el && el !== doc.documentElement && level < 3; level++, el = el.parentElement) {
      scores.set(el, (scores.get(el) ?? 0) + score / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  }
  if (!readerable) return { readerable, container: null };
  const finalists = [...scores].sort((a, b) => b[1] - a[1]).slice(0, FINALISTS);
  let container: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, score] of finalists) {
    const weight = classWeight(namesOf(el));
    // link density only scales down: a finalist that cannot win even without links is not read
    if (score + weight <= bestScore) continue;
    const weighed = (score + weight) * (1 - linkDensity(el));
    if (weighed > bestScore) {
      bestScore = weighed;
      container = el;
    }
  }
  return { readerable, container };
}

/**
 * The scored container often holds only the body paragraphs; the title, dateline and lead sit
 * beside them in the real article element. Widen to the nearest ancestor holding the page's title,
 * as long as that adds no more than a title, lead and captions would. The ancestor's walk takes
 * the core's text as read, so a long article is walked once.
 */
function* widenToTitle(core: Read, title: Element | undefined, sliceMs: number, now: () => number): Generator<void, Read> {
  const doc = core.element.ownerDocument;
  if (!title || core.element.contains(title)) return core;
  let el = core.element.parentElement;
  for (let steps = 0; el && el !== doc.body && steps < 4; el = el.parentElement, steps++) {
    if (!el.contains(title)) continue;
    const text = yield* collectSteps(new TextCollector(el, { known: core, now }), sliceMs, now);
    const letters = textLength(text);
    return letters <= 1.6 * core.letters + 400 ? { element: el, text, letters } : core;
  }
  return core;
}

/** An element read: its text, and the letters in it (textLength). */
interface Read {
  element: Element;
  text: TextMap;
  letters: number;
}

function publishedDateOf(doc: Document): string | undefined {
  const meta = (selector: string) => doc.head?.querySelector(selector)?.getAttribute("content");
  const candidates = [
    () => meta('meta[property="article:published_time"]'),
    () => meta('meta[itemprop="datePublished"]') ?? doc.querySelector('[itemprop="datePublished"]')?.getAttribute("content"),
    () => meta('meta[name="pubdate"]'),
    () => doc.querySelector("time[datetime]")?.getAttribute("datetime"),
    () => jsonLdDate(doc),
  ];
  for (const candidate of candidates) {
    const m = candidate()?.match(/^(\d{4})-(\d{2})-(\d{2})/);
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return undefined;
}

/** datePublished from the page's JSON-LD (schema.org NewsArticle), as Readability reads it. */
function jsonLdDate(doc: Document): string | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const m = script.textContent?.match(/"datePublished"\s*:\s*"([^"]+)"/);
    if (m) return m[1];
  }
  return undefined;
}

/** The page's own heading: its first h1 outside the site's header, menus, footer and sidebars. */
function pageHeading(doc: Document): Element | undefined {
  return Array.from(doc.getElementsByTagName("h1")).find((h) => !h.closest("header,nav,footer,aside"));
}

function titleOf(doc: Document, container: Element, heading: Element | undefined): string {
  const title = container.querySelector("h1") ?? heading;
  return title?.textContent?.replace(/\s+/g, " ").trim() || doc.title;
}

/**
 * The article body of a page, or null for pages that are not a single article (home pages,
 * listings, forms). Works on any Document (a live page, or one parsed for the CLI and tests).
 */
export function findArticleBody(doc: Document, minLength = 500): ArticleBody | null {
  const steps = findArticleSteps(doc, { minLength });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface FindOptions {
  /** Fewer letters than this: not an article. */
  minLength?: number;
  /** The work comes in slices of about this many ms (the generator yields between them); Infinity: one. */
  sliceMs?: number;
  now?: () => number;
}

/**
 * findArticleBody in slices: the generator yields between slices of about `sliceMs`, so that the
 * content script lets the page paint while it reads an article of megabytes.
 */
export function* findArticleSteps(doc: Document, { minLength = 500, sliceMs = Infinity, now = () => performance.now() }: FindOptions = {}): Generator<void, ArticleBody | null> {
  if (!doc.body) return null;
  const core = scanParagraphs(doc).container;
  if (!core) return null;
  const coreText = yield* collectSteps(new TextCollector(core, { now }), sliceMs, now);
  const heading = pageHeading(doc);
  const { element: container, text, letters } = yield* widenToTitle({ element: core, text: coreText, letters: textLength(coreText) }, heading, sliceMs, now);
  if (letters < minLength) return null;
  return { container, text, title: titleOf(doc, container, heading), publishedDate: publishedDateOf(doc) };
}

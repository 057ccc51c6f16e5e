// Finds the article body of a live page without touching it: Readability runs on a clone, and
// the clone's text nodes are mapped back to the live ones they were copied from.
import { Readability, isProbablyReaderable } from "@mozilla/readability";

export interface ArticleBody {
  /** The live element that holds the article. */
  container: Element;
  /** The live text nodes of the article body, in document order, furniture left out. */
  textNodes: Text[];
  title: string;
  /** ISO date (yyyy-mm-dd) of publication when the page states it. */
  publishedDate?: string;
}

/** Elements whose text is never article text, even inside the article container. */
const SKIP_SELECTOR =
  "script,style,noscript,template,textarea,input,select,button,nav,footer,aside,form,[contenteditable]:not([contenteditable='false']),[aria-hidden='true'],[hidden]";

/** Class or id words real portals give their furniture (related lists, share bars, comments …). */
const FURNITURE_HINT =
  /(?:^|[\s_-])(?:related|relate|other-?news|tin-?khac|tin-?lien-?quan|lien-?quan|share|sharing|social|tags?|keywords?|comments?|binh-?luan|breadcrumbs?|menu|navigation|pagination|pager|banner|marquee|advert|ads|sidebar|widget|read-?more|doc-?them|xem-?them|most-?read|doc-?nhieu|toolbar|follow|subscribe|rating|poll|cookie)(?:$|[\s_-])/i;

const VIETNAMESE_MARKS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;

/** True when the page is written in Vietnamese: its declared language, else its letters. */
export function isVietnamese(doc: Document, sample = doc.body?.textContent ?? ""): boolean {
  const lang = (doc.documentElement.getAttribute("lang") ?? "").toLowerCase();
  if (lang) return lang === "vi" || lang.startsWith("vi-");
  const text = sample.slice(0, 20_000);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const marks = text.match(VIETNAMESE_MARKS)?.length ?? 0;
  return letters > 200 && marks / letters > 0.05;
}

function textNodesOf(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Pairs each text node of a fresh clone with the live node it was copied from. */
function pairTextNodes(live: Document, clone: Document): Map<Text, Text> {
  const a = textNodesOf(live.documentElement);
  const b = textNodesOf(clone.documentElement);
  const map = new Map<Text, Text>();
  if (a.length !== b.length) return map;
  for (let i = 0; i < a.length; i++) map.set(b[i]!, a[i]!);
  return map;
}

/** Decides, with a cache, which elements are furniture: skipped tags, furniture names, link lists. */
export class FurnitureCheck {
  /** Each element's text is read once: a link list's verdict costs the size of its subtree. */
  private readonly linkLists = new Map<Element, boolean>();
  private readonly named = new Map<Element, boolean>();

  /** True when the node sits in furniture below `boundary` (the boundary itself is not judged). */
  covers(node: Text, boundary: Element, useNames: boolean): boolean {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP_SELECTOR)) return true;
    for (let el: Element | null = parent; el && el !== boundary; el = el.parentElement) {
      if (this.isLinkList(el) || (useNames && this.hasFurnitureName(el))) return true;
    }
    return false;
  }

  private isLinkList(el: Element): boolean {
    let verdict = this.linkLists.get(el);
    if (verdict === undefined) {
      verdict = isLinkList(el);
      this.linkLists.set(el, verdict);
    }
    return verdict;
  }

  private hasFurnitureName(el: Element): boolean {
    let verdict = this.named.get(el);
    if (verdict === undefined) {
      verdict = FURNITURE_HINT.test(`${el.getAttribute("class") ?? ""} ${el.id}`);
      this.named.set(el, verdict);
    }
    return verdict;
  }
}

/** A block whose text is mostly links: a related-article list, a menu, a tag cloud. */
function isLinkList(el: Element): boolean {
  if (!/^(UL|OL|SECTION|DIV|TABLE|DL)$/.test(el.tagName.toUpperCase())) return false;
  const total = fold(el.textContent ?? "").length;
  if (total < 30) return false;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll("a"))) linked += fold(a.textContent ?? "").length;
  return linked / total > 0.5;
}

/** The deepest element that holds at least `share` of the nodes' text. */
function containerOf(nodes: readonly Text[], share: number): Element | null {
  const held = new Map<Element, number>();
  let total = 0;
  for (const n of nodes) {
    const len = n.data.trim().length;
    total += len;
    for (let el = n.parentElement; el; el = el.parentElement) held.set(el, (held.get(el) ?? 0) + len);
  }
  let best: Element | null = null;
  let bestDepth = -1;
  for (const [el, len] of held) {
    if (len < share * total) continue;
    let depth = 0;
    for (let p = el.parentElement; p; p = p.parentElement) depth++;
    if (depth > bestDepth) {
      best = el;
      bestDepth = depth;
    }
  }
  return best;
}

const fold = (s: string) => s.replace(/\s+/g, " ").trim();

function publishedDateOf(doc: Document, readabilityDate?: string | null): string | undefined {
  const candidates = [
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute("content"),
    doc.querySelector('meta[itemprop="datePublished"]')?.getAttribute("content"),
    doc.querySelector('meta[name="pubdate"]')?.getAttribute("content"),
    doc.querySelector("time[datetime]")?.getAttribute("datetime"),
    readabilityDate,
  ];
  for (const c of candidates) {
    const m = c?.match(/^(\d{4})-(\d{2})-(\d{2})/);
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return undefined;
}

/** The article's text nodes under a container, furniture left out (also for content that arrives later). */
export function articleTextNodes(container: Element, furniture = new FurnitureCheck()): Text[] {
  return textNodesOf(container).filter((n) => n.data.trim() !== "" && !furniture.covers(n, container, true));
}

/**
 * Readability often keeps only the body paragraphs; the title, dateline and lead sit beside them
 * in the real article element. Widen to the nearest ancestor holding the page's title, as long as
 * that adds no more than a title, lead and captions would.
 */
function widenToTitle(core: Element, furniture: FurnitureCheck): Element {
  const doc = core.ownerDocument;
  const title = Array.from(doc.querySelectorAll("h1")).find((h) => !h.closest("header,nav,footer,aside"));
  if (!title || core.contains(title)) return core;
  const length = (el: Element) => articleTextNodes(el, furniture).reduce((sum, n) => sum + n.data.trim().length, 0);
  const base = length(core);
  let el = core.parentElement;
  for (let steps = 0; el && el !== doc.body && steps < 4; el = el.parentElement, steps++) {
    if (el.contains(title)) return length(el) <= 1.6 * base + 400 ? el : core;
  }
  return core;
}

/** Past this much text, Readability (a clone and several passes in one task) would hold the page. */
const LARGE_PAGE_CHARS = 150_000;

/**
 * A very long page's article in one cheap pass: the element whose paragraphs hold the most text
 * (Readability's own scoring idea, without its clone), widened to the title, furniture left out.
 */
function findLargeArticle(doc: Document): ArticleBody | null {
  const held = new Map<Element, number>();
  for (const p of Array.from(doc.body.querySelectorAll("p"))) {
    const length = p.textContent?.trim().length ?? 0;
    if (length < 25 || p.closest("nav,footer,aside,header,form")) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    held.set(parent, (held.get(parent) ?? 0) + length);
    const grand = parent.parentElement;
    if (grand && grand !== doc.body) held.set(grand, (held.get(grand) ?? 0) + length / 2);
  }
  let core: Element | null = null;
  let best = 0;
  for (const [el, score] of held) {
    if (score > best) {
      best = score;
      core = el;
    }
  }
  if (!core) return null;
  const furniture = new FurnitureCheck();
  const container = widenToTitle(core, furniture);
  const textNodes = articleTextNodes(container, furniture);
  if (textNodes.length === 0) return null;
  const title = container.querySelector("h1")?.textContent?.trim() || doc.title;
  return { container, textNodes, title, publishedDate: publishedDateOf(doc) };
}

/**
 * The article body of a page, or null for pages that are not a single article (home pages,
 * listings, forms). Readability proposes the article; its text nodes, mapped back to the live
 * page, locate the container; furniture inside the container is left out. Works on any Document
 * (a live page, or one parsed in tests).
 */
export function findArticleBody(doc: Document, minLength = 500): ArticleBody | null {
  if (!doc.body) return null;
  if ((doc.body.textContent?.length ?? 0) > LARGE_PAGE_CHARS) return findLargeArticle(doc);
  if (!isProbablyReaderable(doc, { minContentLength: 140, minScore: 20 })) return null;
  const clone = doc.cloneNode(true) as Document;
  const pairs = pairTextNodes(doc, clone);
  const result = new Readability<Element>(clone, { serializer: (el) => el as Element, charThreshold: minLength }).parse();
  if (!result?.content || (result.length ?? 0) < minLength) return null;

  const furniture = new FurnitureCheck();
  const body = doc.body;
  let picked = textNodesOf(result.content)
    .map((n) => pairs.get(n))
    .filter((n): n is Text => n !== undefined && n.isConnected && n.data.trim() !== "" && !furniture.covers(n, body, false));
  const pickedLength = picked.reduce((sum, n) => sum + n.data.trim().length, 0);
  if (pickedLength < 0.5 * (result.length ?? 0)) {
    // Readability re-parsed its clone (a retry), so nodes are new: match blocks by their text.
    const blocks = new Set(
      Array.from(result.content.querySelectorAll("p,li,h2,h3,h4,blockquote,figcaption,td"))
        .map((el) => fold(el.textContent ?? ""))
        .filter((t) => t.length > 0),
    );
    picked = textNodesOf(body).filter((n) => {
      const block = n.parentElement?.closest("p,li,h2,h3,h4,blockquote,figcaption,td");
      return !!block && blocks.has(fold(block.textContent ?? "")) && !furniture.covers(n, body, false);
    });
  }
  const core = containerOf(picked, 0.9);
  if (!core) return null;
  const container = widenToTitle(core, furniture);
  const textNodes = articleTextNodes(container, furniture);
  if (textNodes.length === 0) return null;
  return {
    container,
    textNodes,
    title: result.title ?? doc.title,
    publishedDate: publishedDateOf(doc, result.publishedTime),
  };
}

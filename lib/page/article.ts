// Finds the article body of a live page without touching it: Readability runs on a clone, and
// the clone's text nodes are mapped back to the live ones they were copied from.
import { Readability, isProbablyReaderable } from "@mozilla/readability";

export interface ArticleBody {
  /** The live text nodes of the article body, in document order. */
  textNodes: Text[];
  title: string;
  /** ISO date (yyyy-mm-dd) of publication when the page states it. */
  publishedDate?: string;
}

/** Elements whose text is never article text, even inside the article container. */
const SKIP_SELECTOR =
  "script,style,noscript,template,textarea,input,select,button,nav,footer,aside,form,[contenteditable],[contenteditable=''],[aria-hidden='true'],[hidden]";

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

function isSkipped(node: Text): boolean {
  const parent = node.parentElement;
  return !parent || parent.closest(SKIP_SELECTOR) !== null;
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

/**
 * The article body of a page, or null for pages that are not a single article (home pages,
 * listings, forms). Works on any Document (a live page, or one parsed in tests).
 */
export function findArticleBody(doc: Document, minLength = 500): ArticleBody | null {
  if (!doc.body) return null;
  if (!isProbablyReaderable(doc, { minContentLength: 140, minScore: 20 })) return null;
  const clone = doc.cloneNode(true) as Document;
  const pairs = pairTextNodes(doc, clone);
  const result = new Readability<Element>(clone, { serializer: (el) => el as Element, charThreshold: minLength }).parse();
  if (!result?.content || (result.length ?? 0) < minLength) return null;

  const picked = textNodesOf(result.content)
    .map((n) => pairs.get(n))
    .filter((n): n is Text => n !== undefined && n.isConnected);

  let textNodes: Text[];
  const pickedLength = picked.reduce((sum, n) => sum + n.data.length, 0);
  if (pickedLength >= 0.8 * (result.textContent?.length ?? 0)) {
    const pickedSet = new Set(picked);
    // back in live document order, furniture inside the container left out
    textNodes = textNodesOf(doc.body).filter((n) => pickedSet.has(n) && !isSkipped(n));
  } else {
    // Readability re-parsed its clone (a retry), so nodes are new: match blocks by their text.
    const blocks = new Set(
      Array.from(result.content.querySelectorAll("p,li,h2,h3,h4,blockquote,figcaption,td,div"))
        .map((el) => fold(el.textContent ?? ""))
        .filter((t) => t.length > 0),
    );
    textNodes = textNodesOf(doc.body).filter((n) => {
      if (isSkipped(n) || !n.data.trim()) return false;
      const block = n.parentElement?.closest("p,li,h2,h3,h4,blockquote,figcaption,td,div");
      return block !== null && block !== undefined && blocks.has(fold(block.textContent ?? ""));
    });
  }
  if (textNodes.length === 0) return null;
  return {
    textNodes,
    title: result.title ?? doc.title,
    publishedDate: publishedDateOf(doc, result.publishedTime),
  };
}

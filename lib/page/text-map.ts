// The article's text as one string for the rules, read from the live text nodes, and the way back
// from string offsets to Ranges.
import { furnitureName, namesOf } from "./names";

/** Elements that start a new block of text: a blank line separates their text from what precedes. */
const BLOCK_TAGS = new Set(
  "p,li,h1,h2,h3,h4,h5,h6,div,blockquote,figcaption,figure,td,th,article,section,dd,dt,pre,header,table,tr".split(","),
);
const BLOCK = [...BLOCK_TAGS].join(",");

/** Elements whose text is never article text, even inside the article container. */
const SKIP_TAGS = new Set("script,style,noscript,template,textarea,input,select,button,nav,footer,aside,form,svg,iframe,object".split(","));

/** Blocks that are furniture when most of their text is links: a related list, a menu, a tag cloud. */
const LINK_LIST_TAGS = new Set(["ul", "ol", "section", "div", "table", "dl"]);
/** Below this many letters a block is too short to judge as a link list. */
const LINK_LIST_MIN = 30;
/** Deeper than this the walk stops (a hostile page can nest without end; parsers stop at 512). */
const MAX_DEPTH = 600;

export interface TextSegment {
  node: Text;
  /** Offsets of this node's data inside TextMap.text. */
  start: number;
  end: number;
}

export interface TextMap {
  text: string;
  segments: TextSegment[];
}

/** True when an element and everything in it is never article text: hidden, editable, a form, a menu … */
function isSkipped(el: Element, judgeNames: boolean): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  // most elements of an article carry no attributes: nothing more to read then
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true") return true;
  const editable = el.getAttribute("contenteditable");
  if (editable !== null && editable !== "false") return true;
  return judgeNames && furnitureName(namesOf(el));
}

/**
 * The article's text under a container in one walk: text nodes in document order, a blank line
 * between nodes of different blocks (as a reader sees them), furniture inside left out (skipped
 * tags, hidden or editable parts, furniture class names, blocks that are mostly links). Nodes in
 * `seen` are left out too: late content is read as a batch of only its new nodes.
 */
export function collectArticleText(container: Element, seen?: { has(node: Text): boolean }): TextMap {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let lastBlock: Element | null | undefined;
  const aboveBlock = container.parentElement?.closest(BLOCK) ?? null;

  /** Walks an element's children; returns the letters it holds and how many of them are in links. */
  const walk = (el: Element, block: Element | null, inLink: boolean, depth: number): [number, number] => {
    let letters = 0;
    let linked = 0;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const node = child as Text;
        const data = node.data;
        const count = data.trim().length;
        if (count === 0) continue;
        letters += count;
        if (inLink) linked += count;
        if (seen?.has(node)) continue;
        if (segments.length > 0 && block !== lastBlock) {
          parts.push("\n\n");
          length += 2;
        }
        lastBlock = block;
        segments.push({ node, start: length, end: length + data.length });
        parts.push(data);
        length += data.length;
      } else if (child.nodeType === 1 && depth < MAX_DEPTH) {
        const element = child as Element;
        if (isSkipped(element, true)) continue;
        const name = element.localName;
        const mark = { segments: segments.length, parts: parts.length, length, lastBlock };
        const [l, k] = walk(element, BLOCK_TAGS.has(name) ? element : block, inLink || name === "a", depth + 1);
        if (LINK_LIST_TAGS.has(name) && l >= LINK_LIST_MIN && k / l > 0.5) {
          // a link list: take back what it added
          segments.length = mark.segments;
          parts.length = mark.parts;
          length = mark.length;
          lastBlock = mark.lastBlock;
          continue;
        }
        letters += l;
        linked += k;
      }
    }
    return [letters, linked];
  };

  // the container itself is judged by tag and visibility only: its own name picked it
  if (!isSkipped(container, false) && !container.parentElement?.closest("script,style,noscript,template,textarea,[hidden],[aria-hidden='true']")) {
    walk(container, BLOCK_TAGS.has(container.localName) ? container : aboveBlock, container.closest("a") !== null, 0);
  }
  return { text: parts.join(""), segments };
}

/**
 * text.slice(from) cut into [start, end) parts for the background: the first at most `first`
 * characters long, the others at most `rest`, each cut at the last blank line (between blocks)
 * before its limit when there is one, so no sentence is split.
 */
export function partsOf(text: string, from: number, first: number, rest: number): [number, number][] {
  const parts: [number, number][] = [];
  for (let start = from, most = first; start < text.length; most = rest) {
    let end = Math.min(text.length, start + Math.max(1, most));
    if (end < text.length) {
      const cut = text.lastIndexOf("\n\n", end);
      if (cut > start) end = cut;
    }
    parts.push([start, end]);
    start = end;
  }
  return parts;
}

/** The index of the last segment starting at or before `at` (0 when none does). */
export function segmentIndex(map: TextMap, at: number): number {
  const s = map.segments;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A live Range over [start, end) of the joined text, or null when it holds no text or the nodes have gone. */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const segs = map.segments;
  if (segs.length === 0 || end <= start) return null;
  // a start at the very end of a node, or in a separator, begins at the next node
  let i = segmentIndex(map, start);
  let startOffset = start - segs[i]!.start;
  if (startOffset >= segs[i]!.node.data.length && i + 1 < segs.length) {
    i++;
    startOffset = 0;
  }
  // an end at the very start of a node, or in a separator, stops at the previous node
  let j = segmentIndex(map, end);
  let endOffset = end - segs[j]!.start;
  if (endOffset <= 0 && j > 0) {
    j--;
    endOffset = segs[j]!.node.data.length;
  }
  if (j < i || (i === j && endOffset <= startOffset)) return null;
  const a = segs[i]!.node;
  const b = segs[j]!.node;
  if (!a.isConnected || !b.isConnected) return null;
  const range = a.ownerDocument.createRange();
  range.setStart(a, Math.min(startOffset, a.data.length));
  range.setEnd(b, Math.min(endOffset, b.data.length));
  return range.collapsed ? null : range;
}

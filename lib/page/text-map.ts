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

/** What a link-list block has added, to take back once its letters show it is one. */
interface Mark {
  segments: number;
  parts: number;
  length: number;
  lastBlock: Element | null | undefined;
}

/** An element being walked: its next child, and the letters (and linked letters) under it so far. */
interface Frame {
  el: Element;
  next: ChildNode | null;
  block: Element | null;
  inLink: boolean;
  depth: number;
  letters: number;
  linked: number;
  /** Set for a block that may turn out to be a link list. */
  mark: Mark | null;
}

export interface CollectOptions {
  /** Nodes left out: late content is read as a batch of only its new nodes. */
  seen?: { has(node: Text): boolean };
  /** An element inside the container whose text (and its letters, textLength) is known already: taken as it is, not walked again. */
  known?: { element: Element; text: TextMap; letters: number };
  now?: () => number;
}

/** How many nodes are walked between two looks at the clock. */
const CLOCK_EVERY = 256;

/**
 * The article's text under a container: text nodes in document order, a blank line between nodes
 * of different blocks (as a reader sees them), furniture inside left out (skipped tags, hidden or
 * editable parts, furniture class names, blocks that are mostly links). The walk can stop and go
 * on (`step`), so that a page of megabytes is read in slices between which the page paints.
 */
export class TextCollector {
  private readonly parts: string[] = [];
  private readonly segments: TextSegment[] = [];
  private length = 0;
  private lastBlock: Element | null | undefined;
  private readonly stack: Frame[] = [];
  private readonly seen: CollectOptions["seen"];
  private readonly known: CollectOptions["known"];
  private readonly now: () => number;

  constructor(container: Element, options: CollectOptions = {}) {
    this.seen = options.seen;
    this.known = options.known;
    this.now = options.now ?? (() => performance.now());
    // the container itself is judged by tag and visibility only: its own name picked it
    if (isSkipped(container, false) || container.parentElement?.closest("script,style,noscript,template,textarea,[hidden],[aria-hidden='true']")) return;
    const block = BLOCK_TAGS.has(container.localName) ? container : (container.parentElement?.closest(BLOCK) ?? null);
    this.stack.push({ el: container, next: container.firstChild, block, inLink: container.closest("a") !== null, depth: 0, letters: 0, linked: 0, mark: null });
  }

  /** Walks on; true once the whole container is read, false when `deadline` (on `now`) came first. */
  step(deadline = Infinity): boolean {
    const stack = this.stack;
    let count = 0;
    while (stack.length > 0) {
      if (++count % CLOCK_EVERY === 0 && this.now() > deadline) return false;
      const frame = stack[stack.length - 1]!;
      const child = frame.next;
      if (!child) {
        stack.pop();
        this.close(frame, stack[stack.length - 1]);
        continue;
      }
      frame.next = child.nextSibling;
      if (child.nodeType === 3) this.addText(child as Text, frame);
      else if (child.nodeType === 1 && frame.depth < MAX_DEPTH) this.open(child as Element, frame);
    }
    return true;
  }

  get result(): TextMap {
    return { text: this.parts.join(""), segments: this.segments };
  }

  private addText(node: Text, frame: Frame): void {
    const data = node.data;
    const count = data.trim().length;
    if (count === 0) return;
    frame.letters += count;
    if (frame.inLink) frame.linked += count;
    if (this.seen?.has(node)) return;
    this.separate(frame.block);
    this.segments.push({ node, start: this.length, end: this.length + data.length });
    this.parts.push(data);
    this.length += data.length;
  }

  private separate(block: Element | null): void {
    if (this.segments.length > 0 && block !== this.lastBlock) {
      this.parts.push("\n\n");
      this.length += 2;
    }
    this.lastBlock = block;
  }

  private open(element: Element, parent: Frame): void {
    if (isSkipped(element, true)) return;
    if (element === this.known?.element) return this.addKnown(this.known, parent);
    const name = element.localName;
    const mark = LINK_LIST_TAGS.has(name) ? { segments: this.segments.length, parts: this.parts.length, length: this.length, lastBlock: this.lastBlock } : null;
    const block = BLOCK_TAGS.has(name) ? element : parent.block;
    this.stack.push({ el: element, next: element.firstChild, block, inLink: parent.inLink || name === "a", depth: parent.depth + 1, letters: 0, linked: 0, mark });
  }

  /** An element read before (the article's core, when the article is widened to its title): its text, shifted. */
  private addKnown({ element, text, letters }: NonNullable<CollectOptions["known"]>, parent: Frame): void {
    if (text.segments.length === 0) return;
    // the core holds paragraphs: a block of its own
    this.separate(element);
    const offset = this.length;
    for (const seg of text.segments) this.segments.push({ node: seg.node, start: seg.start + offset, end: seg.end + offset });
    this.parts.push(text.text);
    this.length += text.text.length;
    parent.letters += letters;
  }

  /** An element fully walked: a link list takes back what it added; anything else counts in its parent. */
  private close(frame: Frame, parent: Frame | undefined): void {
    if (!parent) return;
    const { mark, letters, linked } = frame;
    if (mark && letters >= LINK_LIST_MIN && linked / letters > 0.5) {
      this.segments.length = mark.segments;
      this.parts.length = mark.parts;
      this.length = mark.length;
      this.lastBlock = mark.lastBlock;
      return;
    }
    parent.letters += letters;
    parent.linked += linked;
  }
}

/** The letters of a text map (its nodes' text, trimmed), as the walk counts them. */
export const textLength = (map: TextMap) => map.segments.reduce((sum, s) => sum + s.node.data.trim().length, 0);

/** A collector's walk as a generator that yields between slices of about `sliceMs` (Infinity: one slice). */
export function* collectSteps(collector: TextCollector, sliceMs: number, now = () => performance.now()): Generator<void, TextMap> {
  while (!collector.step(now() + sliceMs)) yield;
  return collector.result;
}

/** The article's text under a container in one go (TextCollector, not sliced). */
export function collectArticleText(container: Element, seen?: { has(node: Text): boolean }): TextMap {
  const collector = new TextCollector(container, { seen });
  collector.step();
  return collector.result;
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

/** Where [start, end) of the joined text lies in the page: text nodes and offsets in them. */
export interface Bounds {
  start: Text;
  startOffset: number;
  end: Text;
  endOffset: number;
}

/** The nodes and offsets of [start, end) of the joined text, or null when it holds no text or the nodes have gone. */
export function boundsFor(map: TextMap, start: number, end: number): Bounds | null {
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
  startOffset = Math.min(startOffset, a.data.length);
  endOffset = Math.min(endOffset, b.data.length);
  if (a === b && endOffset <= startOffset) return null;
  return { start: a, startOffset, end: b, endOffset };
}

/** A live Range over bounds (offsets kept within nodes whose text may have shrunk since). */
export function rangeOf(bounds: Bounds): Range {
  const range = bounds.start.ownerDocument.createRange();
  range.setStart(bounds.start, Math.min(bounds.startOffset, bounds.start.data.length));
  range.setEnd(bounds.end, Math.min(bounds.endOffset, bounds.end.data.length));
  return range;
}

/** A live Range over [start, end) of the joined text, or null when it holds no text or the nodes have gone. */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const bounds = boundsFor(map, start, end);
  if (!bounds) return null;
  const range = rangeOf(bounds);
  return range.collapsed ? null : range;
}

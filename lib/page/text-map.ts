// One string for the rules from many text nodes, and the way back from string offsets to Ranges.

const BLOCK = "p,li,h1,h2,h3,h4,h5,h6,div,blockquote,figcaption,figure,td,th,article,section,dd,dt,pre,header,table,tr";

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

/** Joins text nodes; a blank line separates nodes of different blocks, as a reader sees them. */
export function buildTextMap(nodes: readonly Text[]): TextMap {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let lastBlock: Element | null | undefined;
  for (const node of nodes) {
    const block = node.parentElement?.closest(BLOCK) ?? null;
    if (segments.length > 0 && block !== lastBlock) {
      parts.push("\n\n");
      length += 2;
    }
    lastBlock = block;
    segments.push({ node, start: length, end: length + node.data.length });
    parts.push(node.data);
    length += node.data.length;
  }
  return { text: parts.join(""), segments };
}

/** The index of the last segment starting at or before `at` (0 when none does). */
function segmentIndex(map: TextMap, at: number): number {
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

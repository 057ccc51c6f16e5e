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

/** The segment that holds offset `at` (the first one starting at or before it). */
function segmentAt(map: TextMap, at: number, preferNext: boolean): TextSegment | undefined {
  const s = map.segments;
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = s[mid]!;
    if (at < seg.start) hi = mid - 1;
    else if (at > seg.end || (at === seg.end && preferNext && mid + 1 < s.length && s[mid + 1]!.start === at)) lo = mid + 1;
    else return seg;
  }
  // in a separator: snap forward for a start, backward for an end
  return preferNext ? s[lo] : s[hi];
}

/** A live Range over [start, end) of the joined text, or null when the nodes have gone. */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const a = segmentAt(map, start, true);
  const b = segmentAt(map, end, false);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return null;
  const doc = a.node.ownerDocument;
  const range = doc.createRange();
  range.setStart(a.node, Math.max(0, Math.min(start - a.start, a.node.data.length)));
  range.setEnd(b.node, Math.max(0, Math.min(end - b.start, b.node.data.length)));
  return range.collapsed ? null : range;
}

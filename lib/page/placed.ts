// Annotations placed on the live page: each with the text nodes and offsets it covers, found again
// by the text node under the pointer (hover) or by document order (keyboard), however many batches
// placed them.
import type { Annotation } from "../extract/types";
import { boundsFor, rangeOf, segmentIndex, type Bounds, type TextMap } from "./text-map";

/**
 * An annotation on the page. The highlight registry gets a StaticRange for it: the browser keeps
 * every live Range up to date on each DOM change of the page, so thousands of them made each
 * change of a page cost hundreds of µs (and live on until garbage collected). A live Range is
 * made anew for the few uses that need one (measuring, comparing, the card).
 */
export class Placed {
  private registered: AbstractRange | null = null;

  constructor(
    readonly annotation: Annotation,
    /** Stable within a page load: identifies the annotation in messages and the card. */
    readonly id: string,
    private readonly bounds: Bounds,
  ) {}

  /** A new live Range over it. */
  get range(): Range {
    return rangeOf(this.bounds);
  }

  /** The range to register in a Highlight: a StaticRange where the browser has them, made once (until `release`). */
  get highlightRange(): AbstractRange {
    return (this.registered ??= staticRangeOf(this.bounds));
  }

  /** Drops its highlight range (made again when next needed): one far from the reader of a page of tens of thousands. */
  release(): void {
    this.registered = null;
  }
}

/** A StaticRange over bounds, or a live Range where there is no StaticRange. */
export function staticRangeOf(bounds: Bounds): AbstractRange {
  if (typeof StaticRange !== "function") return rangeOf(bounds);
  const { start, startOffset, end, endOffset } = bounds;
  return new StaticRange({ startContainer: start, startOffset, endContainer: end, endOffset });
}

const START_TO_START = 0; // Range.START_TO_START, without needing the global in tests

/**
 * True when the placement starts at or before `range`. One whose text node has left the page (a
 * ticking counter's old value) has a range outside the document, which the browser will not
 * compare: it counts as before.
 */
function startsAtOrBefore(p: Placed, range: Range): boolean {
  try {
    return p.range.compareBoundaryPoints(START_TO_START, range) <= 0;
  } catch {
    return true;
  }
}

export class PlacedAnnotations {
  /** In document order. */
  readonly items: Placed[] = [];
  private readonly byNode = new Map<Text, Placed[]>();
  private readonly byId = new Map<string, Placed>();
  private counter = 0;

  /**
   * Places annotations found in one text map (sorted by start, as the rules give them); returns
   * the new placements. `inDocumentOrder`: they follow every placement so far in the page (the
   * first batch, chunk after chunk); later batches (late content may come anywhere in the page)
   * are sorted in by comparing ranges.
   */
  place(map: TextMap, annotations: readonly Annotation[], inDocumentOrder = this.items.length === 0): Placed[] {
    const added: Placed[] = [];
    const segments = map.segments;
    for (const annotation of annotations) {
      const bounds = boundsFor(map, annotation.start, annotation.end);
      if (!bounds) continue;
      const placed = new Placed(annotation, `a${++this.counter}`, bounds);
      for (let i = segmentIndex(map, annotation.start); i < segments.length && segments[i]!.start < annotation.end; i++) {
        const seg = segments[i]!;
        if (seg.end <= annotation.start) continue;
        const list = this.byNode.get(seg.node);
        if (list) list.push(placed);
        else this.byNode.set(seg.node, [placed]);
      }
      this.byId.set(placed.id, placed);
      if (inDocumentOrder) this.items.push(placed);
      else this.insertInOrder(placed);
      added.push(placed);
    }
    return added;
  }

  private insertInOrder(placed: Placed): void {
    const items = this.items;
    const last = items[items.length - 1];
    const range = placed.range;
    if (!last || startsAtOrBefore(last, range)) {
      items.push(placed);
      return;
    }
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (startsAtOrBefore(items[mid]!, range)) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, placed);
  }

  get(id: string): Placed | undefined {
    return this.byId.get(id);
  }

  /** True when this text node already carries placements (it was annotated before). */
  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** The annotations whose range holds the point, the shortest (most specific) first. */
  at(node: Node, offset: number): Placed[] {
    const list = this.byNode.get(node as Text);
    if (!list) return [];
    const ranges = new Map(list.map((p) => [p, p.range]));
    return list
      .filter((p) => {
        try {
          return ranges.get(p)!.isPointInRange(node, offset);
        } catch {
          return false;
        }
      })
      .sort((a, b) => ranges.get(a)!.toString().length - ranges.get(b)!.toString().length);
  }

  /** The next placement after `current` in document order (wrapping), or the first. */
  next(current?: Placed): Placed | undefined {
    if (this.items.length === 0) return undefined;
    if (!current) return this.items[0];
    const i = this.items.indexOf(current);
    return this.items[(i + 1) % this.items.length];
  }

  previous(current?: Placed): Placed | undefined {
    if (this.items.length === 0) return undefined;
    if (!current) return this.items[this.items.length - 1];
    const i = this.items.indexOf(current);
    return this.items[(i - 1 + this.items.length) % this.items.length];
  }

  clear(): void {
    this.items.length = 0;
    this.byNode.clear();
    this.byId.clear();
  }
}

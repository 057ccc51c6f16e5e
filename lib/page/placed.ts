// Annotations placed on the live page: each with its Range, found again by the text node under
// the pointer (hover) or by document order (keyboard), however many batches placed them.
import type { Annotation } from "../extract/types";
import { rangeFor, segmentIndex, type TextMap } from "./text-map";

export interface Placed {
  annotation: Annotation;
  range: Range;
  /** Stable within a page load: identifies the annotation in messages and the card. */
  id: string;
}

const START_TO_START = 0; // Range.START_TO_START, without needing the global in tests

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
      const range = rangeFor(map, annotation.start, annotation.end);
      if (!range) continue;
      const placed: Placed = { annotation, range, id: `a${++this.counter}` };
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
    if (!last || last.range.compareBoundaryPoints(START_TO_START, placed.range) <= 0) {
      items.push(placed);
      return;
    }
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.range.compareBoundaryPoints(START_TO_START, placed.range) <= 0) lo = mid + 1;
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
    return list
      .filter((p) => {
        try {
          return p.range.isPointInRange(node, offset);
        } catch {
          return false;
        }
      })
      .sort((a, b) => a.range.toString().length - b.range.toString().length);
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

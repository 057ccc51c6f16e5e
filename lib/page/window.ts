// Which highlights to register when a page has too many to register all. Chromium re-lays every
// registered highlight range in each frame after a change to a highlight or to the page's DOM
// (about 5 µs a range: 40,000 ranges make every such frame 200 ms long), so past a few thousand
// only those near the viewport are registered, and the window follows the reader's scrolling.

/** A box in viewport coordinates (what Range.getBoundingClientRect() gives). */
export interface Box {
  top: number;
  bottom: number;
}

export interface WindowLimits {
  viewportHeight: number;
  /** How far above and below the viewport to include, px. */
  margin: number;
  /** At most this many items, centred on the viewport's top. */
  max: number;
}

/**
 * The span [lo, hi) of items — in document order, whose boxes then run down the page — that lie
 * within `margin` of the viewport, found by binary search: O(log n) boxes read. Items out of
 * order (floats, columns) near the edges may fall just outside; the margin absorbs that.
 */
export function windowAround(count: number, box: (i: number) => Box, limits: WindowLimits): [number, number] {
  const { viewportHeight, margin, max } = limits;
  /** The first index for which `past` holds (`past` is false, then true, along the items). */
  const firstWhere = (past: (b: Box) => boolean): number => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (past(box(mid))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  let lo = firstWhere((b) => b.bottom >= -margin);
  let hi = firstWhere((b) => b.top > viewportHeight + margin);
  if (hi < lo) hi = lo;
  if (hi - lo > max) {
    // too many even so (a dense table): a quarter above the viewport's top, the rest below
    const top = Math.min(Math.max(firstWhere((b) => b.bottom >= 0), lo), hi);
    lo = Math.max(lo, top - Math.floor(max / 4));
    hi = Math.min(hi, lo + max);
  }
  return [lo, hi];
}

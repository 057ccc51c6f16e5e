import { describe, expect, it } from "vitest";
import { windowAround, type Box } from "./window";

/** n items 20 px tall (edges touching the margin count as inside),, one under the other, the page scrolled by `scrollY`. */
const column = (n: number, scrollY: number) => (i: number): Box => ({ top: i * 20 - scrollY, bottom: i * 20 + 20 - scrollY });
const limits = { viewportHeight: 100, margin: 100, max: 1000 };

describe("windowAround", () => {
  it.each([
    // [name, count, scrollY, limits, expected]
    ["the top of the page: the viewport and the margin below", 100, 0, limits, [0, 11]],
    ["scrolled: the margin above as well", 100, 400, limits, [14, 31]],
    ["the bottom of the page", 100, 1900, limits, [89, 100]],
    ["no items", 0, 0, limits, [0, 0]],
    ["scrolled past every item", 10, 5000, limits, [10, 10]],
    ["too many within reach: a quarter above the viewport's top", 100, 400, { ...limits, max: 8 }, [17, 25]],
    ["too many, at the top: from the first", 100, 0, { ...limits, max: 4 }, [0, 4]],
  ] as const)("%s", (_name, count, scrollY, l, expected) => {
    expect(windowAround(count, column(count, scrollY), l)).toEqual(expected);
  });

  it("reads O(log n) boxes", () => {
    let reads = 0;
    const box = column(100_000, 1_000_000);
    windowAround(100_000, (i) => (reads++, box(i)), limits);
    expect(reads).toBeLessThanOrEqual(3 * 18);
  });

  it("an empty box out of order (a hidden element) inside the window does not cut it", () => {
    const box = (i: number): Box => (i === 20 ? { top: 0, bottom: 0 } : column(100, 400)(i));
    expect(windowAround(100, box, limits)).toEqual([14, 31]);
  });
});

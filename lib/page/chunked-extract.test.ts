import { describe, expect, it } from "vitest";
import { extract } from "../extract/index";
import { chunkBounds, extractInChunks } from "./chunked-extract";

const PARAGRAPH = "Chiều 16/3, Thủ tướng Chính phủ Phạm Minh Chính yêu cầu triển khai Chỉ thị số 15-CT/TW, tăng 6,5%.";

describe("chunkBounds", () => {
  it.each([
    ["empty", "", 10, []],
    ["short text is one chunk", "abc", 10, [[0, 3]]],
    ["cuts after a paragraph break", "aaaa\n\nbbbb\n\ncccc", 8, [[0, 6], [6, 12], [12, 16]]],
    ["falls back to a line break", "aaaa\nbbbbbb", 8, [[0, 5], [5, 11]]],
    ["cuts hard when a paragraph is longer than a chunk", "abcdefghij", 4, [[0, 4], [4, 8], [8, 10]]],
  ])("%s", (_label, text, max, expected) => {
    const bounds = chunkBounds(text, max);
    expect(bounds).toEqual(expected);
  });
});

describe("extractInChunks", () => {
  it("finds in a long text what extract finds in each paragraph, with offsets into the whole", async () => {
    const text = Array.from({ length: 50 }, () => PARAGRAPH).join("\n\n");
    let yields = 0;
    const result = await extractInChunks(text, { maxChunk: 1000, yieldToPage: async () => void yields++ });
    expect(yields).toBeGreaterThan(3);
    const perParagraph = extract(PARAGRAPH).length;
    expect(result).toHaveLength(perParagraph * 50);
    for (const a of result) expect(text.slice(a.start, a.end)).toBe(a.text);
  });

  it("stops when aborted", async () => {
    const text = Array.from({ length: 50 }, () => PARAGRAPH).join("\n\n");
    const controller = new AbortController();
    const result = await extractInChunks(text, {
      maxChunk: 500,
      signal: controller.signal,
      yieldToPage: async () => controller.abort(),
    });
    expect(result.length).toBeLessThan(extract(text).length || 1);
  });
});

describe("extractInChunks with a time budget", () => {
  const text = Array.from({ length: 400 }, () => PARAGRAPH).join("\n\n");
  /** Runs with a clock on which every chunk takes 2.5 ms; returns how many chunks were made. */
  async function chunksWith(budgetMs: number) {
    let clock = 0;
    let chunks = 0;
    const result = await extractInChunks(text, {
      budgetMs,
      firstChunk: 4000,
      now: () => (clock += 2.5),
      onChunk: () => void chunks++,
      yieldToPage: async () => undefined,
    });
    expect(result.length).toBe(extract(PARAGRAPH).length * 400);
    return chunks;
  }

  it("grows chunks on a fast machine and shrinks them on a slow one, finding the same", async () => {
    const fast = await chunksWith(10); // 2.5 ms for 4,000 units: the next chunk may be 4× as big
    const slow = await chunksWith(1); // 2.5× too slow: down to the smallest chunks
    expect(fast).toBeLessThanOrEqual(4);
    expect(slow).toBeGreaterThan(15);
  });
});

// The whole extractor: offsets always map back to the input, bad input never throws, and
// adversarial input finishes (linear time: no rule may backtrack catastrophically).
import { describe, expect, it } from "vitest";
import { extract } from "./index";

const ARTICLE = [
  "Chiều 16/3, tại Trụ sở Chính phủ, Thủ tướng Chính phủ Phạm Minh Chính làm việc với các Đại sứ nhiệm kỳ 2023-2026.",
  "Thủ tướng yêu cầu các bộ, ngành triển khai hiệu quả Chỉ thị số 15-CT/TW của Ban Bí thư và Nghị quyết 59-NQ/TW, ngày 24/01/2025 của Bộ Chính trị.",
  "Năm 2023, kim ngạch đạt hơn 14 triệu USD, tăng 6,5%; gần 300 hoạt động xúc tiến được tổ chức.",
].join("\n\n");

function expectSpansMatch(input: string) {
  const annotations = extract(input);
  for (const a of annotations) {
    expect(a.start).toBeGreaterThanOrEqual(0);
    expect(a.end).toBeLessThanOrEqual(input.length);
    expect(a.end).toBeGreaterThan(a.start);
    expect(input.slice(a.start, a.end)).toBe(a.text);
  }
  return annotations;
}

describe("extract", () => {
  it("gives spans that are slices of the input, in order", () => {
    const annotations = expectSpansMatch(ARTICLE);
    const starts = annotations.map((a) => a.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });

  it("finds the same things in NFD, NBSP and zero-width variants of a text", () => {
    const key = (as: ReturnType<typeof extract>) => as.map((a) => `${a.kind}:${a.text.normalize("NFC").replace(/[\u00A0\u200B]/g, " ")}`);
    const base = key(extract(ARTICLE));
    expect(key(expectSpansMatch(ARTICLE.normalize("NFD")))).toEqual(base);
    expect(expectSpansMatch(ARTICLE.replace(/ /g, "\u00A0")).length).toBe(base.length);
    expect(expectSpansMatch(ARTICLE.replace(/Chỉ thị/g, "Chỉ\u200B thị")).length).toBe(base.length);
  });

  it.each([
    ["empty", ""],
    ["white space", " \n\t\u00A0"],
    ["binary junk", String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 65536))],
    ["lone surrogates", "\uD800\uDC00\uD800 Thủ tướng \uDFFF 16/3"],
    ["combining marks only", "\u0301".repeat(5000)],
    ["a non-string", 42 as unknown as string],
  ])("never throws on %s", (_label, input) => {
    expect(() => extract(input)).not.toThrow();
  });
});

describe("adversarial input finishes (linear time)", () => {
  const MB = 1_000_000;
  it.each([
    ["1 MB on one line of words", "Thủ tướng Chính phủ yêu cầu các bộ ".repeat(MB / 35)],
    ["capitalised words", "Nguyễn Văn A Bộ Trưởng Chủ Tịch ".repeat(MB / 32)],
    ["digits", "9".repeat(MB)],
    ["digits and dots", "1.2,3.".repeat(MB / 6)],
    ["slashes", "1/".repeat(MB / 2)],
    ["dashes", "-".repeat(MB)],
    ["document symbols", "Nghị quyết số 15-CT/TW/".repeat(MB / 24)],
    ["numbers and units", "hơn 200 cam kết ".repeat(MB / 16)],
    ["dates", "ngày 24/01/2025 ".repeat(MB / 16)],
    ["quotes and ellipses", "“…”...".repeat(MB / 6)],
    ["no spaces", "ThủtướngPhạmMinhChính".repeat(MB / 21)],
  ])("%s", (_label, input) => {
    const annotations = extract(input);
    expect(Array.isArray(annotations)).toBe(true);
  }, 60_000);
});

import { describe, expect, it } from "vitest";
import { normalizeText, toOriginalSpan, written } from "./text";

describe("normalizeText: the canonical text the rules see", () => {
  it.each([
    ["plain text is unchanged", "Thủ tướng Phạm Minh Chính", "Thủ tướng Phạm Minh Chính"],
    ["NFD composes", "Thủ tướng".normalize("NFD"), "Thủ tướng"],
    ["new tone placement moves to the old one", "hoà bình, Tỉnh uỷ viên, khoẻ", "hòa bình, Tỉnh ủy viên, khỏe"],
    ["capitals keep their case", "HOÀ BÌNH, Hoà, UỶ BAN", "HÒA BÌNH, Hòa, ỦY BAN"],
    ["a closed syllable keeps its mark", "hoàn thành, toán, khuyến", "hoàn thành, toán, khuyến"],
    ["qu is a consonant", "quý, Quỳ", "quý, Quỳ"],
    ["non-breaking and odd spaces become spaces", "ngày\u00A024/01\u202F2025\tx", "ngày 24/01 2025 x"],
    ["hyphen look-alikes become hyphens", "59\u2011NQ/TW 2023\u20102026", "59-NQ/TW 2023-2026"],
    ["en dashes stay", "2023–2026", "2023–2026"],
    ["Icelandic eth becomes Đ", "\u00D0ại hội", "Đại hội"],
    ["zero-width characters go", "Chỉ\u200B thị\uFEFF 15", "Chỉ thị 15"],
    ["NFD with old/new tone", "Hoà".normalize("NFD"), "Hòa"],
  ])("%s", (_label, input, expected) => {
    const nt = normalizeText(input);
    expect(nt.text).toBe(expected);
    expect(nt.lower).toHaveLength(nt.text.length);
  });

  it("lower-cases without changing length", () => {
    const nt = normalizeText("İstanbul ĐẠI HỘI");
    expect(nt.lower).toHaveLength(nt.text.length);
    expect(nt.lower.endsWith("đại hội")).toBe(true);
  });
});

describe("offsets map back to the input as it was read", () => {
  const cases: [string, string, string][] = [
    ["NFC", "Chiều 16/3, Thủ tướng Phạm Minh Chính yêu cầu", "Phạm Minh Chính"],
    ["NFD", "Chiều 16/3, Thủ tướng Phạm Minh Chính yêu cầu".normalize("NFD"), "Phạm Minh Chính"],
    ["mixed", `Chiều 16/3, ${"Thủ tướng".normalize("NFD")} Phạm Minh Chính yêu cầu`, "Phạm Minh Chính"],
    ["zero-width inside", "Thủ tướng Phạm\u200B Minh Chính", "Phạm Minh Chính"],
    ["zero-width at both ends", "\u200BPhạm Minh Chính\u200B", "Phạm Minh Chính"],
  ];
  it.each(cases)("%s", (_label, input, target) => {
    const nt = normalizeText(input);
    const at = nt.text.indexOf(target);
    expect(at).toBeGreaterThanOrEqual(0);
    const span = toOriginalSpan(nt, at, at + target.length);
    expect(input.slice(span.start, span.end).normalize("NFC").replace(/\u200B/g, "")).toBe(target);
    expect(written(nt, at, at + target.length)).toBe(target);
  });

  it("maps every offset of NFD text monotonically", () => {
    const input = "Nghị quyết 59-NQ/TW, ngày 24/01/2025 của Bộ Chính trị".normalize("NFD");
    const nt = normalizeText(input);
    let last = 0;
    for (let i = 0; i <= nt.text.length; i++) {
      const { start } = toOriginalSpan(nt, i, i);
      expect(start).toBeGreaterThanOrEqual(last);
      last = start;
    }
    expect(toOriginalSpan(nt, 0, nt.text.length)).toEqual({ start: 0, end: input.length });
  });

  it("keeps the original's tone placement in attributes", () => {
    const nt = normalizeText("đồng chí Trịnh Trường Huy, Tỉnh uỷ viên");
    const at = nt.text.indexOf("Tỉnh ủy viên");
    expect(written(nt, at, at + "Tỉnh ủy viên".length)).toBe("Tỉnh uỷ viên");
  });

  it("normalises a long text as it does its parts", () => {
    // a long text goes through another path than a short one (see sameLengthFixedOrNull)
    const part = "Hoà bình\u00A0uỷ ban\tthuý\u2010Ðà; quý I–II, hoàn thành.\n";
    const short = normalizeText(part);
    const long = normalizeText(part.repeat(3000));
    expect(long.map).toBeNull();
    expect(long.text).toBe(short.text.repeat(3000));
    expect(long.lower).toBe(short.lower.repeat(3000));
    const decomposed = normalizeText(`${part.repeat(3000)}Hoà bình`.normalize("NFD"));
    expect(decomposed.text.startsWith(short.text.repeat(3000))).toBe(true);
  });

  it("survives hostile input", () => {
    for (const input of ["", "\u0300\u0301", "\uD800x\uDC00", "\u200B".repeat(1000), "a\u0300".repeat(10_000)]) {
      const nt = normalizeText(input);
      expect(toOriginalSpan(nt, 0, nt.text.length).end).toBeLessThanOrEqual(input.length);
    }
  });
});

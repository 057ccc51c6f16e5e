import { describe, expect, it } from "vitest";
import { anchor, anchorAll } from "./anchor";
import { toNfc } from "./nfc-map";
import { describeSpan, isSelectors, quoteOnly } from "./selectors";

const ARTICLE = [
  "Chiều 12/3, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính chủ trì cuộc họp về tình hình kinh tế.",
  "Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện thể chế, tháo gỡ khó khăn cho doanh nghiệp.",
  "Theo Chỉ thị số 15-CT/TW của Ban Bí thư, tăng trưởng GDP năm 2025 phải đạt hơn 8%.",
  "Cuối buổi, Thủ tướng Phạm Minh Chính cảm ơn các đại biểu.",
].join("\n\n");

function span(text: string, quote: string, occurrence = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`not in text: ${quote}`);
  return [at, at + quote.length];
}

function selectorsFor(text: string, quote: string, occurrence = 0) {
  const [start, end] = span(text, quote, occurrence);
  return describeSpan(text, start, end);
}

describe("describeSpan", () => {
  it("gives the quote, 32 code units of context each side, and the position", () => {
    const s = selectorsFor(ARTICLE, "Phạm Minh Chính");
    expect(s.quote.exact).toBe("Phạm Minh Chính");
    expect(s.quote.prefix).toBe(ARTICLE.slice(s.position.start - 32, s.position.start));
    expect(s.quote.suffix).toBe(ARTICLE.slice(s.position.end, s.position.end + 32));
    expect(s.quote.type).toBe("TextQuoteSelector");
    expect(s.position).toEqual({ type: "TextPositionSelector", start: ARTICLE.indexOf("Phạm"), end: ARTICLE.indexOf("Phạm") + 15 });
    expect(isSelectors(s)).toBe(true);
  });
  it("cuts context at the ends of the text", () => {
    const s = describeSpan("abc def", 0, 3, 10);
    expect(s.quote).toMatchObject({ exact: "abc", prefix: "", suffix: " def" });
  });
  it("never splits a surrogate pair in the context", () => {
    const text = "x😀yQUOTEz😀w";
    const start = text.indexOf("QUOTE");
    const s = describeSpan(text, start, start + 5, 2);
    expect(s.quote.prefix).toBe("y");
    expect(s.quote.suffix).toBe("z");
  });
  it.each([
    [-1, 2],
    [3, 2],
    [0, 99],
    [0.5, 2],
  ])("rejects [%s, %s)", (start, end) => {
    expect(() => describeSpan("abcdef", start, end)).toThrow(RangeError);
  });
  it("isSelectors rejects malformed values", () => {
    expect(isSelectors(null)).toBe(false);
    expect(isSelectors({ quote: { exact: "a" }, position: { start: 0, end: 1 } })).toBe(false);
    expect(isSelectors({ ...quoteOnly("a", 0, 1), position: { start: 2, end: 1 } })).toBe(false);
  });
});

describe("anchor", () => {
  it("finds an unchanged span by its position", () => {
    const s = selectorsFor(ARTICLE, "Chỉ thị số 15-CT/TW");
    expect(anchor(ARTICLE, s)).toMatchObject({ start: s.position.start, end: s.position.end, method: "position", score: 1 });
  });

  it("follows a span shifted by an inserted paragraph (exact quote)", () => {
    const s = selectorsFor(ARTICLE, "Chỉ thị số 15-CT/TW");
    const edited = "Một đoạn mới được chèn vào đầu bài viết.\n\n" + ARTICLE;
    const r = anchor(edited, s);
    expect(r?.method).toBe("quote");
    expect(edited.slice(r!.start, r!.end)).toBe("Chỉ thị số 15-CT/TW");
  });

  it("finds a quote with a word changed inside it (fuzzy)", () => {
    const quote = "Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện thể chế";
    const s = selectorsFor(ARTICLE, quote);
    const edited = ARTICLE.replace("khẩn trương", "nhanh chóng");
    const r = anchor(edited, s);
    expect(r?.method).toBe("fuzzy");
    expect(edited.slice(r!.start, r!.end)).toBe("Thủ tướng yêu cầu các bộ, ngành nhanh chóng hoàn thiện thể chế");
    expect(r!.score).toBeGreaterThan(0.7);
    expect(r!.score).toBeLessThan(1);
  });

  it("returns null when the quote is gone", () => {
    const s = selectorsFor(ARTICLE, "Chỉ thị số 15-CT/TW của Ban Bí thư");
    const edited = ARTICLE.replace(/Theo Chỉ thị[^\n]*/, "Đoạn này đã được viết lại hoàn toàn, không còn nói về văn bản nào.");
    expect(anchor(edited, s)).toBeNull();
  });

  it("does not settle a short name on a different person's name in different surroundings", () => {
    const s = selectorsFor(ARTICLE, "Phạm Minh Chính");
    const edited = "Phó Thủ tướng Trần Hồng Hà phát biểu. Ông Phạm Văn Chính, giám đốc sở, có mặt.";
    expect(anchor(edited, s)).toBeNull();
  });

  it("tells duplicate quotes apart by their context, even with a stale position", () => {
    const second = selectorsFor(ARTICLE, "Thủ tướng Phạm Minh Chính", 1);
    const first = selectorsFor(ARTICLE, "Thủ tướng Phạm Minh Chính", 0);
    const edited = "Tin mới.\n\n" + ARTICLE.replace("tình hình kinh tế", "tình hình kinh tế - xã hội quý I");
    const r2 = anchor(edited, second);
    const r1 = anchor(edited, first);
    expect(r2?.start).toBe(span(edited, "Thủ tướng Phạm Minh Chính", 1)[0]);
    expect(r1?.start).toBe(span(edited, "Thủ tướng Phạm Minh Chính", 0)[0]);
    // without any position at all, context alone decides
    const noHint = { ...second, position: { ...second.position, start: -1 } };
    expect(anchor(edited, noHint)?.start).toBe(span(edited, "Thủ tướng Phạm Minh Chính", 1)[0]);
  });

  it("finds a long quote between its prefix and suffix when edited beyond fuzzy reach", () => {
    const quote = "Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện thể chế, tháo gỡ khó khăn cho doanh nghiệp.";
    const s = selectorsFor(ARTICLE, quote);
    const rewritten = "Thủ tướng đề nghị các bộ và ngành sớm hoàn thiện thể chế, gỡ vướng mắc cho các doanh nghiệp.";
    const edited = ARTICLE.replace(quote, rewritten);
    const r = anchor(edited, s);
    expect(r?.method).toBe("fuzzy");
    expect(edited.slice(r!.start, r!.end)).toBe(rewritten);
  });

  describe("NFC and NFD", () => {
    const quote = "Phạm Minh Chính";
    it("finds a quote saved from NFC text in the same text served as NFD, with offsets into the NFD text", () => {
      const s = selectorsFor(ARTICLE, quote);
      const nfd = ARTICLE.normalize("NFD");
      const r = anchor(nfd, s);
      expect(r).not.toBeNull();
      expect(nfd.slice(r!.start, r!.end)).toBe(quote.normalize("NFD"));
      expect(r!.method).not.toBe("fuzzy");
    });
    it("finds a quote saved from NFD text in NFC text", () => {
      const nfd = ARTICLE.normalize("NFD");
      const s = selectorsFor(nfd, quote.normalize("NFD"));
      const r = anchor(ARTICLE, s);
      expect(ARTICLE.slice(r!.start, r!.end)).toBe(quote);
    });
    it("maps offsets in mixed text both ways", () => {
      const mixed = "Hòa " + "Hòa bình".normalize("NFD") + " và Hoà";
      const m = toNfc(mixed);
      expect(m.text).toBe(mixed.normalize("NFC"));
      const at = m.text.indexOf("bình");
      const start = m.toOriginal(at, "start");
      const end = m.toOriginal(at + 4, "end");
      expect(mixed.slice(start, end).normalize("NFC")).toBe("bình");
      expect(m.toNfc(start)).toBe(at);
      expect(m.toOriginal(m.text.length, "end")).toBe(mixed.length);
    });
  });
});

describe("anchorAll", () => {
  it("anchors each item, and an edited-away mention does not double up on another's span", () => {
    const mentions = [0, 1].map((n) => selectorsFor(ARTICLE, "Phạm Minh Chính", n));
    // the second mention now names someone else
    const edited = ARTICLE.replace("Cuối buổi, Thủ tướng Phạm Minh Chính", "Cuối buổi, Phó Thủ tướng Lê Thành Long");
    const alone = anchor(edited, mentions[1]!);
    expect(alone?.start).toBe(span(edited, "Phạm Minh Chính")[0]); // on its own it would settle on the first
    const all = anchorAll(edited, [
      { key: "a", selectors: mentions[0]!, group: "leader" },
      { key: "b", selectors: mentions[1]!, group: "leader" },
    ]);
    expect(all.get("a")).toMatchObject({ method: "position", start: span(edited, "Phạm Minh Chính")[0] });
    expect(all.get("b")).toBeNull();
  });
  it("lets ungrouped items (reader's notes) share a span", () => {
    const s = selectorsFor(ARTICLE, "tăng trưởng GDP");
    const all = anchorAll(ARTICLE, [
      { key: 1, selectors: s },
      { key: 2, selectors: s },
    ]);
    expect(all.get(1)).toEqual(all.get(2));
    expect(all.get(1)?.method).toBe("position");
  });
  it("gives a duplicate quote its next occurrence when a better item claims the first", () => {
    const text = "Năm 2025 là năm bản lề. Kế hoạch năm 2025 được duyệt.";
    const a = describeSpan(text, text.indexOf("2025"), text.indexOf("2025") + 4);
    const b = describeSpan(text, text.lastIndexOf("2025"), text.lastIndexOf("2025") + 4);
    const shifted = "Mở đầu. " + text;
    const all = anchorAll(shifted, [
      { key: "a", selectors: a, group: "number" },
      { key: "b", selectors: b, group: "number" },
    ]);
    expect(all.get("a")?.start).toBe(shifted.indexOf("2025"));
    expect(all.get("b")?.start).toBe(shifted.lastIndexOf("2025"));
  });
  it("keeps items still exactly in place there, and searches on for one whose place another took", () => {
    const text = "Năm 2025 là năm bản lề. Kế hoạch năm 2025 được duyệt.";
    const first = describeSpan(text, text.indexOf("2025"), text.indexOf("2025") + 4);
    // two stored records claim the same unchanged place (a copy): the second finds the other 2025
    const all = anchorAll(text, [
      { key: "a", selectors: first, group: "number" },
      { key: "b", selectors: first, group: "number" },
      { key: "c", selectors: describeSpan(text, text.indexOf("bản lề"), text.indexOf("bản lề") + 6), group: "phrase" },
    ]);
    expect(all.get("a")).toMatchObject({ method: "position", start: text.indexOf("2025"), score: 1 });
    expect(all.get("b")?.start).toBe(text.lastIndexOf("2025"));
    expect(all.get("c")).toMatchObject({ method: "position", start: text.indexOf("bản lề"), score: 1 });
  });
});

import { describe, expect, it } from "vitest";
import { Lexicon, isCapitalised, isTitleCase, splitSentences, tokenize } from "./sentences";
import { normalizeText } from "./text";

function sentences(text: string): string[] {
  const nt = normalizeText(text);
  return splitSentences(nt).map((s) => nt.text.slice(s.s, s.e));
}

function words(text: string): string[] {
  return tokenize(normalizeText(text)).map((t) => t.t);
}

describe("splitSentences", () => {
  it.each([
    ["Câu một. Câu hai.", ["Câu một.", "Câu hai."]],
    ["Dòng một\nDòng hai", ["Dòng một", "Dòng hai"]],
    ["Hỏi? Đáp! Xong.", ["Hỏi?", "Đáp!", "Xong."]],
    ["Thành công… Tiếp theo.", ["Thành công…", "Tiếp theo."]],
    ["Vân vân... Hết.", ["Vân vân...", "Hết."]],
    ["biến đổi khí hậu… và các vấn đề khác.", ["biến đổi khí hậu… và các vấn đề khác."]],
    ["Tại TP. Hồ Chí Minh, PGS.TS. Nguyễn Văn A nói.", ["Tại TP. Hồ Chí Minh, PGS.TS. Nguyễn Văn A nói."]],
    ["Ông J. Biden nói. Hết.", ["Ông J. Biden nói.", "Hết."]],
    ["“Câu một. Câu hai”, Thủ tướng nói. Tiếp.", ["“Câu một. Câu hai”, Thủ tướng nói.", "Tiếp."]],
    ["Bảo vệ Tổ quốc”. Đồng thời, cần làm.", ["Bảo vệ Tổ quốc”.", "Đồng thời, cần làm."]],
    ["Ông nói: “Phải làm ngay.” Sau đó đi.", ["Ông nói: “Phải làm ngay.”", "Sau đó đi."]],
    ["Giá 1.000 đồng. Năm 2023.", ["Giá 1.000 đồng.", "Năm 2023."]],
    ["nhiệm vụ:\n\nMột là, làm.", ["nhiệm vụ:", "Một là, làm."]],
    ["  \n \n", []],
  ])("%j", (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it("marks paragraph starts", () => {
    const nt = normalizeText("A b. C d.\nE f.");
    expect(splitSentences(nt).map((s) => s.paragraphStart)).toEqual([true, false, true]);
  });
});

describe("tokenize", () => {
  it.each([
    ["Bộ GD&ĐT", ["Bộ", "GD&ĐT"]],
    ["Moon Jae-in", ["Moon", "Jae-in"]],
    ["Covid-19", ["Covid-19"]],
    ["TP.HCM", ["TP.HCM"]],
    ["PGS.TS Nguyễn", ["PGS.TS", "Nguyễn"]],
    ["kinh tế - xã hội", ["kinh", "tế", "-", "xã", "hội"]],
    ["Bà Rịa-Vũng Tàu", ["Bà", "Rịa", "-", "Vũng", "Tàu"]],
    ["(Ảnh: Trung Hiếu)", ["(", "Ảnh", ":", "Trung", "Hiếu", ")"]],
    ["đây.Tiếp", ["đây", ".", "Tiếp"]],
  ])("%j", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it("tells title case from acronyms", () => {
    const [a, b, c, d] = tokenize(normalizeText("Nguyễn UBND McCarthy A"));
    expect([isTitleCase(a!), isTitleCase(b!), isTitleCase(c!), isTitleCase(d!)]).toEqual([true, false, false, false]);
    expect([isCapitalised(a!), isCapitalised(b!), isCapitalised(c!)]).toEqual([true, false, true]);
  });

  it("marks line breaks between tokens", () => {
    expect(tokenize(normalizeText("a b\nc")).map((t) => t.nl)).toEqual([true, false, true]);
  });
});

describe("Lexicon", () => {
  const lex = new Lexicon<"a" | "b">().add(["Bộ", "Bộ Ngoại giao"], "a").add(["Ngoại giao"], "b");
  it("finds the longest entry, ignoring case, not across lines", () => {
    const toks = tokenize(normalizeText("bộ ngoại Giao"));
    expect(lex.match(toks, 0)?.len).toBe(3);
    const broken = tokenize(normalizeText("Bộ\nNgoại giao"));
    expect(lex.match(broken, 0)?.len).toBe(1);
    expect(lex.match(broken, 1)?.kinds).toEqual(["b"]);
    expect(lex.match(toks, 0, (k) => k === "b")).toBeNull();
  });
});

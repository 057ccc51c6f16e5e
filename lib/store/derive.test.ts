import { describe, expect, it } from "vitest";
import { annotationSearchWords, cleanTags, fingerprintOf, foldCode, normalizedValue } from "./derive";

const quote = (exact: string, prefix = "Chiều 12/3, ", suffix = " chủ trì") => ({ exact, prefix, suffix });

describe("fingerprintOf", () => {
  it("is the same whatever the Unicode form, case of context or tone placement", () => {
    const fp = fingerprintOf("leader", undefined, quote("Phạm Minh Chính"));
    expect(fingerprintOf("leader", undefined, quote("Phạm Minh Chính".normalize("NFD"), "Chiều 12/3, ".normalize("NFD")))).toBe(fp);
    expect(fingerprintOf("number", "date", quote("Hoà"))).toBe(fingerprintOf("number", "date", quote("Hòa")));
  });
  it("differs by kind, subkind, words and nearby context, but not by far context", () => {
    const fp = fingerprintOf("leader", undefined, quote("Phạm Minh Chính"));
    expect(fingerprintOf("directive", "instruction", quote("Phạm Minh Chính"))).not.toBe(fp);
    expect(fingerprintOf("leader", undefined, quote("Phạm Bình Minh"))).not.toBe(fp);
    expect(fingerprintOf("leader", undefined, quote("Phạm Minh Chính", "Sáng 12/3, "))).not.toBe(fp);
    const near = fingerprintOf("leader", undefined, quote("Phạm Minh Chính", "trụ sở Chính phủ, Thủ tướng "));
    expect(fingerprintOf("leader", undefined, quote("Phạm Minh Chính", "Chiều 12/3, tại trụ sở Chính phủ, Thủ tướng "))).toBe(near);
    expect(fp).toMatch(/^leader:[0-9a-f]{14}$/);
  });
});

describe("normalizedValue", () => {
  it.each([
    ["leader", undefined, { name: "Phạm Minh Chính", title: "Thủ tướng" }, "pham minh chinh"],
    ["leader", undefined, { name: "", title: "Thủ tướng", refersTo: "Phạm Minh Chính" }, "pham minh chinh"],
    ["directive", "document", { docType: "Nghị định", code: "13/2023/NĐ-CP" }, "nghi dinh|13/2023/nd-cp"],
    ["directive", "document", { docType: "Chỉ thị" }, "chi thi|"],
    ["directive", "instruction", { speaker: "Bộ Xây dựng", verb: "yêu cầu" }, "bo xay dung"],
    ["number", "percent", { value: 8, approx: "more" }, "percent|8|"],
    ["number", "money", { value: 1e12, unit: "Đồng" }, "money|1000000000000|dong"],
  ] as const)("%s %s", (kind, subkind, attributes, expected) => {
    expect(normalizedValue(kind, subkind, attributes, "")).toBe(expected);
  });
  it("folds a note's text", () => {
    expect(normalizedValue("note", undefined, {}, "  Tháo gỡ  KHÓ khăn ")).toBe("thao go kho khan");
  });
  it("folds document codes without spaces", () => {
    expect(foldCode("13 / 2023 / NĐ-CP")).toBe("13/2023/nd-cp");
  });
});

describe("annotationSearchWords", () => {
  it("takes words from the text, attributes, note and tags", () => {
    expect(annotationSearchWords({ text: "hơn 8%", attributes: { value: 8, approx: "more" }, note: "Mục tiêu", tags: ["GDP quý I"] }).sort()).toEqual(
      ["8", "gdp", "hon", "i", "more", "muc", "quy", "tieu"].sort(),
    );
  });
});

describe("cleanTags", () => {
  it("trims, collapses, drops empties, non-strings and duplicates", () => {
    expect(cleanTags(["  kinh  tế ", "Kinh tế", "kinh tế".normalize("NFD"), "", 42, "GDP"])).toEqual(["kinh tế", "GDP"]);
    expect(cleanTags(undefined)).toEqual([]);
    expect(cleanTags(Array.from({ length: 80 }, (_, i) => `t${i}`))).toHaveLength(50);
  });
});

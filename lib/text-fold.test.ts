import { describe, expect, it } from "vitest";
import { foldForSearch, matchesQuery, queryWords, searchWordsOf } from "./text-fold";

describe("foldForSearch", () => {
  it.each([
    ["NFC name", "Phạm Minh Chính", "pham minh chinh"],
    ["upper case", "PHẠM MINH CHÍNH", "pham minh chinh"],
    ["NFD input", "Phạm Minh Chính".normalize("NFD"), "pham minh chinh"],
    ["old tone placement", "Hoà", "hoa"],
    ["new tone placement", "Hòa", "hoa"],
    ["NFD old tone placement", "Hoà".normalize("NFD"), "hoa"],
    ["đ and Đ", "Đảng Cộng sản, đồng chí", "dang cong san, dong chi"],
    ["eth look-alike", "Ðà Nẵng", "da nang"],
    ["horn and breve", "Ương Ơn Ắc", "uong on ac"],
    ["spaces collapsed and trimmed", "  Thủ\u00A0tướng \n\t Chính phủ ", "thu tuong chinh phu"],
    ["zero-width characters removed", "Ch\u200Bính\u00ADphủ", "chinhphu"],
    ["punctuation kept", "Nghị định 13/2023/NĐ-CP", "nghi dinh 13/2023/nd-cp"],
    ["empty", "", ""],
  ])("%s", (_label, input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it("gives one key to every spelling of a name", () => {
    const spellings = ["Phạm Minh Chính", "PHẠM MINH CHÍNH", "Phạm Minh Chính".normalize("NFD"), "phạm  minh\u00A0chính"];
    expect(new Set(spellings.map(foldForSearch)).size).toBe(1);
  });
});

describe("matchesQuery", () => {
  const chinh = foldForSearch("Thủ tướng Phạm Minh Chính chủ trì");
  it.each([
    ["all words, no diacritics", chinh, "pham minh chinh", true],
    ["with diacritics in the query", chinh, "Phạm Minh Chính", true],
    ["NFD query", chinh, "Phạm Minh Chính".normalize("NFD"), true],
    ["order does not matter", chinh, "chinh pham", true],
    ["word prefixes", chinh, "ph mi ch", true],
    ["a missing word", chinh, "pham van chinh", false],
    ["an infix is not a prefix", chinh, "inh", false],
    ["blank query matches", chinh, "   ", true],
    ["hoa finds Hoà", foldForSearch("Thanh Hoà"), "hoa", true],
    ["hoa finds Hòa", foldForSearch("Thanh Hòa"), "hoa", true],
    ["hoa finds hoà NFD", foldForSearch("Khánh Hoà".normalize("NFD")), "HOA", true],
    ["hoa, a prefix, also finds Hoàng", foldForSearch("Hoàng"), "hoa", true],
    ["punctuation splits words", foldForSearch("Chỉ thị 15-CT/TW"), "15 ct tw", true],
    ["a code typed with punctuation", foldForSearch("Chỉ thị 15-CT/TW"), "15-ct", true],
  ])("%s", (_label, folded, query, expected) => {
    expect(matchesQuery(folded, query)).toBe(expected);
  });
});

describe("searchWordsOf / queryWords", () => {
  it("gives distinct folded words of several texts, skipping empty ones", () => {
    expect(searchWordsOf("Phạm Minh Chính", undefined, "", "Thủ tướng Phạm Minh Chính")).toEqual([
      "pham",
      "minh",
      "chinh",
      "thu",
      "tuong",
    ]);
  });
  it("splits queries into folded words", () => {
    expect(queryWords("  Hoà, BÌNH ")).toEqual(["hoa", "binh"]);
  });
});

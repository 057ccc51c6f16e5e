import { describe, expect, it } from "vitest";
import { CATALOGS, languageOf, translator } from "./i18n";

describe("i18n", () => {
  it("has every word in both languages, none empty", () => {
    const keys = Object.keys(CATALOGS.en).sort();
    expect(Object.keys(CATALOGS.vi).sort()).toEqual(keys);
    for (const catalog of Object.values(CATALOGS)) for (const v of Object.values(catalog)) expect(v.trim()).not.toBe("");
  });
  it.each([
    ["vi", "vi"],
    ["vi-VN", "vi"],
    ["en-US", "en"],
    ["fr", "en"],
    [undefined, "en"],
  ] as const)("%s → %s", (ui, lang) => {
    expect(languageOf(ui)).toBe(lang);
  });
  it("translates", () => {
    expect(translator("vi")("leader")).toBe("Lãnh đạo");
    expect(translator("en")("leader")).toBe("Leader");
  });
});

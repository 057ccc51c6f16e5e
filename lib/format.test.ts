import { describe, expect, it } from "vitest";
import type { Annotation } from "./extract/types";
import { formatIsoDate, formatValue } from "./format";

const num = (subkind: string, value: number | string, extra: object = {}) =>
  ({ kind: "number", subkind, value, start: 0, end: 1, text: "x", ...extra }) as Annotation;

describe("formatValue", () => {
  it.each([
    ["a quantity with a qualifier", num("quantity", 14_000_000, { unit: "liều vaccine", approx: "more" }), "hơn 14.000.000 liều vaccine"],
    ["money", num("money", 1_000_000_000, { unit: "USD" }), "1.000.000.000 USD"],
    ["a percent with a decimal comma", num("percent", 6.5), "6,5%"],
    ["a percent with a qualifier", num("percent", 8, { approx: "more" }), "hơn 8%"],
    ["a full date", num("date", "2023-03-16"), "16/03/2023"],
    ["a date without a year", num("date", "--03-16"), "16/03"],
    ["a month", num("date", "2025-07"), "07/2025"],
    ["a year", num("date", "2023"), "2023"],
    ["a period", num("period", "2023-07/2023-12"), "07/2023 – 12/2023"],
    ["a term", num("period", "2023/2026"), "2023 – 2026"],
    ["a time", num("time", "14:08"), "14:08"],
    ["an ordinal", num("ordinal", 6), "thứ 6"],
  ])("%s", (_label, a, expected) => {
    expect(formatValue(a)).toBe(expected);
  });

  it("is empty for other kinds", () => {
    expect(formatValue({ kind: "leader", name: "A", title: "", start: 0, end: 1, text: "A" })).toBe("");
  });
  it("leaves unknown date shapes alone", () => {
    expect(formatIsoDate("sometime")).toBe("sometime");
  });
});

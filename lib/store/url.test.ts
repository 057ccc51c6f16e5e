import { describe, expect, it } from "vitest";
import { canonicalUrl, siteOf } from "./url";

describe("canonicalUrl", () => {
  it.each([
    ["drops the fragment", "https://baochinhphu.vn/a-102.htm#comments", "https://baochinhphu.vn/a-102.htm"],
    ["drops utm_* parameters", "https://baochinhphu.vn/a.htm?utm_source=fb&utm_medium=social&UTM_Campaign=x", "https://baochinhphu.vn/a.htm"],
    ["drops click ids and Zalo tracking", "https://vnexpress.net/a.html?fbclid=IwAR&gclid=1&zarsrc=30&gidzl=abc", "https://vnexpress.net/a.html"],
    ["keeps meaningful parameters, in a stable order", "https://mofa.gov.vn/tin?page=2&id=15&utm_source=x", "https://mofa.gov.vn/tin?id=15&page=2"],
    ["removes a trailing slash", "https://chinhphu.vn/van-ban/", "https://chinhphu.vn/van-ban"],
    ["keeps the root", "https://chinhphu.vn", "https://chinhphu.vn/"],
    ["lower-cases the host, drops the default port and a trailing dot", "HTTPS://BaoChinhPhu.VN.:443/A.htm", "https://baochinhphu.vn/A.htm"],
    ["keeps the scheme and www", "http://www.quochoi.vn/x", "http://www.quochoi.vn/x"],
    ["trims spaces", "  https://vov.vn/a  ", "https://vov.vn/a"],
    ["encodes Vietnamese paths once", "https://vov.vn/thủ-tướng", "https://vov.vn/th%E1%BB%A7-t%C6%B0%E1%BB%9Bng"],
    ["leaves other schemes but the fragment", "file:///tmp/a.html#x", "file:///tmp/a.html"],
  ])("%s", (_label, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it("is idempotent", () => {
    const once = canonicalUrl("https://baochinhphu.vn/a.htm/?b=2&a=1&utm_x=1#h");
    expect(canonicalUrl(once)).toBe(once);
  });

  it("throws for what is not an absolute URL", () => {
    expect(() => canonicalUrl("not a url")).toThrow(TypeError);
  });
});

describe("siteOf", () => {
  it.each([
    ["https://www.baochinhphu.vn/a", "baochinhphu.vn"],
    ["https://caobang.gov.vn/a", "caobang.gov.vn"],
    ["nonsense", ""],
  ])("%s → %s", (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});

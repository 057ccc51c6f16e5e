// The leader and instruction vocabularies are data the rules match against the canonical text
// (lib/extract/text.ts): every entry must be NFC, in the canonical tone placement (ủy, hòa), trimmed,
// and listed once (matching ignores case, so "Trưởng Ban" and "Trưởng ban" would be the same).
import { describe, expect, it } from "vitest";
import { normalizeText } from "../text";
import * as verbs from "./directive-verbs";
import * as honorifics from "./honorifics";
import * as names from "./names";
import * as offices from "./offices";
import * as titles from "./titles";

const lists: Array<[string, readonly string[]]> = [];
for (const [file, mod] of Object.entries({ verbs, honorifics, names, offices, titles })) {
  for (const [name, value] of Object.entries(mod)) {
    if (Array.isArray(value)) lists.push([`${file}.${name}`, value as readonly string[]]);
  }
}

describe("leader and instruction vocabularies", () => {
  it("has the lists", () => {
    expect(lists.length).toBeGreaterThan(15);
  });

  it.each(lists)("%s: canonical, trimmed, non-empty strings", (_name, list) => {
    expect(list.length).toBeGreaterThan(0);
    for (const entry of list) {
      expect(typeof entry).toBe("string");
      expect(entry.length).toBeGreaterThan(0);
      expect(entry).toBe(entry.trim());
      expect(entry).not.toMatch(/\s{2}/);
      expect(entry.normalize("NFC")).toBe(entry);
      // what the rules see: canonical tone placement, plain spaces and hyphens
      expect(normalizeText(entry).text).toBe(entry);
    }
  });

  it.each(lists)("%s: no duplicates (ignoring case)", (_name, list) => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const entry of list) {
      const key = entry.toLowerCase();
      if (seen.has(key)) dups.push(entry);
      seen.set(key, entry);
    }
    expect(dups).toEqual([]);
  });

  it("keeps title heads that differ only by case out of the list", () => {
    const lower = titles.TITLE_HEADS.map((h) => h.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it.each([
    ["Tỉnh ủy viên", titles.TITLE_HEADS],
    ["Phó Thủ tướng", titles.TITLE_HEADS],
    ["Phó Chủ tịch", titles.TITLE_HEADS],
    ["Đại sứ", titles.TITLE_HEADS],
    ["Ủy ban Quản lý vốn Nhà nước tại doanh nghiệp", offices.OFFICES],
    ["Khánh Hòa", offices.PROVINCES],
    ["Thụy Sỹ", offices.COUNTRIES],
    ["Nguyễn", names.COMMON_FAMILY_NAMES],
    ["yêu cầu", verbs.DIRECTIVE_VERBS],
    ["đồng chí", honorifics.OFFICIAL_HONORIFICS],
  ])("lists %s", (entry, list) => {
    expect(list).toContain(entry);
  });

  it("keeps family names and syllables that never start a name apart", () => {
    const family = new Set([...names.COMMON_FAMILY_NAMES, ...names.OTHER_FAMILY_NAMES]);
    expect(names.NOT_NAME_SYLLABLES.filter((s) => family.has(s))).toEqual([]);
    expect(names.COMMON_FAMILY_NAMES.filter((s) => names.OTHER_FAMILY_NAMES.includes(s))).toEqual([]);
  });
});

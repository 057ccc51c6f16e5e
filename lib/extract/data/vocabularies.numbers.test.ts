// The vocabularies behind the number and document rules: each entry must be in the form the rules
// see (NFC, canonical tone placement, the case the list promises), with no duplicates.
import { describe, expect, it } from "vitest";
import { normalizeText } from "../text";
import { DOCUMENT_TYPES, ISSUER_CODES, ISSUER_NAMES, SYMBOL_TYPE_CODES } from "./document-types";
import {
  APPROX_WORDS,
  COMPARATIVE_WORDS,
  DATE_LEAD_WORDS,
  DATE_NAME_HEADS,
  DAY_PARTS,
  NAME_HEAD_WORDS,
  ORDINAL_BARE_NOUNS,
  ORDINAL_NAME_HEADS,
  ORDINAL_NOUNS,
  PERIOD_LEAD_WORDS,
  QUARTER_ROMAN,
  THIS_YEAR_WORDS,
  TIME_LEAD_WORDS,
  WEEKDAY_LEAD_WORDS,
} from "./number-words";
import { CURRENCIES, DONG_COMPOUNDS, GLUED_UNITS, MULTIWORD_UNITS, SCALE_WORDS, UNIT_STOP_WORDS } from "./units";

const LOWER_CASE_LISTS: Record<string, readonly string[]> = {
  APPROX_WORDS: APPROX_WORDS.map(([w]) => w),
  COMPARATIVE_WORDS,
  DATE_LEAD_WORDS,
  DATE_NAME_HEADS,
  DAY_PARTS,
  NAME_HEAD_WORDS,
  ORDINAL_BARE_NOUNS,
  ORDINAL_NAME_HEADS,
  ORDINAL_NOUNS,
  PERIOD_LEAD_WORDS,
  QUARTER_ROMAN: [...QUARTER_ROMAN.keys()],
  THIS_YEAR_WORDS,
  TIME_LEAD_WORDS,
  WEEKDAY_LEAD_WORDS,
  SCALE_WORDS: [...SCALE_WORDS.keys()],
  CURRENCIES: CURRENCIES.map((c) => c.words.join(" ")),
  DONG_COMPOUNDS,
  GLUED_UNITS,
  MULTIWORD_UNITS,
  UNIT_STOP_WORDS,
};

const ALL_LISTS: Record<string, readonly string[]> = {
  ...LOWER_CASE_LISTS,
  DOCUMENT_TYPES: DOCUMENT_TYPES.map((t) => t.name),
  ISSUER_NAMES,
  ISSUER_CODE_NAMES: [...new Set(ISSUER_CODES.values())],
  SYMBOL_TYPE_NAMES: [...new Set(SYMBOL_TYPE_CODES.values())],
};

/** The form the rules see: what `normalizeText` makes of the entry. */
const canonical = (s: string) => normalizeText(s).text;

describe("number and document vocabularies", () => {
  it.each(Object.entries(ALL_LISTS))("%s is NFC with canonical tone placement and no stray spaces", (_name, list) => {
    for (const entry of list) {
      expect(entry.normalize("NFC"), entry).toBe(entry);
      expect(canonical(entry), entry).toBe(entry);
      expect(entry.trimStart(), entry).toBe(entry);
      expect(entry, entry).not.toMatch(/\s{2}|\t/);
      expect(entry.length, "empty entry").toBeGreaterThan(0);
    }
  });

  it.each(Object.entries(ALL_LISTS))("%s has no duplicates", (_name, list) => {
    const seen = new Set<string>();
    for (const entry of list) {
      const key = entry.trim().toLowerCase();
      expect(seen.has(key), `duplicate: ${entry}`).toBe(false);
      seen.add(key);
    }
  });

  it.each(Object.entries(LOWER_CASE_LISTS))("%s is lower case", (_name, list) => {
    for (const entry of list) expect(entry.toLowerCase(), entry).toBe(entry);
  });

  it("lists document types capitalised and longest first where one begins another", () => {
    const names = DOCUMENT_TYPES.map((t) => t.name);
    for (const [i, name] of names.entries()) {
      expect(name[0], name).toBe(name[0]!.toUpperCase());
      expect(name.slice(1), name).toBe(name.slice(1).toLowerCase());
      for (const later of names.slice(i + 1)) {
        expect(later.toLowerCase().startsWith(`${name.toLowerCase()} `), `${later} must come before ${name}`).toBe(false);
      }
    }
  });

  it("keys symbol and issuer codes in upper case, each naming a known document type", () => {
    const typeNames = new Set(DOCUMENT_TYPES.map((t) => t.name));
    for (const [code, type] of SYMBOL_TYPE_CODES) {
      expect(code, code).toBe(code.toUpperCase());
      expect(code, code).toMatch(/^[A-ZĐ]+$/);
      expect(typeNames.has(type), `${code} → ${type}`).toBe(true);
    }
    for (const [code, issuer] of ISSUER_CODES) {
      expect(code, code).toBe(code.toUpperCase());
      expect(code, code).toMatch(/^[A-ZĐ]+$/);
      expect(issuer[0], issuer).toBe(issuer[0]!.toUpperCase());
    }
    // "TW" stands for several Party bodies: the symbol alone never names one
    expect(ISSUER_CODES.has("TW")).toBe(false);
  });

  it("marks open issuer names (a name follows) with one trailing space only", () => {
    for (const name of ISSUER_NAMES) {
      expect(name, name).not.toMatch(/\s\s$/);
      expect(name[0], name).toBe(name[0]!.toUpperCase());
    }
  });

  it("keeps scale words as powers of ten and qualifiers within the spec's four", () => {
    for (const [w, f] of SCALE_WORDS) expect(Math.log10(f) % 1, w).toBe(0);
    for (const [w, a] of APPROX_WORDS) expect(["more", "less", "nearly", "about"], w).toContain(a);
  });

  it("writes multi-word units and currencies with single spaces between words", () => {
    for (const u of MULTIWORD_UNITS) expect(u.split(" ").every((w) => w.length > 0), u).toBe(true);
    for (const c of CURRENCIES) for (const w of c.words) expect(w, c.words.join(" ")).toMatch(/^\p{L}+$/u);
  });

  it("writes glued units as letters and digits only ('5km', '100m2')", () => {
    for (const u of GLUED_UNITS) expect(u, u).toMatch(/^[a-zđ][a-z0-9đ]*$/);
  });
});

// Values derived from an annotation for storage: its attributes, normalised value, fingerprint and
// search words. Pure functions, shared by the repository and the schema upgrades.
import type { TextQuoteSelector } from "../anchor/selectors";
import type { Annotation } from "../extract/types";
import { foldForSearch, searchWordsOf } from "../text-fold";
import type { AnnotationAttributes, StoredKind } from "./types";

const ATTRIBUTE_KEYS = [
  "name",
  "title",
  "honorific",
  "refersTo",
  "docType",
  "code",
  "issuer",
  "date",
  "speaker",
  "verb",
  "value",
  "unit",
  "approx",
] as const satisfies readonly (keyof AnnotationAttributes)[];

/** The attributes of an extracted annotation (everything but kind, subkind, offsets and text). */
export function attributesOf(a: Annotation): AnnotationAttributes {
  const out: Record<string, unknown> = {};
  const source = a as unknown as Record<string, unknown>;
  for (const key of ATTRIBUTE_KEYS) {
    const v = source[key];
    if (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) out[key] = v;
  }
  return out as AnnotationAttributes;
}

/** A document code compared loosely: folded, without spaces ("13/2023/NĐ-CP" = "13/2023/ND-CP"). */
export function foldCode(code: string): string {
  return foldForSearch(code).replace(/\s+/g, "");
}

/**
 * The normalised value, the key views across articles group by: a leader's folded name (or the
 * name a bare title refers to), a document's folded type and code, an instruction's speaker, a
 * number's subkind, value and unit; for a reader's note its folded text.
 */
export function normalizedValue(kind: StoredKind, subkind: string | undefined, attributes: AnnotationAttributes, text: string): string {
  switch (kind) {
    case "leader":
      return foldForSearch(attributes.name || attributes.refersTo || "");
    case "directive":
      return subkind === "document"
        ? `${foldForSearch(attributes.docType ?? "")}|${foldCode(attributes.code ?? "")}`
        : foldForSearch(attributes.speaker ?? "");
    case "number":
      return `${subkind ?? ""}|${attributes.value ?? ""}|${foldForSearch(attributes.unit ?? "")}`;
    case "note":
      return foldForSearch(text).slice(0, 200);
  }
}

/** The words a search can find an annotation by: its text, attributes, the reader's note and tags. */
export function annotationSearchWords(r: { text: string; attributes: AnnotationAttributes; note: string; tags: readonly string[] }): string[] {
  const attributeTexts = Object.values(r.attributes).map((v) => (v === undefined ? undefined : String(v)));
  return searchWordsOf(r.text, r.note, ...r.tags, ...attributeTexts);
}

/** cyrb53: a fast 53-bit string hash (not cryptographic; collisions are harmless here, see fingerprintOf). */
export function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** Characters of context either side that make the same words at different places different. */
const FINGERPRINT_CONTEXT = 12;

/**
 * Identity of an extracted annotation within its page (the page is the other half of the unique
 * [pageUrl+fingerprint] index): kind, subkind, the folded quote and a little folded context, so
 * re-extracting the same page finds the same fingerprints whatever its Unicode form. Two mentions
 * with identical words and context get an occurrence suffix from the caller (#1, #2 …).
 */
export function fingerprintOf(kind: StoredKind, subkind: string | undefined, quote: Pick<TextQuoteSelector, "exact" | "prefix" | "suffix">): string {
  const key = [
    kind,
    subkind ?? "",
    foldForSearch(quote.exact),
    foldForSearch(quote.prefix).slice(-FINGERPRINT_CONTEXT),
    foldForSearch(quote.suffix).slice(0, FINGERPRINT_CONTEXT),
  ].join("\u001f");
  return `${kind}:${hash53(key)}`;
}

/** yyyy-mm-dd of an epoch time in the reader's time zone. */
export function localDay(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Tags as stored: trimmed, whitespace collapsed, no empties, no duplicates (ignoring case and Unicode form), at most 50 of 100 characters. */
export function cleanTags(tags: readonly unknown[] | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of tags ?? []) {
    if (typeof t !== "string") continue;
    const tag = t.replace(/\s+/g, " ").trim().slice(0, 100);
    const key = tag.normalize("NFC").toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= 50) break;
  }
  return out;
}

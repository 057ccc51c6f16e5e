// Search keys for Vietnamese text: what a reader types without diacritics ("pham minh chinh",
// "hoa") must find what the page writes with them ("Phạm Minh Chính", "Hoà", "Hòa"), whatever the
// page's Unicode form (NFC, NFD, a mix) or tone placement (hoà / hòa).

/** Combining marks (tones, breve, circumflex, horn …) once the text is decomposed. */
const MARKS = /\p{M}+/gu;
/** Zero-width characters and the soft hyphen: invisible, so they must not split or join words. */
const INVISIBLE = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g;
/** A word for matching: letters and digits. Punctuation ("15-CT/TW") separates words. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The comparable form of `s`: decomposed, combining marks removed, đ/Đ (and the look-alike eth
 * ð/Ð) as d, lower case, any run of white space as one space, trimmed. Punctuation is kept.
 */
export function foldForSearch(s: string): string {
  return s
    .normalize("NFD")
    .replace(MARKS, "")
    .replace(INVISIBLE, "")
    .replace(/[đĐðÐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of an already folded string, in order (may repeat). */
export function foldedWords(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

/** The distinct folded words of any text: the entries of a multi-entry search index. */
export function searchWordsOf(...texts: readonly (string | undefined | null)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const w of foldedWords(foldForSearch(text))) words.add(w);
  }
  return [...words];
}

/** The query's words, folded; empty for a blank query. */
export function queryWords(query: string): string[] {
  return foldedWords(foldForSearch(query));
}

/**
 * True when every word of `query` starts some word of `folded` (a string from foldForSearch, or
 * folded words joined by spaces). Order does not matter; a blank query matches everything.
 */
export function matchesQuery(folded: string, query: string): boolean {
  const wanted = queryWords(query);
  if (wanted.length === 0) return true;
  return matchesWords(foldedWords(folded), wanted);
}

/** matchesQuery for words already split: every wanted word is a prefix of some word. */
export function matchesWords(words: readonly string[], wanted: readonly string[]): boolean {
  return wanted.every((q) => words.some((w) => w.startsWith(q)));
}

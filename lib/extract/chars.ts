// Character classes of single UTF-16 code units, for the hot loops of the rules.
//
// Each class is exactly what the regular expression in its comment answers for one code unit
// (a lone surrogate is in none of them), worked out once per code unit on first use and kept in
// a table: a scan asks a typed array instead of running a regular expression per character.

/** /\p{L}/u */
export const C_LETTER = 2;
/** /\p{M}/u */
export const C_MARK = 4;
/** /\p{N}/u */
export const C_NUMBER = 8;
/** /\p{Lu}/u */
export const C_UPPER = 16;
/** /\p{Ll}/u */
export const C_LOWER = 32;
/** /\s/ */
export const C_SPACE = 64;
/**
 * The code unit may read otherwise in a lower-cased text: it changes under toLowerCase() on its
 * own, or is half of a surrogate pair. (One that does not change alone does not change in a whole
 * string either: the only context rule of toLowerCase, final sigma, is about Σ, which changes.)
 */
export const C_CASED = 128;
/** /[\p{L}\p{M}\p{N}]/u: the characters of a word. */
export const C_WORD = C_LETTER | C_MARK | C_NUMBER;

const KNOWN = 1;
const TABLE = new Uint8Array(65536);

const RE_LETTER = /\p{L}/u;
const RE_MARK = /\p{M}/u;
const RE_NUMBER = /\p{N}/u;
const RE_UPPER = /\p{Lu}/u;
const RE_LOWER = /\p{Ll}/u;
const RE_SPACE = /\s/;

function fill(code: number): number {
  const ch = String.fromCharCode(code);
  let v = KNOWN;
  if (RE_LETTER.test(ch)) v |= C_LETTER;
  if (RE_MARK.test(ch)) v |= C_MARK;
  if (RE_NUMBER.test(ch)) v |= C_NUMBER;
  if (RE_UPPER.test(ch)) v |= C_UPPER;
  if (RE_LOWER.test(ch)) v |= C_LOWER;
  if (RE_SPACE.test(ch)) v |= C_SPACE;
  if (ch.toLowerCase() !== ch || (code >= 0xd800 && code <= 0xdfff)) v |= C_CASED;
  TABLE[code] = v;
  return v;
}

/** The classes of the code unit `code` (a charCodeAt result; NaN past the end gives 0). */
export function charClass(code: number): number {
  if (!(code >= 0 && code < 65536)) return 0;
  const v = TABLE[code]!;
  return v !== 0 ? v : fill(code);
}

/** charClass for a code unit known to be one (charCodeAt inside the string): no range check. */
export function unitClass(code: number): number {
  return TABLE[code]! || fill(code);
}

/** Classes of the first code unit of `s` (0 for ""), as `/^\p{…}/u` would answer for a BMP start. */
export function firstClass(s: string): number {
  return charClass(s.charCodeAt(0));
}

/** Does any code unit of `s` have one of `mask`'s classes? (`/\p{…}/u.test(s)` for text with no surrogates.) */
export function anyClass(s: string, mask: number): boolean {
  for (let k = 0; k < s.length; k++) if ((charClass(s.charCodeAt(k)) & mask) !== 0) return true;
  return false;
}

/** Single-character helpers taking `string | undefined`, as the rules call them on `text[i]`. */
export function isLetterChar(c: string | undefined): boolean {
  return c !== undefined && (charClass(c.charCodeAt(0)) & C_LETTER) !== 0;
}

export function isUpperChar(c: string | undefined): boolean {
  return c !== undefined && (charClass(c.charCodeAt(0)) & C_UPPER) !== 0;
}

export function isLowerChar(c: string | undefined): boolean {
  return c !== undefined && (charClass(c.charCodeAt(0)) & C_LOWER) !== 0;
}

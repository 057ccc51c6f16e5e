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

/** The classes of the code unit at `i` of `s` (0 past either end). */
export function classAt(s: string, i: number): number {
  return charClass(s.charCodeAt(i));
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

// ---- interned slices ----------------------------------------------------------------------

const INTERN_BITS = 14;
const INTERN_MASK = (1 << INTERN_BITS) - 1;
const INTERN_MAX = 32;
const internTable: (string | undefined)[] = new Array(1 << INTERN_BITS).fill(undefined);

/**
 * `s.slice(a, b)`, from a small cache of recent short slices: the words of a text repeat, so most
 * tokens reuse one string instead of allocating their own (and Map and Set look-ups reuse its
 * hash). A direct-mapped table: a collision just replaces the older string.
 */
export function internSlice(s: string, a: number, b: number): string {
  const len = b - a;
  if (len > INTERN_MAX || len <= 0) return s.slice(a, b);
  let h = 0x811c9dc5 ^ len;
  for (let k = a; k < b; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  const slot = (h ^ (h >>> 15)) & INTERN_MASK;
  const hit = internTable[slot];
  if (hit !== undefined && hit.length === len) {
    let same = true;
    for (let k = 0; k < len; k++) {
      if (hit.charCodeAt(k) !== s.charCodeAt(a + k)) {
        same = false;
        break;
      }
    }
    if (same) return hit;
  }
  const fresh = s.slice(a, b);
  internTable[slot] = fresh;
  return fresh;
}

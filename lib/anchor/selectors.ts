// W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors) describing a
// span of page text, so it can be found again when the page is read anew.

/** The quoted text with some text before and after it (W3C TextQuoteSelector). */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

/** UTF-16 offsets into the page text (W3C TextPositionSelector; end exclusive). */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export const DEFAULT_CONTEXT_LENGTH = 32;

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Selectors for text[start, end): the exact quote, up to `contextLength` code units of context on
 * each side (never a half surrogate pair), and the position. Throws a RangeError for offsets that
 * are not a span of `text`.
 */
export function describeSpan(text: string, start: number, end: number, contextLength = DEFAULT_CONTEXT_LENGTH): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`describeSpan: [${start}, ${end}) is not a span of a text of length ${text.length}`);
  }
  const context = Math.max(0, Math.floor(contextLength));
  let prefixStart = Math.max(0, start - context);
  if (prefixStart > 0 && prefixStart < start && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + context);
  if (suffixEnd < text.length && suffixEnd > end && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return {
    quote: { type: "TextQuoteSelector", exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    position: { type: "TextPositionSelector", start, end },
  };
}

/** Selectors for a quote known without its page text (no context): anchoring relies on the quote. */
export function quoteOnly(exact: string, start: number, end: number): Selectors {
  return {
    quote: { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
    position: { type: "TextPositionSelector", start, end },
  };
}

/** True for a structurally valid Selectors value (as read back from storage or a message). */
export function isSelectors(value: unknown): value is Selectors {
  if (typeof value !== "object" || value === null) return false;
  const { quote, position } = value as Partial<Selectors>;
  return (
    typeof quote === "object" &&
    quote !== null &&
    typeof quote.exact === "string" &&
    typeof quote.prefix === "string" &&
    typeof quote.suffix === "string" &&
    typeof position === "object" &&
    position !== null &&
    Number.isInteger(position.start) &&
    Number.isInteger(position.end) &&
    position.start >= 0 &&
    position.end >= position.start
  );
}

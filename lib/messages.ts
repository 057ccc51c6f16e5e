// The message contract, one type per direction, checked on receipt: anything that does not have
// the expected shape is rejected (and logged by the receiver), never acted on.
import type { Annotation, AnnotationKind } from "./extract/types";

export type KindCounts = Record<AnnotationKind, number>;

/** Content script → background. */
export type ContentToBackground = {
  type: "page-annotated";
  url: string;
  title: string;
  counts: KindCounts;
};

/** Popup → content script (through tabs.sendMessage). */
export type PopupToContent = { type: "get-page-annotations" };

/** Content script's answer to get-page-annotations. */
export interface PageAnnotations {
  url: string;
  title: string;
  articleDate?: string;
  annotations: Annotation[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const shortString = (v: unknown, max = 4096): v is string => typeof v === "string" && v.length <= max;

export function parseContentToBackground(message: unknown): ContentToBackground | null {
  if (!isObject(message) || message.type !== "page-annotated") return null;
  const { url, title, counts } = message;
  if (!shortString(url) || !shortString(title, 2048) || !isObject(counts)) return null;
  if (!isCount(counts.leader) || !isCount(counts.directive) || !isCount(counts.number)) return null;
  return {
    type: "page-annotated",
    url,
    title,
    counts: { leader: counts.leader as number, directive: counts.directive as number, number: counts.number as number },
  };
}

export function parsePopupToContent(message: unknown): PopupToContent | null {
  if (!isObject(message) || message.type !== "get-page-annotations") return null;
  return { type: "get-page-annotations" };
}

export function countKinds(annotations: readonly Annotation[]): KindCounts {
  const counts: KindCounts = { leader: 0, directive: 0, number: 0 };
  for (const a of annotations) counts[a.kind]++;
  return counts;
}

// The message contract: one type per direction, each checked on receipt. Anything without the
// expected shape is rejected (and logged by the receiver), never acted on or stored.
import type { Annotation, AnnotationKind, Approx, NumberAnnotation, NumberSubkind } from "./extract/types";

export type KindCounts = Record<AnnotationKind, number>;

export type CardAction = "star" | "unstar" | "reject" | "unreject" | "note";

/** Content script → background. */
export type ContentToBackground =
  | { type: "page-annotated"; url: string; title: string; counts: KindCounts }
  | { type: "annotation-action"; action: CardAction; pageUrl: string; annotation: Annotation; note?: string };

/** Popup → content script (through tabs.sendMessage). */
export type PopupToContent =
  | { type: "get-page-annotations" }
  | { type: "set-highlights-visible"; visible: boolean }
  | { type: "focus-annotation"; index: number };

/** Popup → background. */
export type PopupToBackground = { type: "set-site"; host: string; choice: "on" | "off"; tabId?: number };

/** Background → content script. */
export type BackgroundToContent = { type: "site-disabled" };

/** The content script's answer to get-page-annotations. */
export interface PageAnnotations {
  url: string;
  title: string;
  articleDate?: string;
  visible: boolean;
  annotations: Annotation[];
}

/** The answer to a request that writes. */
export type WriteResult = { ok: true } | { ok: false; error: "storage-full" | "failed"; detail?: string };

const MAX_TEXT = 20_000;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isString = (v: unknown, max = 4096): v is string => typeof v === "string" && v.length <= max;
const optionalString = (v: unknown, max = 4096) => v === undefined || isString(v, max);
const HOST = /^[a-z0-9.-]{1,253}$/;

const NUMBER_SUBKINDS: readonly NumberSubkind[] = ["quantity", "money", "percent", "date", "time", "period", "ordinal"];
const APPROX: readonly string[] = ["more", "less", "nearly", "about"] satisfies Approx[];
const CARD_ACTIONS: readonly CardAction[] = ["star", "unstar", "reject", "unreject", "note"];

/** An annotation as the extractor makes it; extra fields are dropped. */
export function parseAnnotation(v: unknown): Annotation | null {
  if (!isObject(v)) return null;
  const { kind, start, end, text } = v;
  if (!isCount(start) || !isCount(end) || end < start || !isString(text, MAX_TEXT)) return null;
  const base = { start, end, text };
  if (kind === "leader") {
    if (!isString(v.name, 300) || !isString(v.title, 1000) || !optionalString(v.honorific, 50) || !optionalString(v.refersTo, 300)) return null;
    return {
      kind,
      ...base,
      name: v.name,
      title: v.title,
      ...(v.honorific !== undefined ? { honorific: v.honorific as string } : {}),
      ...(v.refersTo !== undefined ? { refersTo: v.refersTo as string } : {}),
    };
  }
  if (kind === "directive" && v.subkind === "document") {
    if (!isString(v.docType, 200) || !optionalString(v.code, 200) || !optionalString(v.issuer, 300) || !optionalString(v.date, 40)) return null;
    const out: Annotation = { kind, subkind: "document", ...base, docType: v.docType };
    if (v.code !== undefined) out.code = v.code as string;
    if (v.issuer !== undefined) out.issuer = v.issuer as string;
    if (v.date !== undefined) out.date = v.date as string;
    return out;
  }
  if (kind === "directive" && v.subkind === "instruction") {
    if (!optionalString(v.speaker, 500) || !optionalString(v.verb, 100)) return null;
    const out: Annotation = { kind, subkind: "instruction", ...base };
    if (v.speaker !== undefined) out.speaker = v.speaker as string;
    if (v.verb !== undefined) out.verb = v.verb as string;
    return out;
  }
  if (kind === "number") {
    const value = v.value;
    const valueOk = (typeof value === "number" && Number.isFinite(value)) || isString(value, 100);
    if (!NUMBER_SUBKINDS.includes(v.subkind as NumberSubkind) || !valueOk || !optionalString(v.unit, 200)) return null;
    if (v.approx !== undefined && !APPROX.includes(v.approx as string)) return null;
    const out: NumberAnnotation = { kind, subkind: v.subkind as NumberSubkind, ...base, value: value as number | string };
    if (v.unit !== undefined) out.unit = v.unit as string;
    if (v.approx !== undefined) out.approx = v.approx as Approx;
    return out;
  }
  return null;
}

export function parseContentToBackground(message: unknown): ContentToBackground | null {
  if (!isObject(message)) return null;
  if (message.type === "page-annotated") {
    const { url, title, counts } = message;
    if (!isString(url) || !isString(title, 2048) || !isObject(counts)) return null;
    if (!isCount(counts.leader) || !isCount(counts.directive) || !isCount(counts.number)) return null;
    return { type: "page-annotated", url, title, counts: { leader: counts.leader, directive: counts.directive, number: counts.number } };
  }
  if (message.type === "annotation-action") {
    const { action, pageUrl, note } = message;
    if (!CARD_ACTIONS.includes(action as CardAction) || !isString(pageUrl) || !optionalString(note, MAX_TEXT)) return null;
    const annotation = parseAnnotation(message.annotation);
    if (!annotation) return null;
    return { type: "annotation-action", action: action as CardAction, pageUrl, annotation, ...(note !== undefined ? { note: note as string } : {}) };
  }
  return null;
}

export function parsePopupToContent(message: unknown): PopupToContent | null {
  if (!isObject(message)) return null;
  if (message.type === "get-page-annotations") return { type: "get-page-annotations" };
  if (message.type === "set-highlights-visible" && typeof message.visible === "boolean")
    return { type: "set-highlights-visible", visible: message.visible };
  if (message.type === "focus-annotation" && isCount(message.index)) return { type: "focus-annotation", index: message.index };
  return null;
}

export function parsePopupToBackground(message: unknown): PopupToBackground | null {
  if (!isObject(message) || message.type !== "set-site") return null;
  const { host, choice, tabId } = message;
  if (!isString(host, 253) || !HOST.test(host) || (choice !== "on" && choice !== "off")) return null;
  if (tabId !== undefined && !isCount(tabId)) return null;
  return { type: "set-site", host, choice, ...(tabId !== undefined ? { tabId } : {}) };
}

export function parseBackgroundToContent(message: unknown): BackgroundToContent | null {
  return isObject(message) && message.type === "site-disabled" ? { type: "site-disabled" } : null;
}

export function countKinds(annotations: readonly Annotation[]): KindCounts {
  const counts: KindCounts = { leader: 0, directive: 0, number: 0 };
  for (const a of annotations) counts[a.kind]++;
  return counts;
}

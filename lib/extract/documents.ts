import type { NormalizedText } from "./text";
import type { DocumentAnnotation, Draft, ExtractOptions } from "./types";

export function findDocuments(_nt: NormalizedText, _options: ExtractOptions): Draft<DocumentAnnotation>[] {
  return [];
}

import type { NormalizedText } from "./text";
import type { DocumentAnnotation, Draft, ExtractOptions, NumberAnnotation } from "./types";

export function findNumbers(
  _nt: NormalizedText,
  _options: ExtractOptions,
  _documents: Draft<DocumentAnnotation>[],
): Draft<NumberAnnotation>[] {
  return [];
}

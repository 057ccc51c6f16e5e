import type { NormalizedText } from "./text";
import type { Draft, ExtractOptions, LeaderAnnotation } from "./types";

export function findLeaders(_nt: NormalizedText, _options: ExtractOptions): Draft<LeaderAnnotation>[] {
  return [];
}

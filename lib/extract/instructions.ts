import type { NormalizedText } from "./text";
import type { Draft, ExtractOptions, InstructionAnnotation, LeaderAnnotation } from "./types";

export function findInstructions(
  _nt: NormalizedText,
  _options: ExtractOptions,
  _leaders: Draft<LeaderAnnotation>[],
): Draft<InstructionAnnotation>[] {
  return [];
}

// Matching runs on NFC text: a quote saved from an NFC page must still be found when the page is
// served decomposed (NFD), and the other way round. Offsets found in the NFC text map back to the
// text as the caller gave it.

export interface NfcText {
  /** The text in NFC (cluster by cluster, which is NFC for any text a news page carries). */
  readonly text: string;
  /** Offset in the caller's text → offset in `text` (inside a cluster: its start). */
  toNfc(offset: number): number;
  /** Offset in `text` → offset in the caller's text; inside a cluster, a start snaps to the cluster's start, an end to its end. */
  toOriginal(offset: number, side: "start" | "end"): number;
}

/** A base character and the combining marks after it, or stray marks. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

function identity(text: string): NfcText {
  const clamp = (o: number) => Math.max(0, Math.min(text.length, o));
  return { text, toNfc: clamp, toOriginal: clamp };
}

/** Greatest i with starts[i] <= value (starts ascending, starts[0] = 0). */
function floorIndex(starts: readonly number[], value: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function toNfc(original: string): NfcText {
  if (original.normalize("NFC") === original) return identity(original);
  // Only clusters that change get their own piece; runs of unchanged clusters map one to one.
  const origStarts: number[] = [];
  const nfcStarts: number[] = [];
  const same: boolean[] = [];
  const parts: string[] = [];
  let nfcLength = 0;
  let last = 0;
  const push = (origStart: number, nfcPart: string, identityPiece: boolean) => {
    origStarts.push(origStart);
    nfcStarts.push(nfcLength);
    same.push(identityPiece);
    parts.push(nfcPart);
    nfcLength += nfcPart.length;
  };
  for (const m of original.matchAll(CLUSTER)) {
    const cluster = m[0];
    const nfc = cluster.normalize("NFC");
    if (nfc === cluster) continue;
    const at = m.index;
    if (at > last) push(last, original.slice(last, at), true);
    push(at, nfc, false);
    last = at + cluster.length;
  }
  if (last < original.length || origStarts.length === 0) push(last, original.slice(last), true);
  origStarts.push(original.length);
  nfcStarts.push(nfcLength);
  same.push(true);
  const text = parts.join("");

  return {
    text,
    toNfc(offset) {
      const o = Math.max(0, Math.min(original.length, offset));
      const i = floorIndex(origStarts, o);
      return same[i] ? nfcStarts[i]! + (o - origStarts[i]!) : nfcStarts[i]!;
    },
    toOriginal(offset, side) {
      const n = Math.max(0, Math.min(text.length, offset));
      const i = floorIndex(nfcStarts, n);
      if (same[i]) return origStarts[i]! + (n - nfcStarts[i]!);
      if (n === nfcStarts[i]) return origStarts[i]!;
      return side === "start" ? origStarts[i]! : origStarts[i + 1]!;
    },
  };
}

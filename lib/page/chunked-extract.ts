// Extraction that never holds the page's main thread for long: the text is cut at paragraph
// breaks into chunks, each extracted in its own task. A normal article is one chunk, so the rules
// see it whole; only very long pages are cut.
import { extract, type Annotation, type ExtractOptions } from "../extract/index";

export interface ChunkOptions extends ExtractOptions {
  /** Largest chunk in UTF-16 code units (cut at the last paragraph break before it). */
  maxChunk?: number;
  /** Lets the browser run other tasks between chunks; the default waits for a new macrotask. */
  yieldToPage?: () => Promise<void>;
  signal?: AbortSignal;
  onError?: (family: string, error: unknown) => void;
  /** Hears each chunk's annotations as soon as they are found (offsets into the whole text). */
  onChunk?: (annotations: Annotation[]) => void;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Chunk boundaries [start, end) covering the text, cut after paragraph breaks where possible. */
export function chunkBounds(text: string, maxChunk: number): [number, number][] {
  const bounds: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + maxChunk);
    if (end < text.length) {
      const cut = text.lastIndexOf("\n\n", end);
      if (cut > start) end = cut + 2;
      else {
        const line = text.lastIndexOf("\n", end);
        if (line > start) end = line + 1;
      }
    }
    bounds.push([start, end]);
    start = end;
  }
  return bounds;
}

/** Extracts chunk by chunk, yielding between chunks; stops (returning what it has) when aborted. */
export async function extractInChunks(text: string, options: ChunkOptions = {}): Promise<Annotation[]> {
  const { maxChunk = 40_000, yieldToPage = macrotask, signal, onError, onChunk, ...extractOptions } = options;
  const out: Annotation[] = [];
  const bounds = chunkBounds(text, maxChunk);
  for (let i = 0; i < bounds.length; i++) {
    if (signal?.aborted) break;
    const [start, end] = bounds[i]!;
    const found = extract(text.slice(start, end), extractOptions, onError).map((a) => ({ ...a, start: a.start + start, end: a.end + start }));
    out.push(...found);
    onChunk?.(found);
    if (i + 1 < bounds.length) await yieldToPage();
  }
  return out;
}

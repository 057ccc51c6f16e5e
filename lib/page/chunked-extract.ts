// Extraction that never holds the page's main thread for long: the text is cut at paragraph
// breaks into chunks, each extracted in its own task. A normal article is one chunk, so the rules
// see it whole; only very long pages are cut.
import { extract, type Annotation, type ExtractOptions } from "../extract/index";

export interface ChunkOptions extends ExtractOptions {
  /** Largest chunk in UTF-16 code units (cut at the last paragraph break before it). */
  maxChunk?: number;
  /**
   * Time one chunk may take, in ms: after each chunk the next one is sized from the speed just
   * measured (between 2,000 code units and maxChunk). Without it every chunk is maxChunk.
   */
  budgetMs?: number;
  /** The first chunk's size when budgetMs is given. */
  firstChunk?: number;
  /** The clock (a test seam). */
  now?: () => number;
  /** Lets the browser run other tasks between chunks; the default waits for a new macrotask. */
  yieldToPage?: () => Promise<void>;
  signal?: AbortSignal;
  onError?: (family: string, error: unknown) => void;
  /** Hears each chunk's annotations as soon as they are found (offsets into the whole text). */
  onChunk?: (annotations: Annotation[]) => void;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The end of a chunk starting at `start` of at most `size`, cut after a paragraph break where possible. */
function chunkEnd(text: string, start: number, size: number): number {
  let end = Math.min(text.length, start + size);
  if (end < text.length) {
    const cut = text.lastIndexOf("\n\n", end);
    if (cut > start) end = cut + 2;
    else {
      const line = text.lastIndexOf("\n", end);
      if (line > start) end = line + 1;
    }
  }
  return end;
}

/** Chunk boundaries [start, end) covering the text, cut after paragraph breaks where possible. */
export function chunkBounds(text: string, maxChunk: number): [number, number][] {
  const bounds: [number, number][] = [];
  for (let start = 0; start < text.length; ) {
    const end = chunkEnd(text, start, maxChunk);
    bounds.push([start, end]);
    start = end;
  }
  return bounds;
}

const MIN_CHUNK = 2_000;

/** Extracts chunk by chunk, yielding between chunks; stops (returning what it has) when aborted. */
export async function extractInChunks(text: string, options: ChunkOptions = {}): Promise<Annotation[]> {
  const {
    maxChunk = 40_000,
    budgetMs,
    firstChunk = 12_000,
    now = () => performance.now(),
    yieldToPage = macrotask,
    signal,
    onError,
    onChunk,
    ...extractOptions
  } = options;
  const out: Annotation[] = [];
  let size = budgetMs === undefined ? maxChunk : Math.min(firstChunk, maxChunk);
  for (let start = 0; start < text.length; ) {
    if (signal?.aborted) break;
    const end = chunkEnd(text, start, size);
    const t0 = now();
    const found = extract(text.slice(start, end), extractOptions, onError).map((a) => ({ ...a, start: a.start + start, end: a.end + start }));
    out.push(...found);
    onChunk?.(found);
    if (budgetMs !== undefined) {
      const perUnit = Math.max(now() - t0, 0.1) / (end - start);
      size = Math.max(MIN_CHUNK, Math.min(maxChunk, Math.floor(budgetMs / perUnit)));
    }
    start = end;
    if (start < text.length) await yieldToPage();
  }
  return out;
}

// Annotates the article on the current page: find the body, run the shared rules, draw highlights.
import { extract, type Annotation } from "@/lib/extract";
import { findArticleBody, isVietnamese } from "@/lib/page/article";
import { buildTextMap, rangeFor } from "@/lib/page/text-map";

export const HIGHLIGHT_NAMES = {
  leader: "vpl-leader",
  directive: "vpl-directive",
  number: "vpl-number",
} as const;

export interface PageResult {
  title: string;
  articleDate?: string;
  annotations: Annotation[];
}

/** Returns null when the page is not a Vietnamese article. */
export function annotateDocument(doc: Document): PageResult | null {
  performance.mark("vpl:detect:start");
  if (!isVietnamese(doc)) return null;
  const body = findArticleBody(doc);
  performance.measure("vpl:detect", "vpl:detect:start");
  if (!body) return null;

  performance.mark("vpl:extract:start");
  const map = buildTextMap(body.textNodes);
  const annotations = extract(map.text, { articleDate: body.publishedDate }, (family, error) =>
    console.warn(`[policy-lens] the ${family} rules failed on this page`, error),
  );
  performance.measure("vpl:extract", "vpl:extract:start");

  performance.mark("vpl:highlight:start");
  if (typeof CSS !== "undefined" && "highlights" in CSS) {
    const byKind = { leader: [] as Range[], directive: [] as Range[], number: [] as Range[] };
    for (const a of annotations) {
      const range = rangeFor(map, a.start, a.end);
      if (range) byKind[a.kind].push(range);
    }
    for (const kind of Object.keys(byKind) as (keyof typeof byKind)[]) {
      CSS.highlights.set(HIGHLIGHT_NAMES[kind], new Highlight(...byKind[kind]));
    }
  }
  performance.measure("vpl:highlight", "vpl:highlight:start");
  return { title: body.title, articleDate: body.publishedDate, annotations };
}

export function clearHighlights(): void {
  if (typeof CSS === "undefined" || !("highlights" in CSS)) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
}

// Functions that run INSIDE a browser page (they are serialised and sent there): each is
// self-contained, uses no import and no outer variable, and returns plain JSON.

/** Elements a reader does not take for the article: site chrome, related lists, comment forms. */
export const FURNITURE_SELECTOR = [
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "textarea",
  "[role=navigation]",
  "[role=banner]",
  "[role=contentinfo]",
  "[role=complementary]",
  "[role=search]",
  "[role=form]",
  // class / id names the sites use for related lists, comment boxes, sidebars, menus, breadcrumbs
  "[class*=related i]",
  "[id*=related i]",
  "[class*=lien-quan i]",
  "[class*=lienquan i]",
  "[class*=tin-khac i]",
  "[class*=comment i]",
  "[id*=comment i]",
  "[class*=binh-luan i]",
  "[class*=binhluan i]",
  "[class*=sidebar i]",
  "[class*=breadcrumb i]",
  "[class*=menu i]",
].join(",");

/** The highlights that mark what the rules found (vpl-focus and vpl-note are the reader's own). */
export const HIGHLIGHT_NAMES = ["vpl-leader", "vpl-directive", "vpl-number"] as const;

/**
 * The User Timing measure the content script records when it has annotated the article (after
 * its last extraction chunk). Shared by both worlds of the page, so tests can wait for it.
 */
export const ANNOTATED_MEASURE = "policy-lens:annotate";

/** True once the content script has finished annotating the page. Runs in the page. */
export function annotationFinished(measure: string): boolean {
  return performance.getEntriesByName(measure, "measure").length > 0;
}

export interface RangeReport {
  name: string;
  text: string;
  /** Where the range sits: a short CSS-like path of its container. */
  where: string;
  /**
   * Why the range is not article text: outside the article container (`bodySelector`), or inside
   * furniture (see FURNITURE_SELECTOR) within it. Null when it is clear.
   */
  furniture: string | null;
}

export interface SampleReport {
  sample: string;
  /** Occurrences of the sample in the page text. */
  found: number;
  /** True when every letter and digit of one occurrence lies inside a highlight. */
  covered: boolean;
  /** The part of the best occurrence left unhighlighted ("" when covered). */
  uncovered: string;
  /** The highlights (by name) that touch the best occurrence. */
  names: string[];
}

export interface FurnitureSampleReport {
  sample: string;
  found: number;
  /** Text of the sample found inside a highlight (empty when clean). */
  highlighted: string;
  /** Where the highlighted occurrences sit. */
  where: string[];
}

export interface HighlightReport {
  supported: boolean;
  /** Every highlight name registered on the page (not only ours). */
  registered: string[];
  /** Number of ranges per highlight name (ours only). */
  sizes: Record<string, number>;
  /** False when `bodySelector` was given but matches nothing on the page. */
  bodyFound: boolean;
  ranges: RangeReport[];
  samples: SampleReport[];
  furnitureSamples: FurnitureSampleReport[];
}

export interface InspectArgs {
  names: readonly string[];
  furniture: string;
  /** The article container; every highlight must lie inside it. */
  bodySelector: string | null;
  bodySamples: readonly string[];
  furnitureSamples: readonly string[];
}

/**
 * Reads the CSS Custom Highlights the page shows and checks them against the page: where each
 * range sits, and which sample strings are covered. Runs in the page's own world.
 */
export function inspectHighlights(args: InspectArgs): HighlightReport {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> } | undefined)?.highlights;
  const container = args.bodySelector ? document.querySelector(args.bodySelector) : null;
  const report: HighlightReport = {
    supported: !!registry,
    registered: [],
    sizes: {},
    bodyFound: !args.bodySelector || container !== null,
    ranges: [],
    samples: [],
    furnitureSamples: [],
  };
  if (!registry) return report;
  // forEach rather than iterators: in a Firefox sandbox (Harness.evaluateIsolated) the registry is
  // seen through Xrays, which cannot wrap iterators
  registry.forEach((_value, key) => report.registered.push(key));

  const describe = (el: Element | null): string => {
    const parts: string[] = [];
    for (let e = el; e && e !== document.documentElement && parts.length < 5; e = e.parentElement) {
      let part = e.localName;
      if (e.id) part += `#${e.id}`;
      const cls = (e.getAttribute("class") ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 2);
      if (cls.length) part += `.${cls.join(".")}`;
      parts.unshift(part);
    }
    return parts.join(" > ");
  };
  const elementOf = (node: Node): Element | null => (node.nodeType === 1 ? (node as Element) : node.parentElement);
  /** Why `node` is not article text, or null. */
  const furnitureOf = (node: Node): string | null => {
    const el = elementOf(node);
    if (!el) return "detached";
    if (container && !container.contains(el)) return `outside ${args.bodySelector} (in ${describe(el)})`;
    // furniture inside the container (or anywhere, without one); the container itself is article
    for (let e: Element | null = el; e && e !== container; e = e.parentElement) {
      if (!e.matches(args.furniture)) continue;
      // a <header> inside an <article> is the article's own header (title, lead), not site chrome
      if (e.localName === "header" && e.parentElement?.closest("article")) continue;
      return `in ${describe(e)}`;
    }
    return null;
  };

  const live: { name: string; range: AbstractRange }[] = [];
  for (const name of args.names) {
    const highlight = registry.get(name);
    report.sizes[name] = highlight ? highlight.size : 0;
    if (!highlight) continue;
    const ranges: AbstractRange[] = [];
    highlight.forEach((range) => ranges.push(range));
    for (const range of ranges) {
      live.push({ name, range });
      const r = document.createRange();
      let text = "";
      try {
        r.setStart(range.startContainer, range.startOffset);
        r.setEnd(range.endContainer, range.endOffset);
        text = r.toString();
      } catch {
        text = "(invalid range)";
      }
      report.ranges.push({
        name,
        text,
        where: describe(elementOf(r.commonAncestorContainer)),
        furniture: furnitureOf(range.startContainer) ?? furnitureOf(range.endContainer) ?? furnitureOf(r.commonAncestorContainer),
      });
    }
  }

  // The page's text, folded the way a reader compares it (NFC, runs of spaces as one space),
  // each folded character remembering the text node and offsets it came from.
  type Source = { node: Text; start: number; end: number };
  const BLOCKS = "p,li,dt,dd,h1,h2,h3,h4,h5,h6,div,td,th,tr,table,figcaption,figure,blockquote,pre,section,article,header,footer,nav,aside,main,form,label,ul,ol,body";
  const blockOf = (node: Node): Element | null => node.parentElement?.closest(BLOCKS) ?? null;
  const chars: string[] = [];
  const sources: (Source | null)[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (chars.length && chars[chars.length - 1] !== " ") {
      // text of different blocks never runs together: "<li>a</li><li>b</li>" reads "a b"
      const prev = sources[sources.length - 1];
      if (prev && blockOf(prev.node) !== blockOf(n)) {
        chars.push(" ");
        sources.push(null);
      }
    }
    const node = n as Text;
    if (node.parentElement?.closest("script,style,noscript,template")) continue;
    for (const m of node.data.matchAll(/[\s\S]\p{M}*/gu)) {
      const cluster = m[0];
      const start = m.index ?? 0;
      if (/^[\u200B-\u200D\u2060\uFEFF\u00AD]$/.test(cluster)) continue;
      if (/^\s$/.test(cluster)) {
        if (chars.length && chars[chars.length - 1] !== " ") {
          chars.push(" ");
          sources.push(null);
        }
        continue;
      }
      for (const c of cluster.normalize("NFC")) {
        for (const unit of c.split("")) {
          chars.push(unit);
          sources.push({ node, start, end: start + cluster.length });
        }
      }
    }
  }
  const text = chars.join("");
  const fold = (s: string) => s.normalize("NFC").replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "").replace(/\s+/g, " ").trim();
  const inBody = (at: number): boolean => {
    const src = sources[at];
    return !container || (src !== null && src !== undefined && container.contains(src.node));
  };
  const occurrences = (needle: string, bodyOnly: boolean): number[] => {
    const out: number[] = [];
    if (!needle) return out;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) if (!bodyOnly || inBody(i)) out.push(i);
    return out;
  };
  const coveringNames = (src: Source): string[] =>
    live
      .filter(({ range }) => {
        try {
          const r = document.createRange();
          r.setStart(range.startContainer, range.startOffset);
          r.setEnd(range.endContainer, range.endOffset);
          return r.comparePoint(src.node, src.start) === 0 && r.comparePoint(src.node, src.end) === 0;
        } catch {
          return false;
        }
      })
      .map(({ name }) => name);

  for (const raw of args.bodySamples) {
    const sample = fold(raw);
    const hits = occurrences(sample, true);
    let best: SampleReport = { sample: raw, found: hits.length, covered: false, uncovered: sample, names: [] };
    let bestMissing = Infinity;
    for (const at of hits) {
      let missing = 0;
      let uncovered = "";
      const names = new Set<string>();
      for (let i = at; i < at + sample.length; i++) {
        const src = sources[i];
        // letters and digits must be highlighted; spaces and punctuation between two highlights
        // ("14:08 - 17/03/2023" drawn as a time and a date) need not be
        if (!src || !/[\p{L}\p{N}]/u.test(chars[i]!)) {
          uncovered += " ";
          continue;
        }
        const covering = coveringNames(src);
        if (covering.length === 0) {
          missing++;
          uncovered += chars[i];
        } else {
          uncovered += " ";
          covering.forEach((n) => names.add(n));
        }
      }
      if (missing < bestMissing) {
        bestMissing = missing;
        best = { sample: raw, found: hits.length, covered: missing === 0, uncovered: uncovered.replace(/\s+/g, " ").trim(), names: [...names] };
      }
      if (missing === 0) break;
    }
    report.samples.push(best);
  }

  for (const raw of args.furnitureSamples) {
    const sample = fold(raw);
    const hits = occurrences(sample, false);
    let highlighted = "";
    const where: string[] = [];
    for (const at of hits) {
      let touched = false;
      for (let i = at; i < at + sample.length; i++) {
        const src = sources[i];
        if (src && coveringNames(src).length > 0) {
          highlighted += chars[i];
          touched = true;
        } else if (highlighted && !highlighted.endsWith(" ")) highlighted += " ";
      }
      if (touched) where.push(describe(elementOf(sources[at]!.node)));
    }
    report.furnitureSamples.push({ sample: raw, found: hits.length, highlighted: highlighted.trim(), where });
  }
  return report;
}

export interface PopupView {
  url: string;
  /** False while the popup still shows its loading line. */
  ready: boolean;
  heading: string;
  /** The status line ("nothing is annotated on this page" and the like), when shown. */
  status: string | null;
  /** The article title the popup shows, when it lists annotations. */
  pageTitle: string | null;
  /** One per group the popup shows (kind-leader, kind-directive, kind-number, kind-note, …). */
  sections: { kind: string; heading: string; count: number; quotes: string[] }[];
  text: string;
}

/** Reads what the popup shows. Runs in the popup page (or is given its document). */
export function readPopup(doc?: Document): PopupView {
  const d = doc ?? document;
  const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
  const sections = Array.from(d.querySelectorAll("section.kind, section.group")).map((s) => ({
    kind: /(?:kind|group)-(\w+)/.exec(s.getAttribute("class") ?? "")?.[1] ?? "",
    heading: text(s.querySelector("h2")),
    count: Number(text(s.querySelector("h2 .count")).replace(/\D/g, "")),
    quotes: Array.from(s.querySelectorAll(".quote")).map((q) => text(q)),
  }));
  const status = d.querySelector(".status[role=status]");
  return {
    url: d.location.href,
    ready: sections.length > 0 || status !== null,
    heading: text(d.querySelector("h1")),
    status: status ? text(status) : null,
    pageTitle: d.querySelector(".page-title") ? text(d.querySelector(".page-title")) : null,
    sections,
    text: (d.body as HTMLElement | null)?.innerText ?? "",
  };
}

/** Scrolls the first highlight of the page into view; returns false when there is none. */
export function scrollToFirstHighlight(names: readonly string[]): boolean {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> } | undefined)?.highlights;
  let first: { top: number; el: Element } | null = null;
  for (const name of names) {
    for (const range of registry?.get(name) ?? []) {
      const r = document.createRange();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      const top = r.getBoundingClientRect().top + window.scrollY;
      const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
      if (el && (!first || top < first.top)) first = { top, el };
    }
  }
  if (!first) return false;
  window.scrollTo(0, Math.max(0, first.top - 200));
  return true;
}

export interface VisibleRange {
  name: string;
  text: string;
  /** Viewport rectangles (CSS pixels) of the range's line boxes that are fully on screen, uncovered. */
  rects: { x: number; y: number; width: number; height: number }[];
}

/** The highlighted ranges on screen now, with where they are drawn. Runs in the page. */
export function visibleHighlightRanges(names: readonly string[]): { dpr: number; ranges: VisibleRange[] } {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> } | undefined)?.highlights;
  const out: VisibleRange[] = [];
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  for (const name of names) {
    for (const range of registry?.get(name) ?? []) {
      const r = document.createRange();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      const anc = r.commonAncestorContainer.nodeType === 1 ? (r.commonAncestorContainer as Element) : r.commonAncestorContainer.parentElement;
      // on screen and not covered by something else (a sticky header, a cookie banner)
      const uncovered = (b: DOMRect) =>
        [b.left + 2, b.left + b.width / 2, b.right - 2].every((x) => {
          const hit = document.elementFromPoint(x, b.top + b.height / 2);
          return !!hit && !!anc && anc.contains(hit);
        });
      const rects = Array.from(r.getClientRects())
        .filter((b) => b.width >= 4 && b.height >= 4 && b.left >= 0 && b.top >= 0 && b.right <= vw && b.bottom <= vh && uncovered(b))
        .map((b) => ({ x: b.left, y: b.top, width: b.width, height: b.height }));
      if (rects.length) out.push({ name, text: r.toString(), rects });
    }
  }
  return { dpr: window.devicePixelRatio || 1, ranges: out };
}

/**
 * Takes our highlights off the page's registry (shown: false) or puts the same objects back
 * (shown: true): what the page looks like without them. Runs in the page.
 */
export function setHighlightsShown(arg: { names: readonly string[]; shown: boolean }): boolean {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  if (!registry) return false;
  const g = globalThis as unknown as { __vplE2EStash?: Record<string, unknown> };
  g.__vplE2EStash ??= {};
  for (const name of arg.names) {
    if (arg.shown) {
      const h = g.__vplE2EStash[name];
      if (h) registry.set(name, h);
      delete g.__vplE2EStash[name];
    } else if (registry.has(name)) {
      g.__vplE2EStash[name] = registry.get(name);
      registry.delete(name);
    }
  }
  return true;
}

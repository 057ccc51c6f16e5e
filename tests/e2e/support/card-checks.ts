// Functions that run in the page (its main world, a fresh isolated world, or the extension's
// content-script world), serialised and sent there: each is self-contained and returns JSON.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardView {
  /** The <policy-lens-card> host is in the document. */
  present: boolean;
  /** data-open="true" on the host. */
  open: boolean;
  /** data-kind on the host. */
  kind: string | null;
  /** The shadow root could be read (it is closed: only the content script's world can). */
  readable: boolean;
  /** Class names of the card (kind-leader, rejected …). */
  classes: string[];
  quote: string;
  /** Texts of the badges in the head ("Rejected", "★"). */
  badges: string[];
  /** The saved note shown on the card, or "" . */
  note: string;
  /** The status line ("Saved", "Storage is full …"), or "". */
  message: string;
  buttons: { text: string; pressed: string | null; rect: Rect; focused: boolean }[];
  textarea: { value: string; focused: boolean; rect: Rect } | null;
  /** The host's box on screen, and what the page shows at its centre. */
  hostRect: Rect | null;
  cardRect: Rect | null;
  /** How the host is drawn (computed style). */
  hostStyle: { display: string; visibility: string; opacity: string; position: string; zIndex: string } | null;
  /** True when the element at the card's centre is the host (nothing covers the card). */
  onTop: boolean;
  /** What the page shows at the card's centre (for messages). */
  atCentre: string;
}

/** The card's host element. */
export const CARD_HOST = "policy-lens-card";

/**
 * Reads the highlight card. Runs in an isolated world of the page with the card's closed shadow
 * root in hand (see Harness.inShadowRoot: h.inShadowRoot(page, CARD_HOST, readCard)).
 */
export function readCard(root: ShadowRoot | null): CardView {
  const host = (root?.host ?? document.querySelector("policy-lens-card")) as HTMLElement | null;
  const rectOf = (el: Element | null | undefined): Rect | null => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
  const view: CardView = {
    present: !!host,
    open: host?.getAttribute("data-open") === "true",
    kind: host?.getAttribute("data-kind") ?? null,
    readable: false,
    classes: [],
    quote: "",
    badges: [],
    note: "",
    message: "",
    buttons: [],
    textarea: null,
    hostRect: rectOf(host),
    cardRect: null,
    hostStyle: null,
    onTop: false,
    atCentre: "",
  };
  if (!host) return view;
  const style = getComputedStyle(host);
  view.hostStyle = { display: style.display, visibility: style.visibility, opacity: style.opacity, position: style.position, zIndex: style.zIndex };
  if (!root) return view;
  view.readable = true;
  const card = root.querySelector(".card");
  view.classes = (card?.getAttribute("class") ?? "").split(/\s+/).filter(Boolean);
  view.quote = text(root.querySelector(".quote"));
  view.badges = Array.from(root.querySelectorAll(".head .badge")).map((b) => text(b));
  view.note = text(root.querySelector("p.note"));
  view.message = text(root.querySelector(".message"));
  const active = root.activeElement;
  view.buttons = Array.from(root.querySelectorAll("button")).map((b) => ({
    text: text(b),
    pressed: b.getAttribute("aria-pressed"),
    rect: rectOf(b)!,
    focused: b === active,
  }));
  const area = root.querySelector("textarea");
  view.textarea = area ? { value: area.value, focused: area === active, rect: rectOf(area)! } : null;
  view.cardRect = rectOf(card);
  if (view.cardRect && view.cardRect.width > 0) {
    const hit = document.elementFromPoint(view.cardRect.x + view.cardRect.width / 2, view.cardRect.y + view.cardRect.height / 2);
    view.onTop = hit === host;
    view.atCentre = hit ? `${hit.localName}${hit.id ? `#${hit.id}` : ""}${hit.getAttribute("class") ? `.${hit.getAttribute("class")!.trim().split(/\s+/).join(".")}` : ""}` : "nothing (outside the viewport)";
  }
  return view;
}

/** The card host as the page's own world sees it (the shadow root stays closed there). */
export function cardHostState(): { present: boolean; open: boolean; kind: string | null; focusedHost: boolean } {
  const host = document.querySelector("policy-lens-card");
  return {
    present: !!host,
    open: host?.getAttribute("data-open") === "true",
    kind: host?.getAttribute("data-kind") ?? null,
    focusedHost: !!host && document.activeElement === host,
  };
}

export interface HighlightHit {
  name: string;
  text: string;
  /** The centre of the range's first line box, in viewport pixels (after scrolling it into view). */
  x: number;
  y: number;
}

/**
 * Finds the highlighted range whose text is `text` (in highlight `name`, or any of ours), scrolls
 * it to the middle of the screen, and returns where to point at it. Runs in the page.
 */
export function locateHighlight(arg: { text: string; names: readonly string[] }): HighlightHit | null {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> } | undefined)?.highlights;
  const fold = (s: string) => s.replace(/\s+/g, " ").trim();
  // forEach, not iterators: Firefox's sandboxes see the registry through Xrays, which cannot wrap iterators
  const rangesOf = (name: string) => {
    const out: AbstractRange[] = [];
    registry?.get(name)?.forEach((r) => out.push(r));
    return out;
  };
  for (const name of arg.names) {
    for (const range of rangesOf(name)) {
      const r = document.createRange();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      if (fold(r.toString()) !== fold(arg.text)) continue;
      const first = r.getClientRects()[0] ?? r.getBoundingClientRect();
      window.scrollBy(0, first.top - window.innerHeight / 2);
      const box = r.getClientRects()[0] ?? r.getBoundingClientRect();
      // a point inside the first line box, away from its edges
      return { name, text: r.toString(), x: box.left + Math.min(box.width / 2, 30), y: box.top + box.height / 2 };
    }
  }
  return null;
}

/** The texts of the ranges in each highlight (ours), in registry order. Runs in the page. */
export function highlightTexts(names: readonly string[]): Record<string, string[]> {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> } | undefined)?.highlights;
  const out: Record<string, string[]> = {};
  for (const name of names) {
    const list: string[] = [];
    const ranges: AbstractRange[] = [];
    registry?.get(name)?.forEach((r) => ranges.push(r));
    for (const range of ranges) {
      const r = document.createRange();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      list.push(r.toString());
    }
    out[name] = list;
  }
  return out;
}

/**
 * Health of our highlights: how many ranges each holds, how many are collapsed or lie in nodes no
 * longer in the document (left over from content that was replaced), and duplicates (the same
 * span twice in one highlight). Runs in the page.
 */
export function highlightHealth(names: readonly string[]): { sizes: Record<string, number>; stale: string[]; duplicated: string[] } {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> } | undefined)?.highlights;
  const sizes: Record<string, number> = {};
  const stale: string[] = [];
  const duplicated: string[] = [];
  for (const name of names) {
    const h = registry?.get(name);
    sizes[name] = h ? h.size : 0;
    const seen: Range[] = [];
    const ranges: AbstractRange[] = [];
    h?.forEach((r) => ranges.push(r));
    for (const range of ranges) {
      const r = document.createRange();
      if (!range.startContainer.isConnected || !range.endContainer.isConnected || range.collapsed) {
        stale.push(`${name}: ${range.collapsed ? "collapsed" : "detached"} range`);
        continue;
      }
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      if (seen.some((s) => s.compareBoundaryPoints(Range.START_TO_START, r) === 0 && s.compareBoundaryPoints(Range.END_TO_END, r) === 0)) {
        duplicated.push(`${name}: "${r.toString()}"`);
      }
      seen.push(r);
    }
  }
  return { sizes, stale, duplicated };
}

/** Selects the first occurrence of `text` inside `container` with the Selection API. Runs in the page. */
export function selectText(arg: { container: string; text: string }): boolean {
  const root = document.querySelector(arg.container);
  if (!root) return false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(arg.text);
    if (at < 0) continue;
    const selection = getSelection();
    if (!selection) return false;
    selection.removeAllRanges();
    selection.setBaseAndExtent(n, at, n, at + arg.text.length);
    (n.parentElement as HTMLElement | null)?.scrollIntoView({ block: "center" });
    return selection.toString() === arg.text;
  }
  return false;
}

/** The User Timing measures the content script left (names and counts). Runs in the page. */
export function measureCounts(names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = performance.getEntriesByName(name, "measure").length;
  return out;
}

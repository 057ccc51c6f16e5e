// Annotates the article on a page and lets the reader work with the highlights: hover or keyboard
// focus shows a card, keys move between highlights, late content is annotated as it arrives.
// Nothing is added to the page but the card's host; every listener ends with `signal`.
import type { CardState } from "@/components/HighlightCard";
import type { Annotation, AnnotationKind } from "@/lib/extract/types";
import type { Translate } from "@/lib/i18n";
import type { CardAction, ContentToBackground, PageAnnotations, WriteResult } from "@/lib/messages";
import { countKinds } from "@/lib/messages";
import { articleTextNodes, findArticleBody, FurnitureCheck, isVietnamese } from "@/lib/page/article";
import { extractInChunks } from "@/lib/page/chunked-extract";
import { PlacedAnnotations, type Placed } from "@/lib/page/placed";
import { buildTextMap } from "@/lib/page/text-map";
import { CardHost } from "./card";

export const HIGHLIGHT_NAMES: Record<AnnotationKind | "focus", string> = {
  leader: "vpl-leader",
  directive: "vpl-directive",
  number: "vpl-number",
  focus: "vpl-focus",
};

/** User Timing names, visible in the browser's performance panel. */
export const MEASURES = {
  detect: "policy-lens:detect",
  extract: "policy-lens:extract",
  annotate: "policy-lens:annotate",
  update: "policy-lens:update",
} as const;

export interface AnnotatorDeps {
  doc: Document;
  signal: AbortSignal;
  t: Translate;
  send: (message: ContentToBackground) => Promise<unknown>;
}

const HOVER_DELAY_MS = 120;
const HIDE_DELAY_MS = 350;
const MUTATION_DEBOUNCE_MS = 250;

const highlightApi = () => typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";

export class PageAnnotator {
  private readonly placed = new PlacedAnnotations();
  private readonly processed = new WeakSet<Text>();
  private readonly furniture = new FurnitureCheck();
  private readonly states = new Map<string, CardState>();
  private readonly highlights = new Map<AnnotationKind | "focus", Highlight>();
  private readonly card: CardHost;
  private container: Element | null = null;
  private title = "";
  private articleDate?: string;
  private visible = true;
  private focused: Placed | undefined;
  private cardFor: Placed | undefined;
  private cardMessage: string | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private mutationTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerFrame = 0;

  constructor(private readonly deps: AnnotatorDeps) {
    this.card = new CardHost(deps.doc, deps.t);
    deps.signal.addEventListener("abort", () => this.dispose(), { once: true });
  }

  get annotated(): boolean {
    return this.container !== null;
  }

  /** Finds and annotates the article; false when the page holds none (yet). */
  async start(): Promise<boolean> {
    const { doc, signal } = this.deps;
    const t0 = performance.now();
    if (!isVietnamese(doc)) return false;
    const body = findArticleBody(doc);
    performance.measure(MEASURES.detect, { start: t0, end: performance.now() });
    if (!body || signal.aborted) return false;
    this.container = body.container;
    this.title = body.title;
    this.articleDate = body.publishedDate;
    if (highlightApi()) {
      for (const key of Object.keys(HIGHLIGHT_NAMES) as (AnnotationKind | "focus")[]) {
        const h = new Highlight();
        if (key === "focus") h.priority = 1;
        this.highlights.set(key, h);
        CSS.highlights.set(HIGHLIGHT_NAMES[key], h);
      }
    }
    await this.annotateNodes(body.textNodes, MEASURES.extract);
    performance.measure(MEASURES.annotate, { start: t0, end: performance.now() });
    if (signal.aborted) return false;
    this.listen();
    this.report();
    return true;
  }

  private async annotateNodes(nodes: Text[], measure: string): Promise<void> {
    const fresh = nodes.filter((n) => !this.processed.has(n));
    if (fresh.length === 0) return;
    for (const n of fresh) this.processed.add(n);
    const t0 = performance.now();
    const map = buildTextMap(fresh);
    await extractInChunks(map.text, {
      articleDate: this.articleDate,
      signal: this.deps.signal,
      onError: (family, error) => console.warn(`[policy-lens] the ${family} rules failed on this page`, error),
      onChunk: (found) => {
        for (const p of this.placed.place(map, found)) {
          this.highlights.get(p.annotation.kind)?.add(p.range);
        }
      },
    });
    performance.measure(measure, { start: t0, end: performance.now() });
  }

  private listen(): void {
    const { doc, signal } = this.deps;
    const view = doc.defaultView!;
    doc.addEventListener("pointermove", (e) => this.onPointerMove(e), { passive: true, signal });
    doc.addEventListener("keydown", (e) => this.onKeyDown(e), { capture: true, signal });
    doc.addEventListener("pointerdown", (e) => !this.card.contains(e) && this.closeCard(), { passive: true, signal });
    view.addEventListener("scroll", () => this.cardFor && !this.card.isOpen && this.closeCard(), { passive: true, signal });

    const observer = new MutationObserver((records) => {
      // our own card host lives outside the container: its changes never come here
      if (records.every((r) => r.type === "attributes")) return;
      clearTimeout(this.mutationTimer);
      this.mutationTimer = setTimeout(() => void this.onContentChanged(), MUTATION_DEBOUNCE_MS);
    });
    observer.observe(this.container!, { childList: true, subtree: true, characterData: true });
    signal.addEventListener("abort", () => observer.disconnect(), { once: true });
  }

  /** Late content: lazy paragraphs, "load more", in-place updates. Only new text nodes are read. */
  private async onContentChanged(): Promise<void> {
    if (!this.container?.isConnected || this.deps.signal.aborted) return;
    const before = this.placed.items.length;
    await this.annotateNodes(articleTextNodes(this.container, this.furniture), MEASURES.update);
    if (this.placed.items.length !== before) this.report();
  }

  private report(): void {
    const message: ContentToBackground = {
      type: "page-annotated",
      url: this.deps.doc.location.href,
      title: this.title.slice(0, 2048),
      counts: countKinds(this.placed.items.map((p) => p.annotation)),
    };
    this.deps.send(message).catch(() => {
      // the background may be restarting: the badge is a convenience, the page is annotated
    });
  }

  // ---- reading the page ------------------------------------------------------------------

  pageAnnotations(): PageAnnotations {
    return {
      url: this.deps.doc.location.href,
      title: this.title || this.deps.doc.title,
      articleDate: this.articleDate,
      visible: this.visible,
      annotations: this.placed.items.map((p) => p.annotation),
    };
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (!highlightApi()) return;
    for (const [key, h] of this.highlights) {
      if (visible) CSS.highlights.set(HIGHLIGHT_NAMES[key], h);
      else CSS.highlights.delete(HIGHLIGHT_NAMES[key]);
    }
    if (!visible) this.closeCard();
  }

  /** Moves keyboard focus to a highlight: scrolls to it, marks it, opens its card. */
  focus(placed: Placed | undefined, takeFocus = true): void {
    if (!placed) return;
    if (!this.visible) this.setVisible(true);
    this.focused = placed;
    const focus = this.highlights.get("focus");
    focus?.clear();
    focus?.add(placed.range);
    const element = placed.range.startContainer.parentElement;
    element?.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
    this.openCard(placed, takeFocus);
  }

  focusIndex(index: number): void {
    this.focus(this.placed.items[index], false);
  }

  // ---- the card ---------------------------------------------------------------------------

  private stateOf(p: Placed): CardState {
    return this.states.get(p.id) ?? { starred: false, status: "new", note: "" };
  }

  private openCard(placed: Placed, takeFocus = false): void {
    clearTimeout(this.hideTimer);
    if (this.cardFor !== placed) this.cardMessage = undefined;
    this.cardFor = placed;
    const rects = placed.range.getClientRects();
    const anchor = rects.length > 0 ? rects[rects.length - 1]! : placed.range.getBoundingClientRect();
    this.card.show(
      { annotation: placed.annotation, state: this.stateOf(placed), message: this.cardMessage, takeFocus },
      anchor,
      {
        onStar: () => void this.act(placed, this.stateOf(placed).starred ? "unstar" : "star"),
        onReject: () => void this.act(placed, this.stateOf(placed).status === "rejected" ? "unreject" : "reject"),
        onSaveNote: (note) => void this.act(placed, "note", note),
        onClose: () => this.closeCard(true),
      },
    );
  }

  private closeCard(returnFocus = false): void {
    this.card.hide();
    this.cardFor = undefined;
    if (returnFocus) this.highlights.get("focus")?.clear();
  }

  private async act(placed: Placed, action: CardAction, note?: string): Promise<void> {
    const before = this.stateOf(placed);
    const after: CardState = {
      starred: action === "star" ? true : action === "unstar" ? false : before.starred,
      status: action === "reject" ? "rejected" : action === "unreject" ? "new" : before.status,
      note: action === "note" ? (note ?? "") : before.note,
    };
    this.states.set(placed.id, after);
    this.cardMessage = undefined;
    if (this.cardFor === placed) this.openCard(placed);
    let result: WriteResult;
    try {
      result = ((await this.deps.send({
        type: "annotation-action",
        action,
        pageUrl: this.deps.doc.location.href,
        annotation: placed.annotation,
        ...(note !== undefined ? { note } : {}),
      })) as WriteResult | undefined) ?? { ok: false, error: "failed" };
    } catch (error) {
      result = { ok: false, error: "failed", detail: String(error) };
    }
    if (!result.ok) this.states.set(placed.id, before); // what the reader sees is what is stored
    this.cardMessage = result.ok ? this.deps.t("saved") : result.error === "storage-full" ? this.deps.t("storageFull") : this.deps.t("saveFailed");
    if (this.cardFor === placed) this.openCard(placed);
  }

  // ---- pointer and keys ---------------------------------------------------------------------

  private onPointerMove(e: PointerEvent): void {
    if (!this.visible || this.pointerFrame) return;
    const { clientX: x, clientY: y } = e;
    const overCard = this.card.contains(e);
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      if (overCard) {
        clearTimeout(this.hideTimer);
        return;
      }
      const hit = this.hitTest(x, y);
      clearTimeout(this.hoverTimer);
      if (hit) {
        clearTimeout(this.hideTimer);
        if (hit !== this.cardFor) this.hoverTimer = setTimeout(() => this.openCard(hit), HOVER_DELAY_MS);
      } else if (this.card.isOpen && this.focused !== this.cardFor) {
        clearTimeout(this.hideTimer);
        this.hideTimer = setTimeout(() => this.closeCard(), HIDE_DELAY_MS);
      }
    });
  }

  private hitTest(x: number, y: number): Placed | undefined {
    const doc = this.deps.doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
    let node: Node | undefined;
    let offset = 0;
    const pos = doc.caretPositionFromPoint?.(x, y);
    if (pos) {
      node = pos.offsetNode;
      offset = pos.offset;
    } else {
      const range = doc.caretRangeFromPoint?.(x, y);
      if (range) {
        node = range.startContainer;
        offset = range.startOffset;
      }
    }
    if (!node) return undefined;
    const inside = (p: Placed) => Array.from(p.range.getClientRects()).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    return this.placed.at(node, offset).find(inside);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === "Escape" && this.card.isOpen) {
      this.closeCard(true);
      return;
    }
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    if (e.code === "ArrowDown" || e.code === "KeyN") this.focus(this.placed.next(this.focused));
    else if (e.code === "ArrowUp" || e.code === "KeyP") this.focus(this.placed.previous(this.focused));
    else if (e.code === "KeyH") this.setVisible(!this.visible);
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  dispose(): void {
    clearTimeout(this.hoverTimer);
    clearTimeout(this.hideTimer);
    clearTimeout(this.mutationTimer);
    if (this.pointerFrame) cancelAnimationFrame(this.pointerFrame);
    this.card.dispose();
    if (highlightApi()) for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
    this.placed.clear();
    this.container = null;
  }
}

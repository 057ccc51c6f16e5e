// Annotates the article on a page and lets the reader work with the highlights: hover or keyboard
// focus shows a card, keys move between highlights, late content is annotated as it arrives, and
// everything is stored through the background. Nothing is added to the page but the card's host;
// every listener ends with `signal`.
//
// The page's thread does only what needs its DOM: find the article and read its text (one short
// task), then draw the ranges the background sends back. The rules run in the background, so a
// long article costs the page no more than reading it.
import type { CardState, ReaderNote } from "@/components/HighlightCard";
import { anchor } from "@/lib/anchor/anchor";
import { describeSpan, type Selectors } from "@/lib/anchor/selectors";
import type { Annotation, AnnotationKind } from "@/lib/extract/types";
import type { MessageKey } from "@/lib/i18n";
import type { AnnotateReply, AnnotationPatch, ContentToBackground, PageAnnotations, StoredOnPage, VisitPage, WriteFailure, WriteResult } from "@/lib/messages";
import { findArticleSteps, isVietnamese } from "@/lib/page/article";
import { PlacedAnnotations, type Placed } from "@/lib/page/placed";
import { collectSteps, partsOf, rangeFor, TextCollector, type TextMap, type TextSegment } from "@/lib/page/text-map";
import { TextUpload } from "@/lib/page/text-upload";
import { windowAround } from "@/lib/page/window";
import type { CardHost } from "./card";
import { loadCardUi } from "./card-ui";

type HighlightKey = AnnotationKind | "note" | "focus";

export const HIGHLIGHT_NAMES: Record<HighlightKey, string> = {
  leader: "vpl-leader",
  directive: "vpl-directive",
  number: "vpl-number",
  note: "vpl-note",
  focus: "vpl-focus",
};

/** User Timing names, visible in the browser's performance panel (documented in the README). */
export const MEASURES = {
  /** On the page's thread: one slice of finding the article and reading its text. */
  detect: "policy-lens:detect",
  /** On the page's thread: one slice of drawing highlights. */
  draw: "policy-lens:draw",
  /** Wall clock, from the start until the first highlights are drawn (the rules run meanwhile in the background). */
  annotate: "policy-lens:annotate",
  /** Wall clock, from late content noticed until it is drawn. */
  update: "policy-lens:update",
} as const;

export interface AnnotatorDeps {
  doc: Document;
  signal: AbortSignal;
  /** The browser's interface language, read when the card first needs it. */
  uiLanguage: () => string;
  send: (message: ContentToBackground) => Promise<unknown>;
  newId?: () => string;
}

const HOVER_DELAY_MS = 120;
const HIDE_DELAY_MS = 350;
const MUTATION_DEBOUNCE_MS = 250;
/**
 * A page that never stops changing (a live counter, a clock) still gets its late content read this
 * long after the first change at most; twice as long after each reading that found nothing new
 * worth sending, up to the backoff's ceiling.
 */
const MUTATION_MAX_WAIT_MS = 1_000;
const MUTATION_MAX_BACKOFF_MS = 4_000;
/** New text with fewer letters than this is a counter or a clock ticking, not content: left for later. */
const MIN_LATE_LETTERS = 40;
/** Drawing thousands of highlights is cut into slices of about this long, so the page keeps painting. */
const DRAW_BUDGET_MS = 8;
const DRAW_STEP = 100;
/**
 * Past this many highlights only those near the viewport are registered (lib/page/window.ts):
 * Chromium re-lays every registered range in each frame after any change to the page's DOM.
 */
const WINDOW_ABOVE = 6_000;
/** Then at most this many, within two viewport heights above and below it. */
const WINDOW_MAX = 3_000;
/** Past this many characters, reading the article and sending it are two tasks. */
const LONG_TEXT = 100_000;
/** Reading the page's text goes in slices of about this long (a page of megabytes takes many). */
const SLICE_MS = 20;
/**
 * The rules run on a page's text in parts, each a request of its own: the first of at most this
 * many characters, later ones BATCH_CHARS. The first highlights of a very long page (5 MB) show
 * within seconds, and no reply is too big to read in one short task. Almost every article fits
 * in the first. (The text itself goes once, in slices: lib/page/text-upload.ts.)
 */
const FIRST_BATCH_CHARS = 200_000;
const BATCH_CHARS = 1_000_000;
/** Sends are retried: an MV3 service worker may be stopped mid-request and wakes on the next one. */
const RETRY_DELAYS_MS = [150, 600, 2000];

/**
 * A v4 UUID for a reader's note. crypto.randomUUID exists in secure contexts only, and a page served
 * over plain http (some government portals still are) is not one; getRandomValues works everywhere.
 */
function randomId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const highlightApi = () => typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
const spanKey = (kind: string, start: number, end: number) => `${kind}:${start}:${end}`;
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Longest wait for a painted frame: a tab in the background paints none. */
const PAINT_WAIT_MS = 100;

/**
 * Resolves in a task of its own once the page has painted a frame: a page that has just laid
 * itself out shows something before the content script reads it, rather than after.
 */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(finish);
    setTimeout(finish, PAINT_WAIT_MS);
  });
const signatureOf = (text: string) => `${text.length}:${text.slice(0, 300)}`;
const DEFAULT_STATE: CardState = { starred: false, status: "new", note: "" };

/** A reader's note placed on the page: like a Placed, with the note's quote for the card. */
interface PlacedNote {
  id: string;
  range: Range;
  quote: ReaderNote;
}

export class PageAnnotator {
  private readonly placed = new PlacedAnnotations();
  /** Card state by placement id, from the store. */
  private readonly states = new Map<string, CardState>();
  /** Stored record id by placement id. */
  private readonly recordIds = new Map<string, string>();
  private readonly notes: PlacedNote[] = [];
  private readonly highlights = new Map<HighlightKey, Highlight>();
  /** Made on first use: most page views never show a card. */
  private cardHost: CardHost | undefined;
  /** All article text read so far, batch after batch, with its nodes: what offsets refer to. */
  private page: TextMap = { text: "", segments: [] };
  /** The segment of each text node read, made when first needed (late content, a selection). */
  private segmentByNode: Map<Text, TextSegment> | undefined;
  private container: Element | null = null;
  private title = "";
  private articleDate?: string;
  private visible = true;
  private focused: Placed | undefined;
  private cardFor: Placed | PlacedNote | undefined;
  /** What the card says about the last write (translated by the card). */
  private cardMessage: MessageKey | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private mutationTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not read yet happened (0: none). */
  private changedSince = 0;
  /** Readings in a row that found nothing worth sending (the backoff). */
  private quietReadings = 0;
  /** Elements whose text the page keeps replacing (a counter, a clock): never read as late content. */
  private readonly ticking = new WeakSet<Element>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerFrame = 0;
  /** Batches go to the background one after another, so a late batch never overtakes the first. */
  private batchChain: Promise<unknown> = Promise.resolve();
  /** True once the first batch's highlights are drawn. */
  private drawn = false;
  /** A jump to a stored passage that arrived before the first highlights were drawn. */
  private pendingFocus: Selectors | undefined;
  /** Set once this page view's first batch was sent: later batches are not new visits. */
  private visitSent = false;
  /** The page text goes to the background once, in slices where it is long (lib/page/text-upload.ts). */
  private readonly upload = new TextUpload(randomId(), (message) => this.send(message));
  /** Why the last visit could not be stored, shown when the reader then edits an annotation. */
  private storeFailure: WriteFailure | undefined;
  /** Late content is being read (in slices): another reading waits. */
  private reading = false;
  /** Only the highlights near the viewport are registered (past WINDOW_ABOVE of them). */
  private windowed = false;
  /** The placements registered while windowed. */
  private inWindow = new Set<Placed>();
  /** The placements registered while windowed: [lo, hi) of placed.items, and how many there were. */
  private windowSpan = { lo: 0, hi: 0, count: 0 };
  private windowFrame = 0;

  constructor(private readonly deps: AnnotatorDeps) {
    deps.signal.addEventListener("abort", () => this.dispose(), { once: true });
  }

  /** Runs `use` with the card, loading its UI first the first time (most page views never need it). */
  private withCard(use: (card: CardHost) => void): void {
    if (this.cardHost) return use(this.cardHost);
    const inject = async () => {
      const result = await this.send<WriteResult>({ type: "load-card-ui" });
      if (!result?.ok) throw new Error(result?.detail ?? "the background could not load the card");
    };
    loadCardUi(inject).then(
      (ui) => {
        if (this.deps.signal.aborted) return;
        this.cardHost ??= new ui.CardHost(this.deps.doc, this.deps.uiLanguage());
        use(this.cardHost);
      },
      (error: unknown) => console.warn("[policy-lens] the card could not be shown", error),
    );
  }

  get annotated(): boolean {
    return this.container !== null;
  }

  private get pageInfo(): VisitPage {
    return { url: this.deps.doc.location.href, title: this.title.slice(0, 2048), ...(this.articleDate ? { articleDate: this.articleDate } : {}) };
  }

  /** A short fingerprint of the article annotated: its length and its first words. */
  get articleSignature(): string {
    return signatureOf(this.page.text);
  }

  /**
   * Finds and annotates the article; false when the page holds none (yet), or when its article is
   * still the one `unlessArticle` describes (after a navigation, before the page drew the new one).
   */
  async start(unlessArticle?: string): Promise<boolean> {
    const { doc, signal } = this.deps;
    const t0 = performance.now();
    await afterPaint();
    if (signal.aborted) return false;
    const body = isVietnamese(doc) ? await this.inSlices(findArticleSteps(doc, { sliceMs: SLICE_MS }), MEASURES.detect) : null;
    if (!body || signal.aborted) return false;
    if (unlessArticle !== undefined && signatureOf(body.text.text) === unlessArticle) return false;
    this.container = body.container;
    this.title = body.title;
    this.articleDate = body.publishedDate;
    // a very long article: sending its text is a task of its own, after the one that read it
    if (body.text.text.length > LONG_TEXT) await macrotask();
    if (signal.aborted) return false;
    const first = this.annotateBatch(body.text);
    // content arriving while the background reads the first batch is a batch of its own
    this.listen();
    await first;
    performance.measure(MEASURES.annotate, { start: t0, end: performance.now() });
    return !signal.aborted;
  }

  /**
   * Runs `steps` a slice at a time, each a task of its own (and a `measure`, when named), so that
   * reading a page of megabytes never holds it; undefined once the page view is over.
   */
  private async inSlices<T>(steps: Generator<void, T>, measure?: string): Promise<T | undefined> {
    for (;;) {
      const t0 = performance.now();
      const step = steps.next();
      if (measure) performance.measure(measure, { start: t0, end: performance.now() });
      if (step.done) return step.value;
      await macrotask();
      if (this.deps.signal.aborted) return undefined;
    }
  }

  /**
   * Sends a batch of newly read text (appended to the page text) to the background, which runs
   * the rules on it and stores the visit, then draws what it found and ties in the stored state.
   * A long batch goes as several messages, cut between blocks (BATCH_CHARS): each reply stays small
   * enough to read in one short task, and the first highlights show before the rest is stored.
   * Resolves once the first part is drawn; `batchChain` ends with the last.
   */
  private annotateBatch(batch: TextMap): Promise<void> {
    if (batch.segments.length === 0) return Promise.resolve();
    const from = this.append(batch);
    let first: Promise<void> | undefined;
    // the whole text so far (appended to only): the background needs it all, with the first part
    // already, to re-anchor the page's stored annotations (those of later parts too, which a
    // prefix would leave orphaned on a revisit) and to give each new one its context
    const text = this.page.text;
    const page = this.pageInfo;
    for (const [start, end] of partsOf(text, from, from === 0 ? FIRST_BATCH_CHARS : BATCH_CHARS, BATCH_CHARS)) {
      const continued = this.visitSent;
      this.visitSent = true;
      const make = (at: number, chunk: string): ContentToBackground => ({
        type: "annotate-page",
        page,
        view: this.upload.view,
        at,
        chunk,
        length: text.length,
        from: start,
        ...(end < text.length ? { to: end } : {}),
        ...(continued ? { continued: true } : {}),
      });
      const inDocumentOrder = start === 0;
      const done = this.batchChain
        .then(() => (this.deps.signal.aborted ? undefined : (this.upload.sendWithText(text, make) as Promise<AnnotateReply | undefined>)))
        .then(async (reply) => {
          if (!reply || !Array.isArray(reply.annotations) || !Array.isArray(reply.ids) || this.deps.signal.aborted) return;
          await this.draw(reply.annotations, reply.ids, inDocumentOrder);
          const visit = reply.visit;
          this.storeFailure = visit && !visit.ok ? visit : undefined;
          if (visit?.ok) this.applyStored(visit.records);
          else if (visit) console.warn("[policy-lens] annotations were not saved:", visit.error, visit.detail ?? "");
        })
        .catch((error: unknown) => console.warn("[policy-lens] this page could not be annotated", error));
      this.batchChain = done;
      first ??= done;
    }
    return first ?? Promise.resolve();
  }

  /** Appends a batch to the page text (a blank line between batches); returns where it starts. */
  private append(batch: TextMap): number {
    if (this.page.segments.length === 0) {
      this.page = batch;
      if (this.segmentByNode) for (const seg of batch.segments) this.segmentByNode.set(seg.node, seg);
      return 0;
    }
    const offset = this.page.text.length + 2;
    this.page.text = `${this.page.text}\n\n${batch.text}`;
    for (const seg of batch.segments) {
      const shifted = { node: seg.node, start: seg.start + offset, end: seg.end + offset };
      this.page.segments.push(shifted);
      this.segmentByNode?.set(seg.node, shifted);
    }
    return offset;
  }

  private get segmentsByNode(): Map<Text, TextSegment> {
    if (!this.segmentByNode) {
      this.segmentByNode = new Map();
      for (const seg of this.page.segments) this.segmentByNode.set(seg.node, seg);
    }
    return this.segmentByNode;
  }

  /** Draws highlights in slices of a few milliseconds: thousands of them never hold the page. */
  private async draw(annotations: readonly Annotation[], ids: readonly (string | null)[], inDocumentOrder: boolean): Promise<void> {
    if (this.highlights.size === 0 && highlightApi()) {
      for (const key of Object.keys(HIGHLIGHT_NAMES) as HighlightKey[]) {
        const h = new Highlight();
        if (key === "focus") h.priority = 2;
        if (key === "note") h.priority = 1;
        this.highlights.set(key, h);
        if (this.visible) CSS.highlights.set(HIGHLIGHT_NAMES[key], h);
      }
    }
    for (let i = 0; i < annotations.length; ) {
      if (this.deps.signal.aborted) return;
      const t0 = performance.now();
      do {
        const slice = annotations.length <= DRAW_STEP ? annotations : annotations.slice(i, i + DRAW_STEP);
        const first = i;
        i += DRAW_STEP;
        let at = first;
        for (const p of this.placed.place(this.page, slice, inDocumentOrder)) {
          this.show(p);
          // placements keep the order of the annotations (some may not be placed): find its id
          while (at < annotations.length && annotations[at] !== p.annotation) at++;
          const id = ids[at];
          if (id) this.recordIds.set(p.id, id);
        }
      } while (i < annotations.length && performance.now() - t0 < DRAW_BUDGET_MS);
      if (!this.windowed && this.placed.items.length > WINDOW_ABOVE) this.enterWindow();
      performance.measure(MEASURES.draw, { start: t0, end: performance.now() });
      if (i < annotations.length) await macrotask();
    }
    if (!this.drawn) {
      this.drawn = true;
      const pending = this.pendingFocus;
      this.pendingFocus = undefined;
      if (pending) this.focusSelectors(pending);
    }
  }

  /** Registers a placement's highlight, or has the window take it in when it is near the viewport. */
  private show(p: Placed): void {
    if (this.windowed) this.scheduleWindow();
    else this.highlights.get(p.annotation.kind)?.add(p.highlightRange);
  }

  private enterWindow(): void {
    this.windowed = true;
    // every placement had its range registered: from now on only the window's are kept
    for (const p of this.placed.items) p.release();
    const { signal } = this.deps;
    const view = this.deps.doc.defaultView;
    // capture: the scrolling of any element in the page, not only of the page itself
    view?.addEventListener("scroll", () => this.scheduleWindow(), { capture: true, passive: true, signal });
    view?.addEventListener("resize", () => this.scheduleWindow(), { passive: true, signal });
    this.moveWindow();
  }

  private scheduleWindow(): void {
    if (this.windowFrame || this.deps.signal.aborted) return;
    this.windowFrame = requestAnimationFrame(() => {
      this.windowFrame = 0;
      this.moveWindow();
    });
  }

  /** Registers the highlights near the viewport and only those (a few thousand at most). */
  private moveWindow(): void {
    const items = this.placed.items;
    const height = this.deps.doc.defaultView?.innerHeight ?? 800;
    const [lo, hi] = windowAround(items.length, (i) => items[i]!.range.getBoundingClientRect(), { viewportHeight: height, margin: 2 * height, max: WINDOW_MAX });
    const last = this.windowSpan;
    if (lo === last.lo && hi === last.hi && items.length === last.count) return;
    this.windowSpan = { lo, hi, count: items.length };
    for (const key of ["leader", "directive", "number"] as const) this.highlights.get(key)?.clear();
    const inWindow = new Set(items.slice(lo, hi));
    // the ranges of those that left the window go
    for (const p of this.inWindow) if (!inWindow.has(p)) p.release();
    this.inWindow = inWindow;
    for (const p of inWindow) this.highlights.get(p.annotation.kind)?.add(p.highlightRange);
  }

  // ---- the store, through the background ---------------------------------------------------

  private async send<T>(message: ContentToBackground): Promise<T | undefined> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.deps.send(message)) as T | undefined;
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined || this.deps.signal.aborted) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Ties placements to their stored records (status, star, note) and shows the reader's notes. */
  private applyStored(records: StoredOnPage[]): void {
    const bySpan = new Map<string, Placed>();
    for (const p of this.placed.items) bySpan.set(spanKey(p.annotation.kind, p.annotation.start, p.annotation.end), p);
    const knownNotes = new Set(this.notes.map((n) => n.id));
    for (const r of records) {
      if (!r.span) continue; // orphaned: listed in the review panel, nothing to draw
      const state: CardState = { starred: r.starred, status: r.status, note: r.note };
      if (r.kind === "note") {
        if (knownNotes.has(r.id)) continue;
        const range = rangeFor(this.page, r.span.start, r.span.end);
        if (!range) continue;
        this.notes.push({ id: r.id, range, quote: { kind: "note", text: r.text } });
        this.states.set(r.id, state);
        this.recordIds.set(r.id, r.id);
        this.highlights.get("note")?.add(range);
        continue;
      }
      let placed = bySpan.get(spanKey(r.kind, r.span.start, r.span.end));
      if (!placed && r.annotation) {
        // stored earlier (an older reading of the page) and still there: keep showing it
        const [added] = this.placed.place(this.page, [{ ...r.annotation, start: r.span.start, end: r.span.end } as Annotation]);
        if (added) this.show(added);
        placed = added;
      }
      if (!placed) continue;
      this.recordIds.set(placed.id, r.id);
      this.states.set(placed.id, state);
    }
    if (this.cardFor) this.renderCard();
  }

  // ---- listening -------------------------------------------------------------------------------

  private listen(): void {
    const { doc, signal } = this.deps;
    doc.addEventListener("pointermove", (e) => this.onPointerMove(e), { passive: true, signal });
    doc.addEventListener("keydown", (e) => this.onKeyDown(e), { capture: true, signal });
    doc.addEventListener("pointerdown", (e) => this.cardHost?.isOpen && !this.cardHost.contains(e) && this.closeCard(), { passive: true, signal });

    const observer = new MutationObserver((records) => {
      // our card host lives outside the container: its changes never come here
      if (records.every((r) => r.type === "attributes")) return;
      for (const r of records) this.noteTicking(r);
      const now = Date.now();
      if (this.changedSince === 0) this.changedSince = now;
      // read once the page is quiet for a moment, or when it has been changing for too long
      const maxWait = Math.min(MUTATION_MAX_WAIT_MS * 2 ** this.quietReadings, MUTATION_MAX_BACKOFF_MS);
      this.scheduleReading(Math.max(0, Math.min(MUTATION_DEBOUNCE_MS, this.changedSince + maxWait - now)));
    });
    observer.observe(this.container!, { childList: true, subtree: true, characterData: true });
    signal.addEventListener("abort", () => observer.disconnect(), { once: true });
  }

  private scheduleReading(wait: number): void {
    clearTimeout(this.mutationTimer);
    this.mutationTimer = setTimeout(() => {
      this.changedSince = 0;
      void this.onContentChanged();
    }, wait);
  }

  /** Text changed in place, or a text node swapped for another in the same element: it ticks. */
  private noteTicking(r: MutationRecord): void {
    if (r.type === "characterData") {
      if (r.target.parentElement) this.ticking.add(r.target.parentElement);
      return;
    }
    if (r.type !== "childList" || !(r.target instanceof Element)) return;
    const hasText = (nodes: NodeList) => Array.prototype.some.call(nodes, (n: Node) => n.nodeType === 3);
    if (hasText(r.removedNodes) && hasText(r.addedNodes)) this.ticking.add(r.target);
  }

  /** Late content: lazy paragraphs, "load more", in-place updates. Only new text nodes are read. */
  private async onContentChanged(): Promise<void> {
    if (!this.container?.isConnected || this.deps.signal.aborted) return;
    // a long article is read in slices: changes meanwhile wait for the next reading
    if (this.reading) return this.scheduleReading(MUTATION_DEBOUNCE_MS);
    const t0 = performance.now();
    const known = this.segmentsByNode;
    const leaveOut = { has: (node: Text) => known.has(node) || (node.parentElement !== null && this.ticking.has(node.parentElement)) };
    const collector = new TextCollector(this.container, { seen: leaveOut });
    this.reading = true;
    // unmeasured: a reading that finds nothing new (a ticking counter) is not an annotation run
    const done = await this.inSlices(collectSteps(collector, SLICE_MS)).finally(() => (this.reading = false));
    // the article may have gone while it was read in slices (in-site navigation)
    if (!done || !this.container?.isConnected) return;
    const batch = collector.result;
    if (batch.segments.length === 0) return;
    if (batch.text.replace(/\s+/g, "").length < MIN_LATE_LETTERS) {
      this.quietReadings = Math.min(this.quietReadings + 1, 8);
      return;
    }
    this.quietReadings = 0;
    await this.annotateBatch(batch);
    performance.measure(MEASURES.update, { start: t0, end: performance.now() });
  }

  // ---- the popup and the background ask ---------------------------------------------------------

  pageAnnotations(): PageAnnotations {
    return {
      url: this.deps.doc.location.href,
      title: this.title || this.deps.doc.title,
      ...(this.articleDate ? { articleDate: this.articleDate } : {}),
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

  focusIndex(index: number): void {
    this.focus(this.placed.items[index], false);
  }

  /** Scrolls to the passage the selectors describe (re-anchored in today's text) and flashes it. */
  focusSelectors(selectors: Selectors): boolean {
    if (!this.drawn) {
      // the page is still being annotated: jump once its highlights are there
      this.pendingFocus = selectors;
      return this.page.text.length > 0;
    }
    const found = anchor(this.page.text, selectors);
    const range = found && rangeFor(this.page, found.start, found.end);
    if (!range) return false;
    const placed = this.placed.items.find((p) => p.annotation.start === found.start && p.annotation.end === found.end);
    if (placed) this.focus(placed, false);
    else this.scrollTo(range);
    // the focused highlight's own range: a second range over the same text would keep it lit
    this.flash(placed?.highlightRange ?? range);
    return true;
  }

  private scrollTo(range: Range): void {
    range.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
  }

  private flash(range: AbstractRange, times = 3): void {
    const focus = this.highlights.get("focus");
    if (!focus) return;
    clearTimeout(this.flashTimer);
    let step = 0;
    const tick = () => {
      if (step % 2 === 0) focus.add(range);
      else focus.delete(range);
      step++;
      if (step < times * 2) this.flashTimer = setTimeout(tick, 220);
      else focus.add(range);
    };
    tick();
  }

  /** Moves keyboard focus to a highlight: scrolls to it, marks it, opens its card. */
  private focus(placed: Placed | undefined, takeFocus = true): void {
    if (!placed) return;
    if (!this.visible) this.setVisible(true);
    this.focused = placed;
    const focus = this.highlights.get("focus");
    focus?.clear();
    // the same object as its flash adds and takes away (a second range over the text would stay lit)
    focus?.add(placed.highlightRange);
    this.scrollTo(placed.range);
    this.openCard(placed, takeFocus);
  }

  /** The reader asked to note the selected text: open a note editor for it. */
  noteSelection(): void {
    const selection = this.deps.doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    const selectors = describeSpan(this.page.text, start, end);
    if (selectors.quote.exact.trim() === "") return;
    const id = (this.deps.newId ?? randomId)();
    const live = rangeFor(this.page, start, end);
    if (!live) return;
    const note: PlacedNote = { id, range: live, quote: { kind: "note", text: selectors.quote.exact } };
    this.cardFor = note;
    this.cardMessage = undefined;
    const rects = live.getClientRects();
    const where = rects.length > 0 ? rects[rects.length - 1]! : live.getBoundingClientRect();
    this.withCard((card) => {
      if (this.cardFor !== note) return;
      card.show({ annotation: note.quote, state: DEFAULT_STATE, startEditing: true, takeFocus: true }, where, {
        onStar: () => undefined,
        onReject: () => undefined,
        onSaveNote: (text) => void this.saveReaderNote(note, selectors, text),
        onClose: () => this.closeCard(true),
      });
    });
  }

  private async saveReaderNote(note: PlacedNote, selectors: Selectors, text: string): Promise<void> {
    let result: WriteResult | undefined;
    try {
      result = await this.send<WriteResult>({ type: "save-note", id: note.id, page: this.pageInfo, selectors, note: text });
    } catch (error) {
      result = { ok: false, error: "failed", detail: String(error) };
    }
    if (result?.ok) {
      this.notes.push(note);
      this.states.set(note.id, { starred: false, status: "confirmed", note: text });
      this.recordIds.set(note.id, note.id);
      this.highlights.get("note")?.add(note.range);
    }
    this.cardMessage = this.resultMessage(result);
    this.renderCard();
  }

  /** Where a DOM boundary point falls in the page text, or null when outside the article. */
  private offsetOf(node: Node, offset: number): number | null {
    if (node.nodeType === 3) {
      const seg = this.segmentsByNode.get(node as Text);
      return seg ? seg.start + Math.min(offset, (node as Text).data.length) : null;
    }
    // an element boundary: the nearest article text node inside or after it
    const doc = this.deps.doc;
    const child = node.childNodes[offset] ?? node;
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    walker.currentNode = child;
    for (let n: Node | null = child.nodeType === 3 ? child : walker.nextNode(); n; n = walker.nextNode()) {
      const seg = this.segmentsByNode.get(n as Text);
      if (seg) return seg.start;
    }
    return null;
  }

  // ---- the card -----------------------------------------------------------------------------

  private stateOf(id: string): CardState {
    return this.states.get(id) ?? DEFAULT_STATE;
  }

  private openCard(target: Placed | PlacedNote, takeFocus = false): void {
    clearTimeout(this.hideTimer);
    if (this.cardFor !== target) this.cardMessage = undefined;
    this.cardFor = target;
    this.renderCard(takeFocus);
  }

  private renderCard(takeFocus = false): void {
    const target = this.cardFor;
    if (!target) return;
    this.withCard((card) => {
      if (this.cardFor !== target) return; // closed or moved on while the card's UI loaded
      const range = target.range;
      const rects = range.getClientRects();
      const anchorRect = rects.length > 0 ? rects[rects.length - 1]! : range.getBoundingClientRect();
      const annotation = "annotation" in target ? target.annotation : target.quote;
      card.show({ annotation, state: this.stateOf(target.id), messageKey: this.cardMessage, takeFocus }, anchorRect, {
        onStar: () => void this.update(target, { starred: !this.stateOf(target.id).starred }),
        onReject: () => void this.update(target, { status: this.stateOf(target.id).status === "rejected" ? "new" : "rejected" }),
        onSaveNote: (note) => void this.update(target, { note }),
        onClose: () => this.closeCard(true),
      });
    });
  }

  private closeCard(clearFocus = false): void {
    this.cardHost?.hide();
    this.cardFor = undefined;
    if (clearFocus) {
      this.highlights.get("focus")?.clear();
      this.focused = undefined;
    }
  }

  private resultMessage(result: WriteResult | undefined): MessageKey {
    if (result?.ok) return "saved";
    return result?.error === "storage-full" ? "storageFull" : "saveFailed";
  }

  /** A change from the card: shown at once, stored, and undone on screen when it could not be stored. */
  private async update(target: Placed | PlacedNote, patch: AnnotationPatch): Promise<void> {
    const before = this.stateOf(target.id);
    this.states.set(target.id, { ...before, ...patch });
    this.cardMessage = undefined;
    this.renderCard();
    const recordId = this.recordIds.get(target.id);
    let result: WriteResult | undefined;
    if (!recordId) result = this.storeFailure ?? { ok: false, error: "failed", detail: "this annotation is not stored yet" };
    else {
      try {
        result = await this.send<WriteResult>({ type: "update-annotation", id: recordId, patch });
      } catch (error) {
        result = { ok: false, error: "failed", detail: String(error) };
      }
    }
    if (!result?.ok) this.states.set(target.id, before); // what the reader sees is what is stored
    this.cardMessage = this.resultMessage(result);
    if (this.cardFor === target) this.renderCard();
  }

  // ---- pointer and keys ---------------------------------------------------------------------

  private onPointerMove(e: PointerEvent): void {
    if (!this.visible || this.pointerFrame) return;
    const { clientX: x, clientY: y } = e;
    const overCard = this.cardHost?.contains(e) ?? false;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      clearTimeout(this.hoverTimer);
      if (overCard) {
        clearTimeout(this.hideTimer);
        return;
      }
      const hit = this.hitTest(x, y);
      if (hit) {
        clearTimeout(this.hideTimer);
        if (hit !== this.cardFor) this.hoverTimer = setTimeout(() => this.openCard(hit), HOVER_DELAY_MS);
      } else if (this.cardHost?.isOpen && this.focused !== this.cardFor) {
        clearTimeout(this.hideTimer);
        this.hideTimer = setTimeout(() => this.closeCard(), HIDE_DELAY_MS);
      }
    });
  }

  private hitTest(x: number, y: number): Placed | PlacedNote | undefined {
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
    const inside = (range: Range) => Array.from(range.getClientRects()).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    const note = this.notes.find((n) => n.range.isPointInRange(node, offset) && inside(n.range));
    return note ?? this.placed.at(node, offset).find((p) => inside(p.range));
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === "Escape" && this.cardHost?.isOpen) {
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
    clearTimeout(this.flashTimer);
    if (this.pointerFrame) cancelAnimationFrame(this.pointerFrame);
    if (this.windowFrame) cancelAnimationFrame(this.windowFrame);
    this.cardHost?.dispose();
    if (highlightApi()) for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
    this.placed.clear();
    this.container = null;
  }
}

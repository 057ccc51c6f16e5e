// The card's host: one custom element at the end of <html>, with a closed shadow root. It is the
// only node the extension adds to a page; highlights themselves add none.
import { render } from "preact";
import { CARD_CSS, HighlightCard, type CardState, type ReaderNote } from "@/components/HighlightCard";
import type { Annotation } from "@/lib/extract/types";
import { languageOf, translator, type MessageKey, type Translate } from "@/lib/i18n";

export interface CardContent {
  annotation: Annotation | ReaderNote;
  startEditing?: boolean;
  state: CardState;
  /** What to tell the reader about the last write, translated here. */
  messageKey?: MessageKey;
  takeFocus?: boolean;
}

export interface CardHandlers {
  onStar(): void;
  onReject(): void;
  onSaveNote(note: string): void;
  onClose(): void;
}

export const CARD_HOST_TAG = "policy-lens-card";

/**
 * The host's inline style: `all: initial !important` keeps the page's CSS off it. Where the host
 * sits is declared after it in the same attribute, each time: `all` also sets the logical insets
 * (inset-inline-start …), which win over `left`/`top` declared before them or set later in place by
 * style.setProperty (Chromium then leaves the host at its static position, below the page).
 */
function hostStyle(shown: { left: number; top: number } | null): string {
  const where = shown ? `left: ${shown.left}px !important; top: ${shown.top}px !important; display: block !important;` : "left: 0 !important; top: 0 !important; display: none !important;";
  return `all: initial !important; position: fixed !important; z-index: 2147483647 !important; ${where}`;
}

export class CardHost {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly mount: HTMLElement;
  private open = false;
  /** Counts the note editors opened, so that each one starts afresh (see show). */
  private editors = 0;

  private readonly t: Translate;

  /** `uiLanguage`: the browser's interface language (runtime.i18n.getUILanguage()). */
  constructor(
    private readonly doc: Document,
    uiLanguage: string,
  ) {
    this.t = translator(languageOf(uiLanguage));
    this.host = doc.createElement(CARD_HOST_TAG);
    // inline styles with !important: the page's CSS cannot hide, move or restyle the host
    this.host.setAttribute("style", hostStyle(null));
    this.root = this.host.attachShadow({ mode: "closed" });
    const style = doc.createElement("style");
    style.textContent = CARD_CSS;
    this.mount = doc.createElement("div");
    this.root.append(style, this.mount);
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** True when the event happened inside the card. */
  contains(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  show(content: CardContent, anchor: DOMRect, handlers: CardHandlers): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    // One card component per annotation (and per note editor opened): its state (editing, the draft)
    // must not carry over to another annotation; re-renders of the same one keep it.
    const a = content.annotation;
    if (content.startEditing) this.editors++;
    const key = `${a.kind}:${"start" in a ? `${a.start}-${a.end}` : a.text}#${this.editors}`;
    const { messageKey, ...shown } = content;
    const message = messageKey ? this.t(messageKey) : undefined;
    render(<HighlightCard key={key} {...shown} message={message} {...handlers} t={this.t} />, this.mount);
    const view = this.doc.defaultView!;
    const width = Math.min(320, view.innerWidth - 16);
    const left = Math.max(8, Math.min(anchor.left, view.innerWidth - width - 8));
    const below = anchor.bottom + 6;
    const fitsBelow = below + 200 < view.innerHeight;
    const top = fitsBelow ? below : Math.max(8, anchor.top - 6 - 200);
    this.host.setAttribute("style", hostStyle({ left, top }));
    this.host.dataset.open = "true";
    this.host.dataset.kind = content.annotation.kind;
    this.open = true;
  }

  hide(): void {
    if (!this.open) return;
    this.host.setAttribute("style", hostStyle(null));
    delete this.host.dataset.open;
    this.open = false;
  }

  dispose(): void {
    render(null, this.mount);
    this.host.remove();
    this.open = false;
  }
}

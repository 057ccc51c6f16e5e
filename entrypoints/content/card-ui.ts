// The hover card's UI (Preact and the card component) is not part of the content script: most page
// views never open a card, and every page would pay to parse it. The background injects
// /card-ui.js into the content script's own world the first time a card is needed; it leaves its
// exports on that world's global, where only this extension's scripts can see them.
import type { CardHost } from "./card";

export interface CardUi {
  CardHost: typeof CardHost;
}

export const CARD_UI_GLOBAL = "__policyLensCardUi";
export const CARD_UI_FILE = "/card-ui.js";

type WithCardUi = typeof globalThis & { [CARD_UI_GLOBAL]?: CardUi };

export function loadedCardUi(): CardUi | undefined {
  return (globalThis as WithCardUi)[CARD_UI_GLOBAL];
}

/** Publishes the UI (called by /card-ui.js once injected). */
export function publishCardUi(ui: CardUi): void {
  (globalThis as WithCardUi)[CARD_UI_GLOBAL] = ui;
}

let pending: Promise<CardUi> | undefined;

/** The card's UI, asking the background to inject it the first time; one request however many ask. */
export function loadCardUi(requestInjection: () => Promise<unknown>): Promise<CardUi> {
  const ready = loadedCardUi();
  if (ready) return Promise.resolve(ready);
  pending ??= requestInjection().then(
    () => {
      const ui = loadedCardUi();
      if (!ui) throw new Error("the card's UI did not load");
      return ui;
    },
    (error: unknown) => {
      pending = undefined; // a later hover asks again
      throw error;
    },
  );
  return pending;
}

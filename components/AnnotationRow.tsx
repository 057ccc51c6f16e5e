// One annotation in the review panel: the quote, its kind colour, the normalised value or key
// attributes, its status, the reader's note and tags, and the actions. Pure UI: data in, callbacks
// out. Page text is rendered as text only.
import { formatIsoDate } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import type { ReviewStatus } from "@/lib/store/types";
import { Icon } from "./icons";
import { detailOf, kindLabelKey, type PanelItem } from "./panel-data";

export interface RowActions {
  onStar(item: PanelItem): void;
  /** Sets the status; the confirm and reject buttons toggle back to "new". */
  onStatus(item: PanelItem, status: ReviewStatus): void;
  /** Opens the note and tags editor. */
  onEdit(item: PanelItem): void;
  onDelete(item: PanelItem): void;
  /** Go to the passage on its page. */
  onOpen(item: PanelItem): void;
}

export interface AnnotationRowProps {
  item: PanelItem;
  t: Translate;
  actions: RowActions;
  /** Holds the list's Tab stop: its buttons are in the Tab order (those of other rows are reached by arrow keys first). */
  active: boolean;
  /** Show the page (title, site, date): in lists across pages. */
  showPage?: boolean;
  /** Keep empty lines (fixed-height rows of a virtual list). */
  fixed?: boolean;
}

export const QUOTE_MAX = 160;

/** The quote as shown: past QUOTE_MAX characters, its first QUOTE_MAX − 3 and "…" (as the popup always cut them); whitespace collapsed. */
export function shortQuote(text: string): string {
  const cut = text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 3)}…` : text;
  return cut.replace(/\s+/g, " ").trim();
}

export function AnnotationRow({ item, t, actions, active, showPage, fixed }: AnnotationRowProps) {
  const tab = active ? 0 : -1;
  const live = item.liveIndex !== undefined;
  const kindLabel = t(kindLabelKey(item));
  const detail = detailOf(item);
  const quote = shortQuote(item.text);
  const pageLine = showPage ? [item.pageTitle || t("untitled"), item.site, item.date ? formatIsoDate(item.date) : ""].filter(Boolean).join(" · ") : "";
  const noteLine = [item.note.replace(/\s+/g, " ").trim(), item.tags.map((tag) => `#${tag}`).join(" ")].filter(Boolean).join(" — ");
  const toggle = (status: ReviewStatus) => actions.onStatus(item, item.status === status ? "new" : status);
  const name = `${kindLabel}: ${quote}`;

  return (
    <div class={`arow kind-${item.kind}${item.status === "rejected" ? " is-rejected" : ""}${item.orphaned ? " is-orphaned" : ""}`}>
      <div class="arow-main">
        <span class="quote" title={item.text.length > QUOTE_MAX ? item.text : undefined}>
          {quote}
        </span>
        <span class="detail">
          <span class="chip">{kindLabel}</span>
          {detail && <span class="value">{detail}</span>}
          {item.status !== "new" && <span class={`badge badge-${item.status}`}>{t(item.status === "confirmed" ? "statusConfirmed" : "rejected")}</span>}
          {item.orphaned && <span class="badge badge-orphaned">{t("orphanedBadge")}</span>}
        </span>
        {(pageLine || fixed) && (
          <span class="meta" title={showPage ? item.pageUrl : undefined}>
            {pageLine}
          </span>
        )}
        {(noteLine || (fixed && !live)) && <span class="note-line">{noteLine}</span>}
      </div>
      <div class="arow-actions" role="group" aria-label={name}>
        {!live && (
          <>
            <button type="button" class={`icon-btn star${item.starred ? " on" : ""}`} tabIndex={tab} aria-label={t("star")} aria-pressed={item.starred} title={t(item.starred ? "unstar" : "star")} onClick={() => actions.onStar(item)}>
              <Icon name="star" filled={item.starred} />
            </button>
            <button type="button" class={`icon-btn confirm${item.status === "confirmed" ? " on" : ""}`} tabIndex={tab} aria-label={t("confirm")} aria-pressed={item.status === "confirmed"} title={t("confirm")} onClick={() => toggle("confirmed")}>
              <Icon name="check" />
            </button>
            <button type="button" class={`icon-btn reject${item.status === "rejected" ? " on" : ""}`} tabIndex={tab} aria-label={t("reject")} aria-pressed={item.status === "rejected"} title={t("reject")} onClick={() => toggle("rejected")}>
              <Icon name="cross" />
            </button>
            <button type="button" class="icon-btn edit" tabIndex={tab} aria-label={t("noteAndTags")} aria-haspopup="dialog" title={t("noteAndTags")} onClick={() => actions.onEdit(item)}>
              <Icon name="pencil" />
            </button>
          </>
        )}
        <button type="button" class="icon-btn go" tabIndex={tab} aria-label={t("goToPassage")} title={t("goToPassage")} onClick={() => actions.onOpen(item)}>
          <Icon name="go" />
        </button>
        {!live && (
          <button type="button" class="icon-btn delete" tabIndex={tab} aria-label={t("delete")} title={t("delete")} onClick={() => actions.onDelete(item)}>
            <Icon name="trash" />
          </button>
        )}
      </div>
    </div>
  );
}

// The numbers table across articles: newest article first, then in text order. One windowed row
// per number: its value as a reader writes it, its kind, the quote, the page; go to the passage.
import { formatIsoDate } from "@/lib/format";
import { fill, type Language, type Translate } from "@/lib/i18n";
import type { NumberRow } from "@/lib/store/repository";
import { shortQuote } from "./AnnotationRow";
import { Icon } from "./icons";
import { countFormatter } from "./IndexView";
import { formatNumberValue, numberSubkindKey } from "./panel-data";
import { VirtualList } from "./VirtualList";

export interface NumbersViewProps {
  t: Translate;
  lang: Language;
  /** undefined while loading. */
  rows: readonly NumberRow[] | undefined;
  onOpen(id: string): void;
  height?: number;
}

export const NUMBER_ROW_HEIGHT = 72;

export function NumbersView({ t, lang, rows, onOpen, height }: NumbersViewProps) {
  if (!rows) return <p class="empty">{t("loading")}</p>;
  if (rows.length === 0) return <p class="empty">{t("noEntries")}</p>;
  const n = countFormatter(lang);
  return (
    <div class="numbers">
      <p class="list-count">{fill(t("resultsCount"), { n: n(rows.length) })}</p>
      <VirtualList
        label={t("numbersTable")}
        count={rows.length}
        rowHeight={NUMBER_ROW_HEIGHT}
        height={height}
        rowKey={(i) => rows[i]!.id}
        onActivate={(i) => onOpen(rows[i]!.id)}
        renderRow={(i, active) => {
          const r = rows[i]!;
          const value = formatNumberValue(r.subkind, r);
          return (
            <div class={`number-row${r.status === "rejected" ? " is-rejected" : ""}`}>
              <div class="number-value">
                <span class="value">{value || String(r.value ?? "")}</span>
                <span class="chip">{t(numberSubkindKey(r.subkind))}</span>
                {r.starred && (
                  <span class="entry-star" aria-label={t("star")}>
                    ★
                  </span>
                )}
              </div>
              <div class="number-main">
                <span class="quote">{shortQuote(r.text)}</span>
                <span class="meta" title={r.pageUrl}>
                  {[r.pageTitle || t("untitled"), r.site, r.date ? formatIsoDate(r.date) : ""].filter(Boolean).join(" · ")}
                </span>
              </div>
              <button type="button" class="icon-btn go" tabIndex={active ? 0 : -1} aria-label={`${t("goToPassage")}: ${value}`} title={t("goToPassage")} onClick={() => onOpen(r.id)}>
                <Icon name="go" />
              </button>
            </div>
          );
        }}
      />
    </div>
  );
}

// A view across articles (leaders index, directives registry): a windowed list of entries; an
// entry opens its detail — the facts seen (titles, issuers, dates) and the pages it appears on,
// each with a button to go to the passage. Escape or Back returns to the list, on the same entry.
import { useEffect, useRef, useState } from "preact/hooks";
import { formatIsoDate } from "@/lib/format";
import { fill, type Language, type Translate } from "@/lib/i18n";
import type { PageMention } from "@/lib/store/repository";
import { Icon } from "./icons";
import { VirtualList } from "./VirtualList";

export interface IndexEntry {
  key: string;
  mentions: number;
  starred: number;
  pages: PageMention[];
}

export interface IndexViewProps<E extends IndexEntry> {
  t: Translate;
  lang: Language;
  /** undefined while loading. */
  entries: readonly E[] | undefined;
  /** The list's accessible name. */
  label: string;
  /** Heading of the detail's page list ("Mentioned in", "Cited in"). */
  pagesHeading: string;
  /** The entry's name and one line under it. */
  summary(entry: E): { name: string; line: string };
  /** The detail's facts: label and values (each value with an optional count). */
  facts(entry: E): { label: string; values: { value: string; count?: number }[] }[];
  onOpenPage(entry: E, page: PageMention): void;
  /** Viewport height fallback for the lists (tests). */
  height?: number;
}

export const ENTRY_ROW_HEIGHT = 52;
export const PAGE_ROW_HEIGHT = 52;

export function countFormatter(lang: Language): (n: number) => string {
  const f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US");
  return (n) => f.format(n);
}

export function IndexView<E extends IndexEntry>(props: IndexViewProps<E>) {
  const { t, entries } = props;
  const [selected, setSelected] = useState<string | null>(null);
  const returnTo = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const n = countFormatter(props.lang);

  const entry = selected !== null ? entries?.find((e) => e.key === selected) : undefined;

  // focus: into the detail when it opens, back on the entry when it closes
  useEffect(() => {
    if (entry) root.current?.querySelector<HTMLElement>(".back")?.focus();
    else if (returnTo.current !== null) {
      const index = entries?.findIndex((e) => e.key === returnTo.current) ?? -1;
      returnTo.current = null;
      root.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected]);

  if (!entries) return <p class="empty">{t("loading")}</p>;

  if (entry) {
    const close = () => {
      returnTo.current = entry.key;
      setSelected(null);
    };
    const { name } = props.summary(entry);
    return (
      <div
        ref={root}
        class="entry-detail"
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            close();
          }
        }}
      >
        <div class="detail-head">
          <button type="button" class="icon-btn back" aria-label={t("back")} title={t("back")} onClick={close}>
            <Icon name="back" />
          </button>
          <h2>{name}</h2>
          <span class="counts">
            {fill(t("mentionsCount"), { n: n(entry.mentions) })} · {fill(t("pagesCount"), { n: n(entry.pages.length) })}
          </span>
        </div>
        {props.facts(entry).map(
          (fact) =>
            fact.values.length > 0 && (
              <p class="facts" key={fact.label}>
                <span class="facts-label">{fact.label}:</span>{" "}
                {fact.values.map((v, i) => (
                  <span class="fact" key={`${v.value}-${i}`}>
                    {v.value}
                    {v.count !== undefined && v.count > 1 ? ` ×${v.count}` : ""}
                  </span>
                ))}
              </p>
            ),
        )}
        <h3>{props.pagesHeading}</h3>
        <VirtualList
          class="pages-list"
          label={props.pagesHeading}
          count={entry.pages.length}
          rowHeight={PAGE_ROW_HEIGHT}
          height={props.height}
          rowKey={(i) => entry.pages[i]!.url}
          onActivate={(i) => props.onOpenPage(entry, entry.pages[i]!)}
          renderRow={(i, active) => {
            const page = entry.pages[i]!;
            return (
              <div class="page-row">
                <div class="page-main">
                  <span class="page-name" title={page.url}>
                    {page.title || t("untitled")}
                  </span>
                  <span class="meta">
                    {[page.site, page.date ? formatIsoDate(page.date) : "", fill(t("mentionsCount"), { n: n(page.mentions) })].filter(Boolean).join(" · ")}
                  </span>
                </div>
                <button type="button" class="icon-btn go" tabIndex={active ? 0 : -1} aria-label={`${t("goToPassage")}: ${page.title || page.url}`} title={t("goToPassage")} onClick={() => props.onOpenPage(entry, page)}>
                  <Icon name="go" />
                </button>
              </div>
            );
          }}
        />
      </div>
    );
  }

  if (entries.length === 0) return <p class="empty">{t("noEntries")}</p>;
  return (
    <div ref={root} class="entry-list">
      <VirtualList
        label={props.label}
        count={entries.length}
        rowHeight={ENTRY_ROW_HEIGHT}
        height={props.height}
        rowKey={(i) => entries[i]!.key}
        onActivate={(i) => setSelected(entries[i]!.key)}
        renderRow={(i, active) => {
          const e = entries[i]!;
          const { name, line } = props.summary(e);
          return (
            <button type="button" class="entry" tabIndex={active ? 0 : -1} aria-haspopup="true" onClick={() => setSelected(e.key)}>
              <span class="entry-name">
                {name}
                {e.starred > 0 && (
                  <span class="entry-star" aria-label={t("star")}>
                    {" "}★{e.starred > 1 ? e.starred : ""}
                  </span>
                )}
              </span>
              <span class="entry-count">{fill(t("mentionsCount"), { n: n(e.mentions) })}</span>
              <span class="meta">{[line, fill(t("pagesCount"), { n: n(e.pages.length) })].filter(Boolean).join(" · ")}</span>
            </button>
          );
        }}
      />
    </div>
  );
}

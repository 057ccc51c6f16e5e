// The leaders index: each person named across articles, the titles seen with the name, and where.
import type { Language, Translate } from "@/lib/i18n";
import type { LeaderEntry, PageMention } from "@/lib/store/repository";
import { IndexView } from "./IndexView";

export interface LeadersViewProps {
  t: Translate;
  lang: Language;
  /** undefined while loading. */
  entries: readonly LeaderEntry[] | undefined;
  onOpenPage(entry: LeaderEntry, page: PageMention): void;
  height?: number;
}

export function LeadersView(props: LeadersViewProps) {
  const { t } = props;
  return (
    <IndexView<LeaderEntry>
      t={t}
      lang={props.lang}
      entries={props.entries}
      label={t("leadersIndex")}
      pagesHeading={t("mentionedIn")}
      summary={(e) => ({ name: e.name, line: e.titles.slice(0, 2).map((x) => x.title).join(" · ") })}
      facts={(e) => [{ label: t("titlesSeen"), values: e.titles.map((x) => ({ value: x.title, count: x.count })) }]}
      onOpenPage={props.onOpenPage}
      {...(props.height !== undefined ? { height: props.height } : {})}
    />
  );
}

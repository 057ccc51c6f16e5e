// The directives registry: each document cited with a number, its issuer and date, and where it
// was cited.
import { formatIsoDate } from "@/lib/format";
import type { Language, Translate } from "@/lib/i18n";
import type { DirectiveEntry, PageMention } from "@/lib/store/repository";
import { IndexView } from "./IndexView";

export interface DirectivesViewProps {
  t: Translate;
  lang: Language;
  /** undefined while loading. */
  entries: readonly DirectiveEntry[] | undefined;
  onOpenPage(entry: DirectiveEntry, page: PageMention): void;
  height?: number;
}

export function documentName(e: Pick<DirectiveEntry, "docType" | "code">): string {
  return [e.docType, e.code].filter(Boolean).join(" ");
}

export function DirectivesView(props: DirectivesViewProps) {
  const { t } = props;
  return (
    <IndexView<DirectiveEntry>
      t={t}
      lang={props.lang}
      entries={props.entries}
      label={t("directivesRegistry")}
      pagesHeading={t("citedIn")}
      summary={(e) => ({ name: documentName(e), line: [e.issuer, e.date ? formatIsoDate(e.date) : ""].filter(Boolean).join(" · ") })}
      facts={(e) => [
        { label: t("issuer"), values: e.issuers.map((value) => ({ value })) },
        { label: t("date"), values: e.dates.map((value) => ({ value: formatIsoDate(value) })) },
      ]}
      onOpenPage={props.onOpenPage}
      {...(props.height !== undefined ? { height: props.height } : {})}
    />
  );
}

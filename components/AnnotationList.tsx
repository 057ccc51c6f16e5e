import type { Annotation, AnnotationKind } from "@/lib/extract/types";

const KIND_LABELS: Record<AnnotationKind, string> = {
  leader: "Lãnh đạo · Leaders",
  directive: "Văn bản, chỉ đạo · Directives",
  number: "Số liệu · Numbers",
};

/** What the reader sees next to an annotation: the normalised value or the key attribute. */
export function detailOf(a: Annotation): string {
  switch (a.kind) {
    case "leader":
      return [a.title, a.name || (a.refersTo ? `→ ${a.refersTo}` : "")].filter(Boolean).join(" · ");
    case "directive":
      return a.subkind === "document"
        ? [a.docType, a.code, a.issuer, a.date].filter(Boolean).join(" · ")
        : [a.speaker, a.verb].filter(Boolean).join(" · ");
    case "number":
      return [a.subkind, String(a.value), a.unit, a.approx].filter(Boolean).join(" · ");
  }
}

export function AnnotationList({ annotations }: { annotations: Annotation[] }) {
  const kinds: AnnotationKind[] = ["leader", "directive", "number"];
  return (
    <div class="kinds">
      {kinds.map((kind) => {
        const items = annotations.filter((a) => a.kind === kind);
        return (
          <section key={kind} class={`kind kind-${kind}`} aria-label={KIND_LABELS[kind]}>
            <h2>
              {KIND_LABELS[kind]} <span class="count">{items.length}</span>
            </h2>
            <ul>
              {items.map((a) => (
                <li key={`${a.start}-${a.end}-${a.kind}`}>
                  <span class="quote">{a.text.length > 160 ? `${a.text.slice(0, 157)}…` : a.text}</span>
                  <span class="detail">{detailOf(a)}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

// Markdown for note apps (Obsidian-friendly front matter). Page text is always escaped: nothing an
// article says can become markup in the reader's notes.
import type { Annotation } from "../extract/types";

export interface MarkdownPage {
  title: string;
  url?: string;
  site?: string;
  date?: string;
  annotations: readonly Annotation[];
}

/** Escapes text so Markdown renders it literally (also defuses inline HTML). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : `\\${c}`));
}

function yamlString(value: string): string {
  return JSON.stringify(value.replace(/\s+/g, " "));
}

function attributes(a: Annotation): string {
  switch (a.kind) {
    case "leader":
      return [a.title && `title: ${a.title}`, a.refersTo && `refers to: ${a.refersTo}`].filter(Boolean).join("; ");
    case "directive":
      return a.subkind === "document"
        ? [a.docType, a.code && `code ${a.code}`, a.issuer && `issuer ${a.issuer}`, a.date && `date ${a.date}`].filter(Boolean).join("; ")
        : [a.speaker && `speaker ${a.speaker}`, a.verb && `verb ${a.verb}`].filter(Boolean).join("; ");
    case "number":
      return [a.subkind, `value ${a.value}`, a.unit && `unit ${a.unit}`, a.approx && `approx ${a.approx}`].filter(Boolean).join("; ");
  }
}

const SECTIONS: { heading: string; pick: (a: Annotation) => boolean }[] = [
  { heading: "Leaders", pick: (a) => a.kind === "leader" },
  { heading: "Documents", pick: (a) => a.kind === "directive" && a.subkind === "document" },
  { heading: "Instructions", pick: (a) => a.kind === "directive" && a.subkind === "instruction" },
  { heading: "Numbers", pick: (a) => a.kind === "number" },
];

export function toMarkdown(page: MarkdownPage): string {
  const front = ["---", `title: ${yamlString(page.title)}`];
  if (page.url) front.push(`url: ${yamlString(page.url)}`);
  if (page.site) front.push(`site: ${yamlString(page.site)}`);
  if (page.date) front.push(`date: ${yamlString(page.date)}`);
  front.push("---", "", `# ${escapeMarkdown(page.title)}`, "");
  const lines = front;
  for (const section of SECTIONS) {
    const items = page.annotations.filter(section.pick);
    if (items.length === 0) continue;
    lines.push(`## ${section.heading}`, "");
    for (const a of items) {
      const detail = attributes(a);
      const link = page.url ? ` ([↗](<${page.url.replace(/[<>\s]/g, encodeURIComponent)}>))` : "";
      lines.push(`- ${escapeMarkdown(a.text)}${detail ? ` — ${escapeMarkdown(detail)}` : ""}${link}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

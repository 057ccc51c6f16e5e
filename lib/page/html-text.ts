// Article text from an HTML file, for the CLI and tests: the same article detection the content
// script uses, on a DOM parsed by linkedom.
import { parseHTML } from "linkedom";
import { findArticleBody } from "./article";

export interface HtmlArticle {
  text: string;
  title: string;
  publishedDate?: string;
}

/** The article text of an HTML page, or null when the page holds no article. */
export function articleFromHtml(html: string): HtmlArticle | null {
  const { document } = parseHTML(html);
  const body = findArticleBody(document as unknown as Document);
  if (!body) return null;
  return { text: body.text.text, title: body.title, publishedDate: body.publishedDate };
}

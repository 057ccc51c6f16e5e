// npm run extract -- [--format json|md] PATH...
// PATH: a .txt or .html file, or a folder of them. JSON follows ../shared/spec/ENTITIES.md; for
// HTML, offsets point into the article text extracted from the page (printed as `articleText`
// with --with-text).
import fs from "node:fs";
import path from "node:path";
import { extract } from "../lib/extract/index";
import { guessArticleDate } from "../lib/extract/article-date";
import { toMarkdown } from "../lib/export/markdown";

const USAGE = "usage: npm run extract -- [--format json|md] [--article-date YYYY-MM-DD] [--with-text] PATH...";

function listInputs(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((f) => /\.(txt|html?)$/i.test(f))
    .sort()
    .map((f) => path.join(target, f));
}

function looksBinary(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 4096);
  return sample.includes(0);
}

async function main(argv: string[]): Promise<number> {
  let format = "json";
  let articleDate: string | undefined;
  let withText = false;
  const targets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--format") format = argv[++i] ?? "";
    else if (arg.startsWith("--format=")) format = arg.slice(9);
    else if (arg === "--article-date") articleDate = argv[++i];
    else if (arg === "--with-text") withText = true;
    else if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      return 0;
    } else targets.push(arg);
  }
  if (format !== "json" && format !== "md") {
    console.error(`extract: unknown format "${format}" (json or md)\n${USAGE}`);
    return 2;
  }
  if (articleDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(articleDate)) {
    console.error(`extract: --article-date takes YYYY-MM-DD, not "${articleDate}"`);
    return 2;
  }
  if (targets.length === 0) {
    console.error(USAGE);
    return 2;
  }

  let failed = false;
  const files: string[] = [];
  for (const t of targets) {
    try {
      files.push(...listInputs(t));
    } catch (error) {
      console.error(`extract: cannot read ${t}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      failed = true;
    }
  }

  const results: object[] = [];
  const markdown: string[] = [];
  for (const file of files) {
    try {
      const buffer = fs.readFileSync(file);
      if (looksBinary(buffer)) throw new Error("not a text file (binary content)");
      const raw = buffer.toString("utf8");
      let text = raw;
      let title = path.basename(file);
      let date = articleDate;
      if (/\.html?$/i.test(file)) {
        // linkedom and Readability load only when an HTML file comes
        const { articleFromHtml } = await import("../lib/page/html-text");
        const article = articleFromHtml(raw);
        if (!article) throw new Error("no article text found in this HTML page");
        text = article.text;
        title = article.title || title;
        date ??= article.publishedDate;
      }
      date ??= guessArticleDate(text);
      const annotations = extract(text, { articleDate: date }, (family, error) => {
        console.error(`extract: ${file}: the ${family} rules failed: ${String(error)}`);
        failed = true;
      });
      if (format === "md") markdown.push(toMarkdown({ title, date, annotations }));
      else results.push({ file, ...(date ? { articleDate: date } : {}), ...(withText ? { articleText: text } : {}), annotations });
    } catch (error) {
      console.error(`extract: ${file}: ${error instanceof Error ? error.message : String(error)}`);
      failed = true;
    }
  }
  if (format === "md") process.stdout.write(markdown.join("\n"));
  else process.stdout.write(`${JSON.stringify(results.length === 1 && files.length === 1 ? results[0] : results, null, 1)}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));

// The article's own date, when a plain text states it near its top: the corpus header
// ("# date = 20230317") or a dateline ("14:08 - 17/03/2023", "12:54, 10/03/2023").

const HEADER_DATE = /^# date = (\d{4})(\d{2})(\d{2})\s*$/m;
const DATELINE = /(?:^|\n)[^\n]{0,40}?\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b/;

function iso(y: string, m: string, d: string): string | undefined {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** ISO yyyy-mm-dd, or undefined when the top of the text states no date of its own. */
export function guessArticleDate(text: string): string | undefined {
  const head = text.slice(0, 1500);
  const header = head.match(HEADER_DATE);
  if (header) return iso(header[1]!, header[2]!, header[3]!);
  const line = head.match(DATELINE);
  return line ? iso(line[3]!, line[2]!, line[1]!) : undefined;
}

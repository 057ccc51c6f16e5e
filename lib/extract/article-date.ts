// The article's own date, when a plain text states it near its top: the corpus header
// ("# date = 20230317"), a dateline ("14:08 - 17/03/2023", "12:54, 10/03/2023",
// "Thứ Sáu, 17/03/2023 14:08", "2023-03-17T14:08") or a worded one ("ngày 17 tháng 3 năm 2023").

const HEADER_DATE = /^# date = (\d{4})(\d{2})(\d{2})\s*$/m;
/** A numeric day/month/year near the start of a line (a dateline, not a date deep in a sentence). */
const DATELINE = /(?:^|\n)[^\n]{0,40}?(?<![\d/.-])(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*\2[ \t]*((?:19|20)\d{2})(?![\d/.-])/;
/** An ISO date near the start of a line: "2023-03-17", "2023-03-17T14:08:00+07:00". */
const ISO_LINE = /(?:^|\n)[^\n]{0,40}?(?<![\d/.-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d])/;
/** "ngày 17 tháng 3 năm 2023" near the start of a line. */
const WORDED_LINE = /(?:^|\n)[^\n]{0,40}?(?<!\d)(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})[ \t]*(?:,[ \t]*)?(?:năm[ \t]+)?((?:19|20)\d{2})(?!\d)/iu;

function iso(y: string, m: string, d: string): string | undefined {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if ((month === 2 && day > 29) || ([4, 6, 9, 11].includes(month) && day > 30)) return undefined;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** ISO yyyy-mm-dd, or undefined when the top of the text states no date of its own. */
export function guessArticleDate(text: string): string | undefined {
  if (typeof text !== "string" || text.length === 0) return undefined;
  const head = text.slice(0, 1500).normalize("NFC");
  const header = HEADER_DATE.exec(head);
  if (header) return iso(header[1]!, header[2]!, header[3]!);
  const candidates: { at: number; date: string | undefined }[] = [];
  const line = DATELINE.exec(head);
  if (line) candidates.push({ at: line.index, date: iso(line[4]!, line[3]!, line[1]!) });
  const isoLine = ISO_LINE.exec(head);
  if (isoLine) candidates.push({ at: isoLine.index, date: iso(isoLine[1]!, isoLine[2]!, isoLine[3]!) });
  const worded = WORDED_LINE.exec(head);
  if (worded) candidates.push({ at: worded.index, date: iso(worded[3]!, worded[2]!, worded[1]!) });
  // the first one written wins
  candidates.sort((a, b) => a.at - b.at);
  return candidates.find((c) => c.date !== undefined)?.date;
}

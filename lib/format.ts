// How normalised values read to a Vietnamese reader: 14000000 → "14.000.000", "2023-03-16" →
// "16/03/2023", "2023-07/2023-12" → "07/2023 – 12/2023".
import type { Annotation, Approx } from "./extract/types";

const NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 6 });

const APPROX_LABEL: Record<Approx, string> = { more: "hơn", less: "dưới", nearly: "gần", about: "khoảng" };

/** An ISO date, month, year or "--MM-DD" in Vietnamese order. */
export function formatIsoDate(iso: string): string {
  let m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  m = iso.match(/^(\d{4})-(\d{2})$/);
  if (m) return `${m[2]}/${m[1]}`;
  m = iso.match(/^--(\d{2})-(\d{2})$/);
  if (m) return `${m[2]}/${m[1]}`;
  return iso;
}

/** The normalised value of a number annotation as a reader would write it. */
export function formatValue(a: Annotation): string {
  if (a.kind !== "number") return "";
  const { value } = a;
  if (typeof value === "number") {
    const n = NUMBER.format(value);
    const approx = a.approx ? APPROX_LABEL[a.approx] : "";
    if (a.subkind === "percent") return [approx, `${n}%`].filter(Boolean).join(" ");
    if (a.subkind === "ordinal") return `thứ ${n}`;
    return [approx, n, a.unit ?? ""].filter(Boolean).join(" ");
  }
  if (a.subkind === "time") return value;
  return value
    .split("/")
    .map((part) => formatIsoDate(part))
    .join(" – ");
}

// Words around numbers: qualifiers, the words that make a number a date, a period or an ordinal,
// and the words after which a number is part of a name. NFC, canonical tone placement, lower case.
import type { Approx } from "../types";

/**
 * Qualifiers written before a number, longest first where one begins another. "hơn 200 cam kết"
 * is more than 200; "gần 300 hoạt động" nearly 300.
 */
export const APPROX_WORDS: readonly (readonly [string, Approx])[] = [
  ["gần như", "nearly"],
  ["suýt soát", "nearly"],
  ["xấp xỉ", "about"],
  ["ước tính khoảng", "about"],
  ["ước tính", "about"],
  ["ước khoảng", "about"],
  ["ước đạt", "about"],
  ["khoảng chừng", "about"],
  ["vào khoảng", "about"],
  ["khoảng", "about"],
  ["chừng", "about"],
  ["tầm", "about"],
  ["gần", "nearly"],
  ["hơn", "more"],
  ["trên", "more"],
  ["ít nhất", "more"],
  ["tối thiểu", "more"],
  ["từ trên", "more"],
  ["dưới", "less"],
  ["chưa đến", "less"],
  ["chưa tới", "less"],
  ["chưa đầy", "less"],
  ["không quá", "less"],
  ["không đến", "less"],
  ["tối đa", "less"],
];

/**
 * Words before "hơn" that make it a comparison, not a qualifier: "cao hơn 5%" is 5% higher,
 * not "more than 5%".
 */
export const COMPARATIVE_WORDS: readonly string[] = [
  "cao",
  "thấp",
  "nhiều",
  "ít",
  "lớn",
  "nhỏ",
  "sớm",
  "muộn",
  "lâu",
  "nhanh",
  "chậm",
  "dài",
  "ngắn",
  "rộng",
  "hẹp",
  "đắt",
  "rẻ",
  "mạnh",
  "yếu",
  "già",
  "trẻ",
  "xa",
  "gần",
  "tốt",
  "kém",
];

/** Words before a time of day ("lúc 14 giờ", "từ 8 giờ") that make "N giờ" a time, not a duration. */
export const TIME_LEAD_WORDS: readonly string[] = ["lúc", "vào", "từ", "đến", "tới", "trước", "khoảng", "vào lúc", "đúng"];

/** Parts of the day: "10 giờ sáng", "chiều 16/3". */
export const DAY_PARTS: readonly string[] = ["sáng", "trưa", "chiều", "tối", "đêm", "khuya", "rạng sáng", "sáng sớm", "chiều tối"];

/** Words right before a day/month that make "24-1" (dashed) a date: "ngày 24-1", "sáng 13-4". */
export const DATE_LEAD_WORDS: readonly string[] = [
  "ngày",
  "hôm",
  "sáng",
  "trưa",
  "chiều",
  "tối",
  "đêm",
  "khuya",
  "rạng sáng",
  "sáng sớm",
  "chiều tối",
  "từ",
  "đến",
  "tới",
  "trước",
  "sau",
  "và",
  "cho đến",
  "kể từ",
];

/** Words before a year range that name the period and belong to its span: "nhiệm kỳ 2023-2026". */
export const PERIOD_LEAD_WORDS: readonly string[] = [
  "nhiệm kỳ",
  "giai đoạn",
  "thời kỳ",
  "năm học",
  "niên khóa",
  "niên độ",
  "mùa giải",
  "mùa",
  "khóa",
  "năm",
  "những năm",
  "các năm",
  "trong",
];

/** Nouns before "thứ N" that make an ordinal of it and belong to its span: "Kỳ họp thứ 6". */
export const ORDINAL_NOUNS: readonly string[] = [
  "lần",
  "kỳ họp",
  "phiên họp",
  "phiên",
  "hội nghị",
  "đại hội",
  "khóa",
  "kỳ",
  "đợt",
  "vòng",
  "năm",
  "tuần",
  "tháng",
  "quý",
  "vị trí",
  "hạng",
  "trường hợp",
  "ca",
  "bên",
  "nước",
  "quốc gia",
];

/** Nouns before a bare number that make an ordinal of it: "lần 2", "đợt 3", "khóa 14", "vòng 5". */
export const ORDINAL_BARE_NOUNS: readonly string[] = ["lần", "đợt", "khóa", "vòng", "phiên", "kỳ họp", "mùa", "tập", "số báo"];

/**
 * Words before "thứ 2" … "thứ 7" that make it a weekday ("vào thứ 2", "sáng thứ 7"), which is
 * neither an ordinal nor a number.
 */
export const WEEKDAY_LEAD_WORDS: readonly string[] = [
  "vào",
  "hôm",
  "ngày",
  "sáng",
  "trưa",
  "chiều",
  "tối",
  "đêm",
  "các",
  "mỗi",
  "từ",
  "đến",
  "tới",
  "và",
  "hoặc",
  "cuối",
  "đầu",
];

/**
 * Phrases that turn "lần thứ N" into part of a proper name: "Cách mạng công nghiệp lần thứ 4",
 * "Chiến tranh thế giới thứ 2".
 */
export const ORDINAL_NAME_HEADS: readonly string[] = [
  "cách mạng công nghiệp",
  "cuộc cách mạng công nghiệp",
  "cách mạng khoa học",
  "chiến tranh thế giới",
  "thế chiến",
  "đại chiến thế giới",
];

/**
 * Nouns after which a number is part of a name, an address or a reference, not a quantity:
 * "Quận 1", "Quốc lộ 1", "số 73 Quán Sứ", "Điều 5", "Bệnh viện 108", "đường 3/2".
 */
export const NAME_HEAD_WORDS: readonly string[] = [
  "số",
  "mã",
  "mã số",
  "điều",
  "khoản",
  "chương",
  "mục",
  "phụ lục",
  "quận",
  "phường",
  "tổ",
  "tổ dân phố",
  "khu phố",
  "ấp",
  "thôn",
  "xóm",
  "khu",
  "lô",
  "phòng",
  "tầng",
  "ngõ",
  "ngách",
  "hẻm",
  "kiệt",
  "quốc lộ",
  "tỉnh lộ",
  "đại lộ",
  "cao tốc",
  "bến",
  "bến số",
  "cổng",
  "ga",
  "bệnh viện",
  "viện",
  "sư đoàn",
  "trung đoàn",
  "lữ đoàn",
  "tiểu đoàn",
  "đại đội",
  "quân khu",
  "quân đoàn",
  "vùng",
  "hải đội",
  "kênh",
  "tòa",
  "block",
  "căn hộ",
  "biển số",
  "biển kiểm soát",
  "hotline",
  "đường dây nóng",
  "điện thoại",
  "đt",
  "sđt",
  "tel",
  "fax",
  "tổng đài",
  "covid",
  "sars-cov",
  "bn",
  "bệnh nhân",
  "ca bệnh",
  "trung ương", // "Hội nghị Trung ương 8"
];

/**
 * Places named after a date: "đường 3/2", "Quảng trường 30/4", "cầu 2/9". A day/month after them is
 * part of the name.
 */
export const DATE_NAME_HEADS: readonly string[] = [
  "đường",
  "phố",
  "quảng trường",
  "công viên",
  "sân vận động",
  "cầu",
  "bến",
  "chợ",
  "trường",
  "xí nghiệp",
  "nhà máy",
  "công ty",
  "ngã",
  "vòng xoay",
  "bùng binh",
];

/** Words for "this year" after "6 tháng đầu năm": the article's year. */
export const THIS_YEAR_WORDS: readonly string[] = ["nay"];

/** Roman numerals I–IV for quarters: "quý I/2021". */
export const QUARTER_ROMAN: ReadonlyMap<string, number> = new Map([
  ["i", 1],
  ["ii", 2],
  ["iii", 3],
  ["iv", 4],
]);

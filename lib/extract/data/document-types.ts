// Vocabulary for legal and Party documents: the document types a text names, the codes of a
// document symbol ("59-NQ/TW", "13/2023/NĐ-CP", "73/TTg-CN") and the issuers those codes stand
// for. NFC with canonical tone placement (hòa, ủy), as `normalizeText` gives.

export interface DocumentType {
  /** The type as usually written, e.g. "Nghị quyết". Matched without regard to case. */
  readonly name: string;
  /**
   * A bare number makes it specific: "Chỉ thị 15", "Nghị định 100". Off for types where a
   * number after the word is usually something else ("kế hoạch 5 năm", "Luật 2").
   */
  readonly bareNumber: boolean;
  /**
   * "… của <issuer>" alone makes it specific: "Chương trình hành động của Chính phủ",
   * "nghị quyết của Quốc hội". Off for words that are also common nouns or verbs
   * ("quyết định của", "quy định của", "kế hoạch của").
   */
  readonly byIssuer: boolean;
}

/** Document types, longest first where one begins another ("Thông tư liên tịch" before "Thông tư"). */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { name: "Nghị quyết liên tịch", bareNumber: true, byIssuer: true },
  { name: "Nghị quyết", bareNumber: true, byIssuer: true },
  { name: "Chỉ thị", bareNumber: true, byIssuer: true },
  { name: "Thông báo kết luận", bareNumber: true, byIssuer: true },
  { name: "Kết luận", bareNumber: true, byIssuer: false },
  { name: "Quyết định", bareNumber: true, byIssuer: false },
  { name: "Nghị định thư", bareNumber: false, byIssuer: false },
  { name: "Nghị định", bareNumber: true, byIssuer: true },
  { name: "Thông tư liên tịch", bareNumber: true, byIssuer: true },
  { name: "Thông tư", bareNumber: true, byIssuer: true },
  { name: "Công điện hỏa tốc", bareNumber: true, byIssuer: true },
  { name: "Công điện khẩn", bareNumber: true, byIssuer: true },
  { name: "Công điện", bareNumber: true, byIssuer: true },
  { name: "Công văn hỏa tốc", bareNumber: true, byIssuer: false },
  { name: "Công văn", bareNumber: true, byIssuer: false },
  { name: "Quy định", bareNumber: true, byIssuer: false },
  { name: "Quy chế", bareNumber: false, byIssuer: false },
  { name: "Bộ luật", bareNumber: false, byIssuer: false },
  { name: "Luật", bareNumber: false, byIssuer: false },
  { name: "Pháp lệnh", bareNumber: false, byIssuer: false },
  { name: "Hiến pháp", bareNumber: false, byIssuer: false },
  { name: "Sắc lệnh", bareNumber: true, byIssuer: false },
  { name: "Lệnh", bareNumber: false, byIssuer: false },
  { name: "Thông báo", bareNumber: true, byIssuer: false },
  { name: "Chương trình hành động", bareNumber: true, byIssuer: true },
  { name: "Chương trình", bareNumber: false, byIssuer: false },
  { name: "Kế hoạch", bareNumber: false, byIssuer: false },
  { name: "Đề án", bareNumber: true, byIssuer: false },
  { name: "Chiến lược", bareNumber: false, byIssuer: false },
  { name: "Hướng dẫn", bareNumber: false, byIssuer: false },
  { name: "Hiệp định", bareNumber: false, byIssuer: false },
  { name: "Công ước", bareNumber: false, byIssuer: false },
  { name: "Điều lệ", bareNumber: false, byIssuer: false },
  { name: "Tờ trình", bareNumber: false, byIssuer: false },
  { name: "Báo cáo", bareNumber: false, byIssuer: false },
  { name: "Văn bản", bareNumber: false, byIssuer: false },
];

/**
 * The type part of a symbol and the document type it stands for: "NQ" in "59-NQ/TW", "NĐ" in
 * "13/2023/NĐ-CP". Keys are upper case; "Đ" may be typed as a Latin "D" ("ND-CP", "QD-TTg").
 */
export const SYMBOL_TYPE_CODES: ReadonlyMap<string, string> = new Map([
  ["NQ", "Nghị quyết"],
  ["NQLT", "Nghị quyết liên tịch"],
  ["CT", "Chỉ thị"],
  ["KL", "Kết luận"],
  ["QĐ", "Quyết định"],
  ["QĐI", "Quy định"],
  ["NĐ", "Nghị định"],
  ["TT", "Thông tư"],
  ["TTLT", "Thông tư liên tịch"],
  ["CĐ", "Công điện"],
  ["CV", "Công văn"],
  ["TB", "Thông báo"],
  ["KH", "Kế hoạch"],
  ["CTR", "Chương trình"],
  ["ĐA", "Đề án"],
  ["HD", "Hướng dẫn"],
  ["QC", "Quy chế"],
  ["QY", "Quy định"],
  ["PL", "Pháp lệnh"],
  ["L", "Lệnh"],
  ["BC", "Báo cáo"],
  ["TTR", "Tờ trình"],
  ["SL", "Sắc lệnh"],
]);

/**
 * The issuer part of a symbol and the body it stands for. "TW" (Party Central: Bộ Chính trị,
 * Ban Bí thư or Ban Chấp hành Trung ương) is deliberately absent: the symbol alone does not say
 * which. Keys are upper case; a trailing term number is stripped first ("QH14" → "QH").
 */
export const ISSUER_CODES: ReadonlyMap<string, string> = new Map([
  ["CP", "Chính phủ"],
  ["TTG", "Thủ tướng Chính phủ"],
  ["QH", "Quốc hội"],
  ["UBTVQH", "Ủy ban Thường vụ Quốc hội"],
  ["CTN", "Chủ tịch nước"],
  ["VPCP", "Văn phòng Chính phủ"],
  ["BTC", "Bộ Tài chính"],
  ["BNG", "Bộ Ngoại giao"],
  ["BYT", "Bộ Y tế"],
  ["BGDĐT", "Bộ Giáo dục và Đào tạo"],
  ["BCA", "Bộ Công an"],
  ["BQP", "Bộ Quốc phòng"],
  ["BCT", "Bộ Công Thương"],
  ["BKHĐT", "Bộ Kế hoạch và Đầu tư"],
  ["BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"],
  ["LĐTBXH", "Bộ Lao động - Thương binh và Xã hội"],
  ["BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"],
  ["BNN", "Bộ Nông nghiệp và Phát triển nông thôn"],
  ["BNNMT", "Bộ Nông nghiệp và Môi trường"],
  ["BTNMT", "Bộ Tài nguyên và Môi trường"],
  ["BXD", "Bộ Xây dựng"],
  ["BGTVT", "Bộ Giao thông vận tải"],
  ["BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"],
  ["BTTTT", "Bộ Thông tin và Truyền thông"],
  ["BNV", "Bộ Nội vụ"],
  ["BTP", "Bộ Tư pháp"],
  ["BKHCN", "Bộ Khoa học và Công nghệ"],
  ["BDTTG", "Bộ Dân tộc và Tôn giáo"],
  ["NHNN", "Ngân hàng Nhà nước Việt Nam"],
  ["TTCP", "Thanh tra Chính phủ"],
  ["UBDT", "Ủy ban Dân tộc"],
  ["KTNN", "Kiểm toán Nhà nước"],
  ["TANDTC", "Tòa án nhân dân tối cao"],
  ["VKSNDTC", "Viện kiểm sát nhân dân tối cao"],
  ["UBND", "Ủy ban nhân dân"],
  ["HĐND", "Hội đồng nhân dân"],
  ["UBTWMTTQVN", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"],
]);

/**
 * Issuers as a text names them after "của": "Chỉ thị 15 của Ban Bí thư". Longest first where one
 * begins another. An entry ending in a space takes the run of capitalised words after it as part of
 * the name ("Bộ " + "Ngoại giao", "UBND tỉnh " + "Cao Bằng").
 */
export const ISSUER_NAMES: readonly string[] = [
  "Ban Bí thư Trung ương Đảng",
  "Ban Bí thư",
  "Bộ Chính trị",
  "Ban Chấp hành Trung ương Đảng",
  "Ban Chấp hành Trung ương",
  "Ban Chấp hành Đảng bộ ",
  "Ban Thường vụ Tỉnh ủy ",
  "Ban Thường vụ Thành ủy ",
  "Ban Thường vụ ",
  "Hội nghị Trung ương ",
  "Trung ương Đảng",
  "Trung ương",
  "Đại hội Đảng toàn quốc",
  "Đại hội Đảng",
  "Đại hội",
  "Thủ tướng Chính phủ",
  "Thủ tướng",
  "Phó Thủ tướng Chính phủ",
  "Phó Thủ tướng",
  "Chính phủ",
  "Ủy ban Thường vụ Quốc hội",
  "Quốc hội",
  "Chủ tịch nước",
  "Văn phòng Chính phủ",
  "Thanh tra Chính phủ",
  "Ngân hàng Nhà nước",
  "Kiểm toán Nhà nước",
  "Tòa án nhân dân tối cao",
  "Viện kiểm sát nhân dân tối cao",
  "Liên hợp quốc",
  "Hội đồng Bảo an",
  "Ban Chỉ đạo ",
  "Ban Cán sự Đảng ",
  "Đảng ủy ",
  "Đảng đoàn ",
  "Tỉnh ủy ",
  "Thành ủy ",
  "Huyện ủy ",
  "Quân ủy Trung ương",
  "Ủy ban nhân dân ",
  "UBND ",
  "Hội đồng nhân dân ",
  "HĐND ",
  "Hội đồng quản trị",
  "HĐQT",
  "Bộ trưởng Bộ ",
  "Bộ trưởng",
  "Bộ ",
  "Ủy ban ",
  "Sở ",
  "Tổng cục ",
  "Cục ",
  "Ban ",
  "Cơ quan ",
];

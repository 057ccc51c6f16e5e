// Title vocabulary for lib/extract/leaders.ts: the head of a title phrase ("Thủ tướng",
// "Bộ trưởng", "Đại sứ"), matched case-insensitively on whole words ("Bộ Trưởng" is the same
// head). What follows a head ("Bộ Ngoại giao", "UBND tỉnh Quảng Nam", "Việt Nam tại Hoa Kỳ") is
// parsed with the office, place and country vocabularies of ./offices.ts.
// Canonical NFC, canonical tone placement (ủy, hòa), as the rules see the text.

/** Heads that take a deputy form "Phó …" (added automatically). */
const WITH_DEPUTY: readonly string[] = [
  // State, Government
  "Chủ tịch", "Thủ tướng", "Tổng thống", "Chủ tịch nước", "Thủ tướng Thường trực",
  "Chủ nhiệm", "Tổng Thanh tra", "Thống đốc", "Tổng Kiểm toán", "Tổng Thư ký",
  "Tổng cục trưởng", "Cục trưởng", "Vụ trưởng", "Viện trưởng", "Chánh án", "Chánh Văn phòng",
  "Chánh Thanh tra", "Giám đốc", "Tổng Giám đốc", "Trưởng ban", "Trưởng phòng",
  "Trưởng đoàn", "Trưởng Phái đoàn", "Trưởng Cơ quan đại diện", "Trưởng Đại diện",
  "Thủ trưởng", "Tư lệnh", "Tổng Tư lệnh", "Chính ủy", "Tham mưu trưởng", "Tổng Tham mưu trưởng",
  "Chỉ huy trưởng", "Đô đốc", "Kiểm toán trưởng", "Chủ tịch Thường trực",
  // Party
  "Bí thư", "Tổng Bí thư", "Bí thư Thường trực",
  // Foreign and international
  "Thị trưởng", "Tổng Lãnh sự", "Lãnh sự", "Tổng Giám đốc điều hành", "Giám đốc điều hành",
];

/** Heads without a deputy form, or whose deputy form is its own word (Thứ trưởng). */
const PLAIN: readonly string[] = [
  "Bộ trưởng", "Thứ trưởng", "Thứ trưởng Thường trực", "Quyền Bộ trưởng",
  "Ủy viên Bộ Chính trị", "Ủy viên Trung ương Đảng", "Ủy viên dự khuyết Trung ương Đảng",
  "Ủy viên Ban Chấp hành Trung ương Đảng", "Ủy viên Ban Bí thư", "Thường trực Ban Bí thư",
  "Tỉnh ủy viên", "Thành ủy viên", "Huyện ủy viên", "Quận ủy viên", "Đảng ủy viên",
  "Đại biểu Quốc hội", "Đại biểu HĐND", "Đại biểu Hội đồng nhân dân", "Đại biểu",
  "Đại sứ", "Đại sứ đặc mệnh toàn quyền", "Đại biện", "Tham tán", "Tham tán Công sứ", "Công sứ",
  "Tùy viên", "Đặc phái viên", "Đặc sứ", "Điều phối viên thường trú", "Người phát ngôn",
  "Phát ngôn viên", "Ngoại trưởng", "Quốc vương", "Nhà vua", "Vua", "Nữ hoàng", "Hoàng thái tử",
  "Thái tử", "Thượng nghị sĩ", "Hạ nghị sĩ", "Nghị sĩ", "Cố vấn", "Cố vấn An ninh Quốc gia",
  "Giáo hoàng", "Nhà lãnh đạo", "Tổng Chưởng lý", "Bộ trưởng Tư pháp",
  "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Chuẩn Đô đốc", "Đại tá", "Thượng tá",
  "Trung tá",
];

/**
 * Heads that are a title only with an office after them ("Trưởng Ban Tuyên giáo", "Ủy viên Ban
 * Thường vụ"): alone they are ordinary words.
 */
export const HEADS_NEEDING_OFFICE: readonly string[] = ["Trưởng", "Phó Trưởng", "Ủy viên", "Thành viên"];

function withDeputy(heads: readonly string[]): string[] {
  const out: string[] = [];
  for (const h of heads) {
    out.push(h);
    out.push(`Phó ${h}`);
  }
  return out;
}

/** Every title head, as written in careful text (matching ignores case). */
export const TITLE_HEADS: readonly string[] = [...new Set([...withDeputy(WITH_DEPUTY), ...PLAIN])];

/** Words written before a head that belong to the title ("nguyên Bộ trưởng", "tân Thủ tướng"). */
export const TITLE_MODIFIERS: readonly string[] = ["nguyên", "cựu", "tân", "quyền", "trợ lý", "phụ tá"];

/**
 * Words that directly follow a head and belong to the title ("Chủ tịch nước", "Phó Chủ tịch
 * Thường trực", "Đại sứ đặc mệnh toàn quyền"). Lower-case words other than these end a title
 * that has no office yet: "Thủ tướng thăm", "Bộ trưởng cho biết".
 */
export const HEAD_COMPLEMENT_WORDS: readonly string[] = [
  "nước", "thường trực", "đặc mệnh toàn quyền", "phụ trách", "thứ nhất", "danh dự", "luân phiên",
];

/**
 * Academic and honorary degrees written between a title and a name ("Thứ trưởng Bộ Y tế, PGS.TS
 * Nguyễn Trường Sơn"); they join with dots (PGS.TS) and may end with one.
 */
export const DEGREES: readonly string[] = [
  "GS", "PGS", "TS", "ThS", "Th.S", "TSKH", "BS", "BSCKI", "BSCKII", "BSCK", "DS", "KS", "CN",
  "NGND", "NGƯT", "TTND", "TTƯT", "NSND", "NSƯT", "LS",
];

/**
 * Verbs of saying, directing and acting that follow a bare title used as a subject ("Thủ tướng
 * nhấn mạnh", "Bộ trưởng chỉ đạo"): only then is a bare title annotated.
 */
export const SUBJECT_VERBS: readonly string[] = [
  "nhấn mạnh", "yêu cầu", "chỉ đạo", "đề nghị", "giao", "nhắc nhở", "lưu ý", "kêu gọi", "chỉ thị",
  "quán triệt", "khuyến cáo", "nêu rõ", "khẳng định", "cho biết", "cho rằng", "cho hay", "phát biểu",
  "chia sẻ", "đánh giá", "ghi nhận", "biểu dương", "chúc mừng", "cảm ơn", "đề xuất", "kết luận",
  "nói", "trả lời", "chủ trì", "tiếp", "thăm", "dự", "gửi", "ký", "quyết định", "phê duyệt",
  "hoan nghênh", "mong muốn", "tin tưởng", "bày tỏ", "nhận định", "chỉ rõ", "thông báo",
  "tuyên bố", "cam kết", "đồng ý", "hối thúc", "đôn đốc", "phân công", "nhắc lại", "đặt vấn đề",
  "gợi ý", "mong", "đề cập", "kiểm tra", "làm việc", "khen ngợi", "trao", "tặng", "chúc",
  "động viên", "tham dự", "hội đàm", "điện đàm", "hội kiến", "tiếp kiến", "giải thích",
  "phân tích",
];

/** Adverbs allowed between a subject and its verb ("Thủ tướng cũng nhắc nhở"). */
export const SUBJECT_ADVERBS: readonly string[] = [
  "cũng", "đã", "đều", "tiếp tục", "còn", "vẫn", "thì", "lại", "đồng thời", "liên tục", "nhiều lần",
  "kiên quyết", "trực tiếp", "đặc biệt", "luôn", "mới", "vừa", "từng", "đang", "sẽ", "một lần nữa",
  "cũng đã", "sau đó", "trước đó", "ngay", "khẩn thiết", "thẳng thắn", "tha thiết", "hôm nay",
  "chiều nay", "sáng nay", "trước hết", "cuối cùng", "luôn luôn", "thường xuyên", "nghiêm khắc",
  "nghiêm túc", "dứt khoát", "mạnh mẽ", "cụ thể", "đặc biệt là",
];

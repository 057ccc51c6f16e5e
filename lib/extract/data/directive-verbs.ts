// Vocabulary for lib/extract/instructions.ts: the verbs by which a leader or a body directs,
// the statements that carry an obligation, and the words that show a verb is used as a noun.
// Canonical NFC and tone placement; matched case-insensitively on whole words.

/** Verbs that direct, request or assign ("Thủ tướng yêu cầu …", "Bộ Xây dựng đề nghị …"). */
export const DIRECTIVE_VERBS: readonly string[] = [
  "yêu cầu", "chỉ đạo", "đề nghị", "giao", "nhắc nhở", "lưu ý", "kêu gọi", "chỉ thị", "quán triệt",
  "khuyến cáo", "hối thúc", "đôn đốc", "ra lệnh", "phân công", "nghiêm cấm", "khuyến nghị",
  "giao nhiệm vụ", "chấn chỉnh",
];

/**
 * Directive verbs that are also everyday words ("giao" in "giao thông", "nhắc" in "nhắc lại"):
 * directive only straight after a subject.
 */
export const WEAK_DIRECTIVE_VERBS: readonly string[] = ["giao", "chấn chỉnh", "phân công", "nghiêm cấm"];

/**
 * Verbs of saying that direct only with an obligation after them: "Thủ tướng nhấn mạnh, các
 * Trưởng Cơ quan đại diện phải …".
 */
export const STATEMENT_VERBS: readonly string[] = [
  "nhấn mạnh", "nêu rõ", "khẳng định", "chỉ rõ", "lưu ý", "kết luận", "chốt lại", "quán triệt",
];

/** Words of obligation in such a statement. */
export const OBLIGATION_WORDS: readonly string[] = [
  "phải", "cần", "cần phải", "buộc phải", "bắt buộc", "nghiêm cấm", "tuyệt đối không", "không để", "hãy",
];

/** Words after an obligation word that make it something else: "cần thiết", "phải chăng". */
export const NOT_OBLIGATION_AFTER: readonly string[] = ["thiết", "chăng", "trái", "lòng", "mặt", "không"];

/** Words before an obligation word that make it something else: "không phải là". */
export const NOT_OBLIGATION_BEFORE: readonly string[] = ["không", "chẳng", "bên", "tay", "chưa", "đâu"];

/**
 * Words right before a directive verb that make it a noun: "các chỉ đạo của Bộ Chính trị",
 * "theo yêu cầu", "tinh thần chỉ đạo", "Ban chỉ đạo".
 */
export const NOUN_MARKERS_BEFORE: readonly string[] = [
  "các", "những", "mọi", "theo", "của", "sự", "lời", "là", "nhiều", "một", "số", "ban", "tinh thần",
  "ý kiến", "nội dung", "thực hiện", "đáp ứng", "trước", "với", "bởi", "có", "nhận được", "đặt ra",
  "vượt", "đủ", "đạt", "văn bản", "công văn", "công điện", "thông báo", "quyết định", "nhiệm vụ",
  "giấy", "đơn", "tờ trình", "kiến nghị", "phiếu", "mức", "tiêu chuẩn", "điều kiện", "hồ sơ",
  "sau", "tránh", "đúng", "về", "cao", "khắt khe", "ngày càng", "trình", "nghe", "lần", "bản",
  "ra", "trên", "phù hợp", "đảm bảo", "bảo đảm", "gửi", "xin", "chờ", "nên", "bàn", "ngoại", "chuyển",
  "mang", "được", "vì", "do", "tổ", "nhóm", "đoàn", "điểm", "từ", "này", "việc", "về việc",
  "chấp hành", "tuân thủ", "làm theo", "triển khai", "quán triệt", "nhận", "tiếp nhận",
];

/** Adverbs between a verb and a directive noun: "thực hiện nghiêm yêu cầu", "chấp hành ngay chỉ đạo". */
export const NOUN_MARKER_ADVERBS: readonly string[] = ["ngay", "nghiêm", "đúng", "tốt", "đầy đủ", "kịp thời", "nghiêm túc", "triệt để"];

/** Words right after a directive verb that make it a noun: "chỉ đạo của", "yêu cầu này". */
export const NOUN_MARKERS_AFTER: readonly string[] = [
  "của", "này", "đó", "ấy", "trên", "nói trên", "đặt ra", "đề ra", "là", "được", "thì", "mà",
  "trước đó", "cao", "chung", "chuyên môn", "kỹ thuật", "bồi thường", "khởi tố", "truy tố",
];

/** Words after "giao" that make another word of it: "giao thông", "giao lưu", "giao dịch". */
export const NOT_GIAO_AFTER: readonly string[] = [
  "thông", "lưu", "dịch", "tiếp", "hàng", "thương", "ban", "hữu", "thoa", "kết", "nhận", "lộ",
  "thừa", "tranh", "hòa", "hoán", "hợp", "ước", "cảm", "đấu", "phong", "chiến", "ca", "động",
  "diện", "điểm", "cắt", "liên", "ngoại", "đất", "rừng", "nhà", "xe", "mặt", "khoán", "nộp", "thầu",
  "quyền", "lại", "tận", "trả",
];

/**
 * Ordinals that open an enumerated task after a directive ("Một là, …", "Thứ hai, …"): each item
 * is its own instruction with the same speaker and verb.
 */
export const ENUM_ORDINALS: readonly string[] = [
  "một là", "hai là", "ba là", "bốn là", "năm là", "sáu là", "bảy là", "tám là", "chín là", "mười là",
  "thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "thứ tám", "thứ chín",
  "thứ mười",
];

/**
 * Words that open an adverbial phrase before the subject, ended by a comma ("Tại buổi làm việc,
 * Thủ tướng …", "Để phục vụ tốt công tác bầu cử, Bộ Xây dựng yêu cầu …").
 */
export const INTRO_WORDS: readonly string[] = [
  "tại", "theo", "trước", "để", "về", "trong", "sau", "với", "đối với", "ngoài ra", "bên cạnh đó",
  "đồng thời", "cùng với đó", "do đó", "vì vậy", "vì thế", "cụ thể", "trên cơ sở", "chiều", "sáng",
  "tối", "trưa", "đêm", "ngày", "hôm", "phát biểu", "kết luận", "nhân dịp", "qua", "từ", "khi",
  "nếu", "mặt khác", "thay mặt", "dịp", "đầu", "cuối", "giữa", "hiện nay", "hiện", "riêng", "tiếp đó",
  "sau đó", "trước đó", "nhằm", "dưới", "trước tình hình", "đặc biệt", "bên cạnh", "cùng đó",
  "song song", "trước mắt", "thời gian tới", "trong thời gian tới", "tới đây", "sắp tới", "năm",
  "tháng", "tuần", "hằng năm", "chiều tối", "sáng sớm", "chỉ đạo", "nhấn mạnh", "đánh giá", "ghi nhận",
  "theo đó", "tuy nhiên", "do vậy", "bởi vậy", "thêm vào đó", "mới đây", "trước đây", "gần đây",
  "thứ nhất", "thứ hai", "thứ ba", "một là", "hai là", "ba là", "bốn là", "năm là", "cũng tại",
  "cũng theo", "nói về", "trả lời", "liên quan", "liên quan đến", "đáng chú ý", "ngay sau",
  "thông qua", "căn cứ", "nhân", "lúc", "vào", "gần", "hơn", "đến", "giai đoạn", "về phía",
];

/** Words that open a sentence continuing the directives of the sentence before it. */
export const CONTINUATION_OPENERS: readonly string[] = [
  "đồng thời", "bên cạnh đó", "ngoài ra", "cùng với đó", "mặt khác", "đặc biệt", "trước mắt",
  "cùng đó", "song song đó", "thủ tướng cũng",
];

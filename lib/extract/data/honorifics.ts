// Honorifics written before a person's name or title. They are not part of the title attribute
// (ENTITIES.md §1); matching ignores case ("Đồng chí", "đồng chí").

/** Honorifics that mark an official by themselves: "đồng chí Bùi Thanh Sơn" is a leader. */
export const OFFICIAL_HONORIFICS: readonly string[] = ["đồng chí", "đ/c", "ngài", "cố"];

/** Polite honorifics: "ông Lê Trung Chinh - Chủ tịch UBND TP Đà Nẵng" is a leader by the title. */
export const POLITE_HONORIFICS: readonly string[] = ["ông", "bà", "quý ông", "quý bà", "phu nhân"];

export const HONORIFICS: readonly string[] = [...OFFICIAL_HONORIFICS, ...POLITE_HONORIFICS];

/**
 * Words before a name that make it a place, a street or a thing named after a person, not a
 * mention of the person: "đường Phạm Văn Đồng", "TP Hồ Chí Minh", "tư tưởng Hồ Chí Minh".
 */
export const NOT_PERSON_BEFORE: readonly string[] = [
  "đường", "phố", "tỉnh", "thành phố", "tp", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn",
  "cầu", "sông", "núi", "trường", "tư tưởng", "lăng", "tượng đài", "bảo tàng", "khu", "nhà",
  "quảng trường", "công viên", "giải", "giải thưởng", "học bổng", "đại lộ", "bến", "chợ", "ga",
  "sân bay", "bệnh viện", "thôn", "bản", "ấp", "làng", "di tích", "đền", "chùa", "tàu",
  "huân chương", "đại học", "học viện", "số", "ngõ", "hẻm", "kiệt", "đền thờ", "nhà lưu niệm",
  "khu lưu niệm", "quỹ", "cúp", "hội trường", "tòa nhà", "trung tâm", "đh", "thpt", "thcs", "cđ",
  "bv", "trường đh", "trường thpt", "trường thcs", "mang tên", "tên",
];

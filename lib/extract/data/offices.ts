// Offices, places and countries: what follows a title head ("Bộ trưởng Bộ Ngoại giao",
// "Chủ tịch UBND tỉnh Quảng Nam", "Đại sứ Việt Nam tại Hoa Kỳ") and what can direct as a body
// ("Bộ Xây dựng yêu cầu"). Matched case-insensitively on whole words. Canonical NFC and tone
// placement (ủy, hòa) as the rules see the text.

/** Ministry and sector names, written after "Bộ" or straight after a title ("Bộ trưởng Ngoại giao"). */
export const SECTORS: readonly string[] = [
  "Ngoại giao", "Quốc phòng", "Công an", "Tài chính", "Y tế", "Tư pháp", "Nội vụ", "Xây dựng",
  "Công Thương", "Kế hoạch và Đầu tư", "Giáo dục và Đào tạo", "Giao thông vận tải",
  "Giao thông - Vận tải", "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường",
  "Tài nguyên và Môi trường", "Lao động - Thương binh và Xã hội", "Lao động, Thương binh và Xã hội",
  "Văn hóa, Thể thao và Du lịch", "Văn hóa - Thể thao và Du lịch", "Thông tin và Truyền thông",
  "Khoa học và Công nghệ", "Dân tộc và Tôn giáo", "Thương mại", "Kinh tế", "Năng lượng",
  "Nông nghiệp", "Môi trường", "Giáo dục", "Lao động", "Du lịch", "Công nghiệp", "Văn hóa",
  "Thể thao", "Truyền thông", "Khoa học", "Công nghệ", "Tài nguyên", "Giao thông", "An ninh",
  "An ninh Nội địa", "Nội địa", "Ngoại thương", "Kinh tế và Công nghiệp", "Đối ngoại",
  "Thương mại và Công nghiệp", "Kinh tế, Thương mại và Công nghiệp",
  // abbreviations
  "GD&ĐT", "GD-ĐT", "GDĐT", "GTVT", "NN&PTNT", "NN-PTNT", "NNPTNT", "LĐ-TB&XH", "LĐTB&XH",
  "LĐTBXH", "KH&ĐT", "KH-ĐT", "KHĐT", "TN&MT", "TN-MT", "TNMT", "TT&TT", "TT-TT", "TTTT",
  "VH-TT&DL", "VHTT&DL", "VHTTDL", "KH&CN", "KH-CN", "KHCN", "NN&MT", "NN-MT", "TC", "XD",
];

/**
 * Offices named in full: after one of these a title is complete, a person's name may follow.
 * "Bộ …" forms of the sectors above are added by the rules.
 */
export const OFFICES: readonly string[] = [
  "Chính phủ", "Quốc hội", "Nhà nước", "Trung ương", "Trung ương Đảng", "Bộ Chính trị", "Ban Bí thư",
  "Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng", "Văn phòng Chính phủ",
  "Văn phòng Quốc hội", "Văn phòng Trung ương Đảng", "Văn phòng Chủ tịch nước",
  "Ngân hàng Nhà nước", "Ngân hàng Nhà nước Việt Nam", "Kiểm toán Nhà nước", "Thanh tra Chính phủ",
  "Ủy ban Quản lý vốn Nhà nước tại doanh nghiệp", "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc",
  "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Thường vụ Quốc hội", "Ủy ban Dân tộc",
  "Ủy ban Nhà nước về người Việt Nam ở nước ngoài", "Quân ủy Trung ương", "Ban Tuyên giáo Trung ương",
  "Ban Tổ chức Trung ương", "Ban Kinh tế Trung ương", "Ban Nội chính Trung ương",
  "Ban Đối ngoại Trung ương", "Ban Dân vận Trung ương", "Ban Tuyên giáo và Dân vận Trung ương",
  "Ban Chính sách, chiến lược Trung ương", "Ủy ban Kiểm tra Trung ương", "Hội đồng Dân tộc",
  "Tòa án nhân dân tối cao", "TAND tối cao", "Viện Kiểm sát nhân dân tối cao", "VKSND tối cao",
  "Ủy ban nhân dân", "Hội đồng nhân dân", "UBND", "HĐND", "UBMTTQ", "MTTQ", "MTTQVN",
  "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy", "Ban Thường vụ", "Thường trực",
  "Thường vụ", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Thành ủy", "HĐQT", "Hội đồng quản trị",
  "Hội đồng thành viên", "HĐTV", "Ban Chỉ đạo", "Ủy ban Đối ngoại", "Ủy ban Kinh tế",
  "Ủy ban Tài chính, Ngân sách", "Ủy ban Tài chính - Ngân sách", "Ủy ban Pháp luật", "Ủy ban Tư pháp",
  "Ủy ban Quốc phòng và An ninh", "Ủy ban Xã hội", "Ủy ban Các vấn đề xã hội",
  "Ủy ban Văn hóa, Giáo dục", "Ủy ban Khoa học, Công nghệ và Môi trường", "Ban Công tác đại biểu",
  "Ngoại giao", "Quốc phòng",
];

/** International bodies: like a country, a foreign name may follow ("Tổng Thư ký LHQ Antonio Guterres"). */
export const INTERNATIONAL_BODIES: readonly string[] = [
  "Liên hợp quốc", "LHQ", "Ủy ban châu Âu", "Liên minh châu Âu", "Hội đồng châu Âu",
  "Nghị viện châu Âu", "Hội đồng Bảo an", "Hội đồng Bảo an Liên hợp quốc", "Ngân hàng Thế giới",
  "Quỹ Tiền tệ Quốc tế", "Tổ chức Y tế Thế giới", "Tổ chức Thương mại Thế giới", "Hạ viện",
  "Thượng viện", "Nhà Trắng", "Lầu Năm Góc", "Điện Kremlin", "ASEAN", "EU", "WHO", "NATO", "WTO",
  "IMF", "WB", "UNESCO", "UNICEF", "UNDP", "APEC", "ADB", "UNHCR", "FAO", "ILO", "OECD", "G7", "G20",
  "Ngân hàng Phát triển châu Á", "Hạ viện Mỹ", "Thượng viện Mỹ", "Quốc hội Mỹ", "Bộ Ngoại giao Mỹ",
  "Bộ Ngoại giao Trung Quốc", "Bộ Ngoại giao Nga",
];

/**
 * Nouns that start the name of a body: "Sở Y tế", "Cục Quản lý thị trường", "Tập đoàn Điện lực
 * Việt Nam". Their own name follows, in sentence case, so lower-case words are part of it.
 */
export const UNIT_NOUNS: readonly string[] = [
  "Bộ", "Sở", "Ban", "Cục", "Tổng cục", "Vụ", "Viện", "Ủy ban", "Tập đoàn", "Tổng công ty",
  "Công ty", "Ngân hàng", "Văn phòng", "Hội đồng", "Đoàn", "Phái đoàn", "Cơ quan", "Học viện",
  "Trường", "Đại học", "Bệnh viện", "Hội", "Liên hiệp", "Liên đoàn", "Tổng Liên đoàn", "Hiệp hội",
  "Mặt trận", "Bộ Tư lệnh", "Bộ Chỉ huy", "Quân khu", "Quân đoàn", "Quân chủng", "Binh chủng",
  "Công an", "Viện Kiểm sát", "VKSND", "Tòa án", "TAND", "Trung tâm", "Đài",
  "Báo", "Thông tấn xã", "Kho bạc", "Chi cục", "Phòng", "Cảng vụ", "Quỹ", "Đại sứ quán",
  "Lãnh sự quán", "Tổng Lãnh sự quán", "Tổ chức", "Ủy ban Kiểm tra", "Thanh tra", "Kiểm toán",
  "Ban Quản lý", "Tổ công tác", "Chi nhánh", "Tỉnh đoàn", "Thành đoàn", "Cơ quan đại diện",
  "Cơ quan Cảnh sát điều tra", "Cơ quan CSĐT", "Bộ đội Biên phòng", "BĐBP", "Cảnh sát",
  "Đảng bộ", "Chi bộ", "Nhà xuất bản", "Vườn quốc gia", "CDC", "Hãng", "Tổ",
  "Trường ĐH", "ĐH", "Trường CĐ", "CĐ", "Cao đẳng", "Trường THPT", "THPT", "Trường THCS", "THCS",
  "Tiểu học", "Trường Tiểu học", "Mầm non", "Trường Mầm non", "BV", "CLB", "Câu lạc bộ", "Khoa",
  "Bộ môn", "Ban Giám hiệu", "Hội đồng trường", "Công đoàn", "Đoàn Thanh niên", "Hội Nông dân",
  "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "BCĐ", "Ban Cán sự đảng",
];

/** Bodies that name an employer, not an authority: no subject of a directive ("CLB Barcelona yêu cầu"). */
export const NOT_AUTHORITY_UNITS: readonly string[] = [
  "CLB", "Câu lạc bộ", "Công ty", "Hãng", "Nhà xuất bản", "Báo", "Đài", "Khoa", "Bộ môn", "Quỹ",
  "Chi nhánh", "Trường", "Hội", "Hiệp hội", "Tập đoàn", "Tổng công ty", "Ngân hàng",
];

/** Administrative units before a place name: "tỉnh Quảng Nam", "TP Đà Nẵng", "huyện Lý Sơn". */
export const PROVINCE_UNITS: readonly string[] = ["tỉnh", "thành phố", "TP", "TP.", "thủ đô", "bang"];
export const LOCAL_UNITS: readonly string[] = [
  "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu", "thôn", "bản", "ấp", "khu phố",
];

/** Provinces and centrally-run cities (before and after the 2025 mergers), and a few big cities. */
export const PROVINCES: readonly string[] = [
  "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa Vũng Tàu", "BR-VT", "Bắc Giang",
  "Bắc Kạn", "Bắc Cạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước",
  "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắc Lắc", "Đăk Lăk",
  "Đắk Nông", "Đăk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam",
  "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa",
  "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
  "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
  "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
  "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế", "Huế",
  "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "TP.HCM", "TPHCM",
  "TP HCM", "HCM", "Sài Gòn", "Hà Tây", "Vũng Tàu", "Nha Trang", "Đà Lạt", "Hạ Long", "Phú Quốc",
  "Buôn Ma Thuột", "Quy Nhơn", "Biên Hòa", "Thủ Đức", "Pleiku", "Móng Cái", "Cẩm Phả", "Uông Bí",
  "Phan Thiết", "Rạch Giá", "Long Xuyên", "Mỹ Tho", "Cao Lãnh", "Sa Đéc", "Tam Kỳ", "Hội An",
  "Đồng Hới", "Đông Hà", "Tuy Hòa", "Phan Rang - Tháp Chàm", "Bảo Lộc", "Sầm Sơn", "Cửa Lò",
  "Hồ Chí Minh",
];

/** Place names that are also a person's name: places only right after an administrative unit. */
export const PLACES_ONLY_AFTER_UNIT: readonly string[] = ["Hồ Chí Minh"];

/** Countries, regions and foreign cities (Vietnamese and international spellings). */
export const COUNTRIES: readonly string[] = [
  "Việt Nam", "Mỹ", "Hoa Kỳ", "Trung Quốc", "Nhật Bản", "Nhật", "Hàn Quốc", "Triều Tiên", "Nga",
  "Liên bang Nga", "Pháp", "Đức", "Anh", "Vương quốc Anh", "Italy", "Italia", "Ý", "Tây Ban Nha",
  "Bồ Đào Nha", "Hà Lan", "Bỉ", "Thụy Sỹ", "Thụy Sĩ", "Thụy Điển", "Na Uy", "Đan Mạch", "Phần Lan",
  "Áo", "Ba Lan", "Séc", "Cộng hòa Séc", "Slovakia", "Hungary", "Romania", "Bulgaria", "Hy Lạp",
  "Thổ Nhĩ Kỳ", "Ukraine", "Belarus", "Ấn Độ", "Pakistan", "Bangladesh", "Sri Lanka", "Nepal",
  "Lào", "Campuchia", "Thái Lan", "Myanmar", "Malaysia", "Singapore", "Indonesia", "Philippines",
  "Brunei", "Đông Timor", "Timor-Leste", "Mông Cổ", "Kazakhstan", "Uzbekistan", "Iran", "Iraq",
  "Israel", "Palestine", "Ai Cập", "Saudi Arabia", "Ả Rập Xê-út", "Ả-rập Xê-út", "Arab Saudi",
  "UAE", "Qatar", "Kuwait", "Oman", "Jordan", "Syria", "Liban", "Lebanon", "Yemen", "Australia",
  "Úc", "New Zealand", "Canada", "Mexico", "Brazil", "Argentina", "Chile", "Peru", "Colombia",
  "Venezuela", "Cuba", "Nam Phi", "Nigeria", "Kenya", "Ethiopia", "Algeria", "Morocco", "Ma-rốc",
  "Angola", "Mozambique", "Tanzania", "Ireland", "Scotland", "Slovenia", "Croatia", "Serbia",
  "Estonia", "Latvia", "Lithuania", "Luxembourg", "Sudan", "Libya", "Afghanistan", "Đài Loan",
  "Hồng Kông", "Ma Cao", "Vatican", "Tòa Thánh Vatican", "Azerbaijan", "Armenia",
  "Gruzia", "Georgia", "Moldova", "Síp", "Malta", "Iceland", "Bờ Biển Ngà", "Ghana", "Senegal",
  "Uruguay", "Paraguay", "Bolivia", "Ecuador", "Panama", "Costa Rica", "Nicaragua", "Guatemala",
  "Honduras", "El Salvador", "Dominica", "Jamaica", "Haiti", "Bahrain", "Tunisia", "Mali",
  "Zimbabwe", "Zambia", "Uganda", "Rwanda", "Cameroon", "Congo", "Madagascar", "Namibia",
  "Botswana", "Lào PDR", "Bắc Triều Tiên", "Nam Triều Tiên", "Palau", "Fiji", "Papua New Guinea",
  "Turkmenistan", "Kyrgyzstan", "Tajikistan", "Bhutan", "Maldives", "Mauritius", "Seychelles",
  "Anh Quốc", "Liên Xô",
  // regions, foreign cities often named in titles
  "châu Âu", "châu Á", "châu Phi", "châu Mỹ", "Mỹ Latinh", "Trung Đông", "Vùng Vịnh",
  "Geneva", "New York", "Washington", "Paris", "London", "Tokyo", "Bắc Kinh", "Moscow",
  "Mát-xcơ-va", "Seoul", "Bangkok", "Viêng Chăn", "Vientiane", "Phnom Penh", "Brussels", "Berlin",
  "Canberra", "Ottawa", "New Delhi", "Jakarta", "Kuala Lumpur", "Manila", "Thượng Hải",
  "Quảng Châu", "Osaka", "Fukuoka", "San Francisco", "Houston", "Los Angeles", "Sydney",
  "Vladivostok", "Côn Minh", "Nam Ninh", "Frankfurt", "Busan", "Yangon", "Vienna", "Rome", "Madrid",
  "Hong Kong", "Macau", "Dubai", "Istanbul", "Saint Petersburg", "St. Petersburg", "Perth",
  "Melbourne", "Toronto", "Vancouver", "Chicago", "Texas", "California", "Florida",
];

/** Words that join two parts of an office or place: "Bộ Kế hoạch và Đầu tư", "Đại sứ … tại Hoa Kỳ". */
export const OFFICE_CONNECTORS: readonly string[] = ["tại", "về", "và", "ở", "của", "thuộc", "cạnh", "bên cạnh"];

/**
 * Lower-case words that never continue the name of a body: verbs and function words that start
 * a predicate after a subject ("Sở Y tế cho biết", "Bộ Ngoại giao đã tham dự").
 */
export const OFFICE_STOPWORDS: readonly string[] = [
  "cho", "biết", "đã", "đang", "sẽ", "vừa", "cũng", "vẫn", "còn", "là", "có", "được", "bị", "phát",
  "biểu", "nhấn", "yêu", "cầu", "đề", "nghị", "chỉ", "khẳng", "nói", "trao", "tặng", "tiếp", "thăm",
  "làm", "với", "dự", "chủ", "trì", "ký", "gửi", "kiểm", "sát", "đánh", "ghi", "nhận",
  "thông", "báo", "đồng", "ý", "chúc", "mừng", "cảm", "ơn", "trả", "lời", "chia", "sẻ", "khi",
  "trong", "trước", "sau", "này", "đó", "thì", "mà", "nhưng", "để", "những", "một", "ngày", "sáng",
  "chiều", "tối", "hôm", "người", "nhắc", "lưu", "kêu", "gọi", "quán", "triệt", "khuyến",
  "nêu", "rõ", "hối", "thúc", "đôn", "đốc", "ra", "từ", "đến", "theo", "nhằm", "vì", "do", "bởi",
  "nếu", "hay", "hoặc", "cùng", "các", "đi", "lên", "xuống", "vào", "năm", "tháng", "tuần", "lúc",
  "đều", "luôn", "rất", "không", "chưa", "phải", "cần", "nên", "muốn", "hãy", "đừng", "quyết",
  "định", "phê", "duyệt", "ban", "hành", "tổ", "chức", "họp", "hội", "nghe", "xem", "thấy", "tin",
  "mong", "bày", "tỏ", "đặt", "đưa", "giúp", "hỗ", "trợ", "tham", "ông", "bà", "anh", "chị",
  "em", "họ", "chúng", "tôi", "mình", "ta", "đây", "kia", "ấy", "nào", "gì", "sao", "bao", "nhiêu",
  "giao", "hiện", "nay", "mới", "bàn", "thảo", "luận", "phối", "hợp", "tìm", "hiểu",
];

/**
 * Nouns for an authority that directs without being a named body ("Lãnh đạo các nước …",
 * "chính quyền địa phương"), as subjects of a directive verb.
 */
export const AUTHORITY_NOUNS: readonly string[] = [
  "lãnh đạo", "chính quyền", "cơ quan chức năng", "nhà chức trách", "giới chức", "lực lượng chức năng",
  "lực lượng công an", "cơ quan công an", "cơ quan điều tra", "cơ quan cảnh sát điều tra", "người đứng đầu",
  "ngành y tế", "ngành chức năng", "cấp ủy", "Chính phủ", "Quốc hội", "Nhà nước", "Bộ Chính trị",
  "Ban Bí thư", "Thường trực Ban Bí thư", "Ban Thường vụ", "Thường trực", "Trung ương",
];

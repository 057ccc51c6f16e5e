// Vietnamese family names, as data for the name grammar of lib/extract/leaders.ts.
// Canonical NFC with the tone placement the rules see (see lib/extract/text.ts).

/**
 * The most common family names (together well over 90 % of Vietnamese people). A name that starts
 * with one of these is preferred when a run of capitalised words has to be split into an office
 * or place and a person ("Bệnh viện Bạch Mai Nguyễn Quang Tuấn").
 */
export const COMMON_FAMILY_NAMES: readonly string[] = [
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
  "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
];

/**
 * Further family names. Left out on purpose: syllables that mostly start place or organisation
 * names ("Trung", "Nam", "Việt", "Quốc", "Hồng", "Phương", "Tây", "Đông", "Giang").
 */
export const OTHER_FAMILY_NAMES: readonly string[] = [
  "Trịnh", "Đinh", "Tô", "Hà", "Đoàn", "Trương", "Mai", "Cao", "Phùng", "Thái",
  "Vương", "Lương", "Mã", "Đào", "Lại", "Tôn", "Lưu", "Thiều", "Chu", "Giản",
  "Tăng", "Triệu", "Hứa", "Lữ", "Bạch", "Đàm", "La", "Lâm", "Quách", "Tạ",
  "Kiều", "Khúc", "Khổng", "Kim", "Lục", "Mạc", "Nông", "Phí", "Thân", "Thạch",
  "Tiêu", "Từ", "Vi", "Lò", "Lường", "Cầm", "Tòng", "Hầu", "Âu", "Doãn",
  "Diệp", "Hàn", "Khương", "Lạc", "Lã", "Lăng", "Nghiêm", "Ngụy", "Quản",
  "Sầm", "Tống", "Trình", "Uông", "Ứng", "Viên", "Vy", "Châu", "Cù", "Giáp",
  "Kha", "Lỗ", "Mẫn", "Nhữ", "Tào", "Thào", "Tráng", "Vàng", "Vừ", "Chử",
  "Điểu", "Ksor", "Siu", "Bế", "Chẩu", "Đới", "Lều",
];

/** Syllables that look like names but are the start of titles, offices or places: never a name. */
export const NOT_NAME_SYLLABLES: readonly string[] = [
  "Bộ", "Sở", "Ban", "Cục", "Vụ", "Viện", "Ủy", "Tổng", "Phó", "Chủ", "Thủ", "Thứ",
  "Bí", "Đại", "Trưởng", "Giám", "Chánh", "Tỉnh", "Thành", "Huyện", "Quận", "Xã",
  "Phường", "Hội", "Đảng", "Nhà", "Chính", "Quốc", "Trung", "Văn", "Công", "Ngân",
];

/**
 * Words of organisation and brand names written in Latin script: a run that has one is not a
 * foreign person's name ("Sun Group", "Premier League", "Man Utd").
 */
export const NOT_FOREIGN_NAME_WORDS: readonly string[] = [
  "Group", "Bank", "League", "Telecom", "Electronics", "Motors", "Times", "Asia", "Global", "Forum",
  "Property", "Holdings", "Corporation", "Corp", "Company", "Inc", "Ltd", "United", "City", "Utd",
  "Club", "FC", "Airlines", "Airways", "Air", "Energy", "Capital", "Fund", "Foundation", "Institute",
  "University", "College", "School", "Hospital", "News", "Post", "Journal", "Daily", "Press",
  "Media", "Television", "Radio", "Network", "Studio", "Studios", "Entertainment", "Pictures",
  "Records", "Music", "Games", "Sports", "Sport", "Cup", "Open", "Championship", "Tour", "Festival",
  "Award", "Awards", "Prize", "Street", "Avenue", "Road", "Center", "Centre", "Tower",
  "Hotel", "Resort", "Land", "Homes", "Real", "Estate", "Pharma", "Health", "Medical", "Labs",
  "Lab", "Technologies", "Technology", "Tech", "Software", "Systems", "Solutions", "Services",
  "Partners", "Investment", "Investments", "Securities", "Insurance", "Finance", "Financial",
  "Motor", "Auto", "Automotive", "Express", "Logistics", "Shipping", "Oil", "Gas", "Petroleum",
  "Steel", "Mining", "Foods", "Food", "Beverage", "Coffee", "Mart", "Store", "Shop", "Mall",
  "Market", "Markets", "Exchange", "Reserve", "Federal", "National", "International", "Union",
  "Council", "Commission", "Committee", "Agency", "Office", "Department", "Ministry", "Party",
  "Army", "Navy", "Force", "Forces", "Guard", "Police", "Court", "Senate", "House", "Congress",
  "Parliament", "Government", "Republic", "Kingdom", "State", "States", "Nations", "Google",
  "Apple", "Microsoft", "Amazon", "Facebook", "Meta", "Samsung", "Huawei", "Toyota", "Honda",
  "Tesla", "Boeing", "Airbus", "Intel", "Sony", "Nike", "Adidas", "Madrid", "Barcelona",
  "Arsenal", "Chelsea", "Liverpool", "Juventus", "Milan", "Inter", "Bayern", "Tottenham",
  "Hotspur", "Everton", "Leicester", "Newcastle", "Villa", "Ham", "Palace", "Wolves", "Leeds",
  "Southampton", "Brighton", "Burnley", "Fulham", "Sheffield", "Napoli", "Roma", "Lazio", "Dortmund",
  "Leipzig", "Ajax", "Porto", "Benfica", "Celtic", "Rangers", "Sevilla", "Valencia", "Atletico",
];

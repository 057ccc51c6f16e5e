import { describe, expect, it } from "vitest";
import { findDocuments } from "./documents";
import { findNumbers, parseVietnameseNumber } from "./numbers";
import { normalizeText } from "./text";
import type { ExtractOptions } from "./types";

function nums(input: string, options: ExtractOptions = {}) {
  const nt = normalizeText(input);
  const documents = findDocuments(nt, options);
  return findNumbers(nt, options, documents).map((n) => ({ ...n, text: nt.text.slice(n.start, n.end) }));
}

function one(input: string, options: ExtractOptions = {}) {
  const found = nums(input, options);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("parseVietnameseNumber", () => {
  it.each([
    ["2.500", 2500],
    ["2,5", 2.5],
    ["6,5", 6.5],
    ["1.000.000", 1_000_000],
    ["1.234.567", 1_234_567],
    ["1.234,5", 1234.5],
    ["14", 14],
    ["05", 5],
    ["1,234,567", 1_234_567],
  ])("%s → %d", (raw, value) => {
    expect(parseVietnameseNumber(raw)).toBe(value);
  });
});

describe("findNumbers: quantities, money and percents", () => {
  it.each([
    // [input, span, subkind, value, unit, approx]
    ["kết nối với 94 điểm cầu cơ quan đại diện", "94 điểm cầu", "quantity", 94, "điểm cầu", undefined],
    ["hơn 200 cam kết, thỏa thuận được ký kết", "hơn 200 cam kết", "quantity", 200, "cam kết", "more"],
    ["đã triển khai gần 300 hoạt động xúc tiến", "gần 300 hoạt động", "quantity", 300, "hoạt động", "nearly"],
    ["tiếp nhận hơn 14 triệu liều vaccine mặc dù", "hơn 14 triệu liều vaccine", "quantity", 14_000_000, "liều vaccine", "more"],
    ["khai thác hiệu quả 17 hiệp định thương mại tự do (FTA)", "17 hiệp định thương mại tự do", "quantity", 17, "hiệp định thương mại tự do", undefined],
    ["sự tham gia của tất cả 96 Đại sứ, Trưởng", "96 Đại sứ", "quantity", 96, "Đại sứ", undefined],
    ["nâng cấp quan hệ với 10 nước.", "10 nước", "quantity", 10, "nước", undefined],
    ["kỷ niệm 75 năm quan hệ ngoại giao", "75 năm", "quantity", 75, "năm", undefined],
    ["khoảng 2.500 người tham dự", "khoảng 2.500 người", "quantity", 2500, "người", "about"],
    ["chừng 2,5 km nữa", "chừng 2,5 km", "quantity", 2.5, "km", "about"],
    ["dưới 18 tuổi không được", "dưới 18 tuổi", "quantity", 18, "tuổi", "less"],
    ["trên 1.000.000 lượt khách", "trên 1.000.000 lượt khách", "quantity", 1_000_000, "lượt khách", "more"],
    ["quãng đường 5km cuối", "5km", "quantity", 5, "km", undefined],
    ["kim ngạch 1 tỷ USD", "1 tỷ USD", "money", 1e9, "USD", undefined],
    ["vốn 2.500 tỷ đồng cho dự án", "2.500 tỷ đồng", "money", 2.5e12, "đồng", undefined],
    ["giá 14,5 triệu đồng/tháng", "14,5 triệu đồng/tháng", "money", 14_500_000, "đồng", undefined],
    ["tổng cộng 1 tỷ 200 triệu đồng", "1 tỷ 200 triệu đồng", "money", 1_200_000_000, "đồng", undefined],
    ["khoảng 2 nghìn tỷ đồng", "khoảng 2 nghìn tỷ đồng", "money", 2e12, "đồng", "about"],
    ["bán với giá 500 đồng.", "500 đồng", "money", 500, "đồng", undefined],
    ["khoản vay 300 triệu EUR", "300 triệu EUR", "money", 3e8, "EUR", undefined],
    ["nợ 575 triệu euro", "575 triệu euro", "money", 5.75e8, "euro", undefined],
    ["GDP tăng 6,5% so với", "6,5%", "percent", 6.5, "%", undefined],
    ["tăng 6,5 % so với", "6,5 %", "percent", 6.5, "%", undefined],
    ["đạt 45 phần trăm", "45 phần trăm", "percent", 45, "%", undefined],
    ["chiếm gần 12% lao động", "gần 12%", "percent", 12, "%", "nearly"],
    ["lãi suất 3,4-3,5%/năm", "3,4-3,5%/năm", "percent", 3.4, "%", undefined],
    ["cao hơn 5% so với năm trước", "5%", "percent", 5, "%", undefined],
    ["hơn 1/3 dân số", "hơn 1/3", "quantity", 1 / 3, undefined, "more"],
  ])("%s", (input, span, subkind, value, unit, approx) => {
    const n = one(input);
    expect(n.text).toBe(span);
    expect(n.subkind).toBe(subkind);
    expect(n.value).toBeCloseTo(value as number, 9);
    expect(n.unit).toBe(unit);
    expect(n.approx).toBe(approx);
  });

  it("does not take 'đồng' in 'đồng chí' for money", () => {
    const n = one("có 5 đồng chí tham dự");
    expect(n.subkind).toBe("quantity");
    expect(n.value).toBe(5);
  });
});

describe("findNumbers: dates, times and periods", () => {
  it.each([
    // [input, span, subkind, value]
    ["Chiều 16/3, tại Trụ sở", "16/3", "date", "--03-16"],
    ["cập nhật 14:08 hôm nay", "14:08", "time", "14:08"],
    ["ngày 9/3, đồng chí", "ngày 9/3", "date", "--03-09"],
    ["Chiều ngày 22/7/2025, Thủ tướng", "ngày 22/7/2025", "date", "2025-07-22"],
    ["ngày 24/01/2025 của Bộ Chính trị", "ngày 24/01/2025", "date", "2025-01-24"],
    ["từ tháng 7/2025 sẽ", "tháng 7/2025", "date", "2025-07"],
    ["trong tháng 7 năm 2025", "tháng 7 năm 2025", "date", "2025-07"],
    ["vào tháng 7 tới", "tháng 7", "date", "--07"],
    ["Năm 2022, công tác", "Năm 2022", "date", "2022"],
    ["ngày 24 tháng 1 năm 2025", "ngày 24 tháng 1 năm 2025", "date", "2025-01-24"],
    ["ký ngày 24-1-2025 tại", "ngày 24-1-2025", "date", "2025-01-24"],
    ["ký ngày 24.1.2025 tại", "ngày 24.1.2025", "date", "2025-01-24"],
    ["sáng 13-4, đoàn", "13-4", "date", "--04-13"],
    ["Hội nghị P4G 2025 tại", "2025", "date", "2025"],
    ["lúc 14h08 hôm qua", "lúc 14h08", "time", "14:08"],
    ["khoảng 19h tối qua", "khoảng 19h", "time", "19:00"],
    ["vào lúc 14 giờ 30 phút", "vào lúc 14 giờ 30 phút", "time", "14:30"],
    ["đến 10 giờ sáng", "10 giờ", "time", "10:00"],
    ["nhiệm kỳ 2023-2026 trước khi", "nhiệm kỳ 2023-2026", "period", "2023/2026"],
    ["giai đoạn 2021–2025 và", "giai đoạn 2021–2025", "period", "2021/2025"],
    ["năm học 2020 - 2021", "năm học 2020 - 2021", "period", "2020/2021"],
    ["mùa giải 2001/2002", "mùa giải 2001/2002", "period", "2001/2002"],
    ["từ năm 2021 đến năm 2025,", "từ năm 2021 đến năm 2025", "period", "2021/2025"],
    ["6 tháng cuối năm 2023 do", "6 tháng cuối năm 2023", "period", "2023-07/2023-12"],
    ["3 tháng đầu năm 2021", "3 tháng đầu năm 2021", "period", "2021-01/2021-03"],
    ["trong 9 tháng năm 2021", "9 tháng năm 2021", "period", "2021-01/2021-09"],
    ["nửa đầu năm 2025 gần bằng", "nửa đầu năm 2025", "period", "2025-01/2025-06"],
    ["nửa cuối năm 2025", "nửa cuối năm 2025", "period", "2025-07/2025-12"],
    ["trong quý I/2021", "quý I/2021", "period", "2021-01/2021-03"],
    ["trong quý 2/2021", "quý 2/2021", "period", "2021-04/2021-06"],
    ["quý IV năm 2020", "quý IV năm 2020", "period", "2020-10/2020-12"],
    ["từ ngày 14-17/4.", "ngày 14-17/4", "period", "--04-14/--04-17"],
    ["Hiệp định sơ bộ 6/3/1946", "6/3/1946", "date", "1946-03-06"],
  ])("%s", (input, span, subkind, value) => {
    const n = one(input);
    expect(n.text).toBe(span);
    expect(n.subkind).toBe(subkind);
    expect(n.value).toBe(value);
  });

  it.each([
    ["Chiều 16/3, tại Trụ sở", "2023-03-16"],
    ["từ ngày 14-17/4.", "2023-04-14/2023-04-17"],
    ["trong 6 tháng đầu năm", "2023-01/2023-06"],
    ["6 tháng cuối năm nay", "2023-07/2023-12"],
    ["quý 3 vừa qua", "2023-07/2023-09"],
  ])("gives %s the article's year", (input, value) => {
    expect(one(input, { articleDate: "2023-03-17" }).value).toBe(value);
  });

  it("keeps a period of months without a year when no article date is known", () => {
    expect(one("trong 6 tháng đầu năm").value).toBe("--01/--06");
  });

  it("reads the dateline time and date separately", () => {
    expect(nums("14:08 - 17/03/2023").map((n) => [n.subkind, n.value])).toEqual([
      ["time", "14:08"],
      ["date", "2023-03-17"],
    ]);
  });
});

describe("findNumbers: ordinals", () => {
  it.each([
    ["là lần thứ 4 tổ chức", "lần thứ 4", 4],
    ["tại Kỳ họp thứ 6, Quốc hội", "Kỳ họp thứ 6", 6],
    ["nền kinh tế lớn thứ 2 thế giới", "thứ 2", 2],
    ["xét nghiệm âm tính lần 1", "lần 1", 1],
  ])("%s", (input, span, value) => {
    const n = one(input);
    expect(n).toMatchObject({ subkind: "ordinal", text: span, value });
  });
});

describe("findNumbers: not numbers", () => {
  it.each([
    ["names with digits", "thuốc điều trị Covid-19 và hội nghị G20, COP26, P4G, Vinfast VF8"],
    ["a product name", "điện thoại iPhone 12 và Windows 10"],
    ["a spaced name", "dịch Covid 19"],
    ["a document number", "thực hiện Chỉ thị 15 của Ban Bí thư"],
    ["a document symbol", "theo Nghị quyết 59-NQ/TW"],
    ["years inside codes", "Nghị định 13/2023/NĐ-CP và Luật số 17/2008/QH12"],
    ["a symbol without its type", "tinh thần 15-CT/TW"],
    ["a mobile phone", "Liên hệ: 0912 345 678"],
    ["a landline", "ĐT: (024) 3825 7000"],
    ["a dotted phone", "gọi 024.3823.4567 để"],
    ["a hotline", "tổng đài 1900 9095"],
    ["a name ordinal", "Cách mạng công nghiệp lần thứ 4"],
    ["industry 4.0", "cách mạng công nghiệp 4.0"],
    ["a weekday", "vào thứ 2 tuần sau"],
    ["an article of law", "theo Điều 5 của luật"],
    ["an address", "số 73 Quán Sứ, Quận 1"],
    ["round the clock", "phục vụ 24/7"],
    ["a street named after a date", "trên đường 3/2"],
    ["an identifier", "mã 1234567890123"],
    ["words and roman numerals", "Đại hội XIII, khóa XV, năm nhiệm vụ, hai con số"],
    ["a 13th-month salary", "lương tháng 13"],
  ])("%s", (_name, input) => {
    expect(nums(input)).toEqual([]);
  });

  it("keeps the date after a document number", () => {
    const found = nums("Nghị quyết 59-NQ/TW, ngày 24/01/2025 của Bộ Chính trị");
    expect(found.map((n) => n.value)).toEqual(["2025-01-24"]);
  });

  it("keeps the year after a name with digits", () => {
    expect(nums("Hội nghị P4G 2025").map((n) => n.value)).toEqual(["2025"]);
  });
});

describe("findNumbers: odd and adversarial input", () => {
  it.each([
    ["empty", ""],
    ["lone surrogates", "\uD800 15 \uDFFF/3 \uD83D"],
    ["binary junk", "\u0000\u0001 12,5%\u0002 ngày\u0003 9/3 \uFFFF"],
    ["only separators", "/-.,:%"],
  ])("never throws on %s", (_name, input) => {
    expect(() => nums(input)).not.toThrow();
  });

  it.each([
    ["digits", "9".repeat(1_000_000)],
    ["slashes", "1/".repeat(500_000)],
    ["dashes", "-".repeat(1_000_000)],
    ["digit-dashes", "1-".repeat(500_000)],
    ["dots", "1.".repeat(500_000)],
    ["commas", "1,".repeat(500_000)],
    ["spaced numbers", "1 ".repeat(500_000)],
    ["scale words", "1 tỷ ".repeat(200_000)],
    ["colons", "1:".repeat(500_000)],
    ["type words", "Nghị quyết số ".repeat(70_000)],
    ["dates", "ngày 1/1/2020 ".repeat(70_000)],
  ])("completes on 1 MB of %s", (_name, input) => {
    expect(Array.isArray(nums(input))).toBe(true);
  });
});

describe("findNumbers: page furniture and codes", () => {
  it.each([
    ["a licence symbol", "Giấy phép 123/GP-BTTTT do Bộ cấp"],
    ["a URL", "https://baoquocte.vn/2023/03/17/hoi-nghi-123456.html"],
    ["a fax number", "Fax: (84-24) 3733 2222"],
    ["a dotted landline", "Điện thoại: 024.38.23.46.23 - Fax: 024.3823.1872"],
    ["a time zone", "(GMT+7)"],
    ["a copyright line", "© 2023 Bộ Ngoại giao"],
  ])("%s", (_name, input) => {
    expect(nums(input)).toEqual([]);
  });
});

describe("findNumbers: both ends of a dashed pair", () => {
  it.each([
    ["dịp lễ 30/4-1/5", ["--04-30", "--05-01"]],
    ["từ 10h30-11h", ["10:30", "11:00"]],
    ["Bệnh viện Nhi Đồng 1 và Hội nghị Trung ương 8", []],
  ])("%s", (input, values) => {
    expect(nums(input).map((n) => n.value)).toEqual(values);
  });
});

describe("findNumbers: lists of days and list markers", () => {
  it.each([
    ["từ ngày 14 đến 17/4 tại Hà Nội", [["period", "--04-14/--04-17"]]],
    ["từ ngày 14 đến ngày 17/4/2025", [["period", "2025-04-14/2025-04-17"]]],
    ["vào ngày 14 và 15/4", [["date", "--04-14"], ["date", "--04-15"]]],
    ["Nhiệm vụ:\n1. Đẩy mạnh xuất khẩu\n2) Thu hút 5 dự án", [["quantity", 5]]],
  ])("%j", (input, expected) => {
    expect(nums(input).map((n) => [n.subkind, n.value])).toEqual(expected);
  });
});

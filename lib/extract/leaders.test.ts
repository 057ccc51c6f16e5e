import { describe, expect, it } from "vitest";
import { extract } from "./index";
import { findLeaders } from "./leaders";
import { normalizeText } from "./text";

/** Named leaders as "name | title". */
function named(text: string): string[] {
  return findLeaders(normalizeText(text), {})
    .filter((l) => l.name !== "")
    .map((l) => `${l.name} | ${l.title}`);
}

/** Bare titles as "title -> refersTo". */
function bare(text: string): string[] {
  return findLeaders(normalizeText(text), {})
    .filter((l) => l.name === "")
    .map((l) => `${l.title} -> ${l.refersTo ?? ""}`);
}

describe("leaders: title before the name", () => {
  it.each([
    ["Thủ tướng Chính phủ Phạm Minh Chính làm việc.", ["Phạm Minh Chính | Thủ tướng Chính phủ"]],
    ["Cùng dự có Phó Thủ tướng Chính phủ Trần Lưu Quang; các đại biểu.", ["Trần Lưu Quang | Phó Thủ tướng Chính phủ"]],
    ["Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn phát biểu.", ["Bùi Thanh Sơn | Bộ trưởng Bộ Ngoại giao"]],
    ["Bộ trưởng Ngoại giao Bùi Thanh Sơn chủ trì.", ["Bùi Thanh Sơn | Bộ trưởng Ngoại giao"]],
    ["Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn dự.", ["Trần Văn Sơn | Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"]],
    [
      "Cùng dự có Phó Thủ tướng Chính phủ, Bộ Trưởng Bộ Ngoại giao Bùi Thanh Sơn; lãnh đạo các Bộ.",
      ["Bùi Thanh Sơn | Phó Thủ tướng Chính phủ, Bộ Trưởng Bộ Ngoại giao"],
    ],
    [
      "Chủ tịch Ủy ban Quản lý vốn Nhà nước tại doanh nghiệp Nguyễn Hoàng Anh;",
      ["Nguyễn Hoàng Anh | Chủ tịch Ủy ban Quản lý vốn Nhà nước tại doanh nghiệp"],
    ],
    ["Đại sứ Việt Nam tại Hoa Kỳ Hà Kim Ngọc phát biểu.", ["Hà Kim Ngọc | Đại sứ Việt Nam tại Hoa Kỳ"]],
    [
      "Đại sứ, Trưởng Phái đoàn Việt Nam tại Geneva Lê Thị Tuyết Mai phát biểu.",
      ["Lê Thị Tuyết Mai | Đại sứ, Trưởng Phái đoàn Việt Nam tại Geneva"],
    ],
    ["Đại sứ Thụy Sỹ Thomas Gass trả lời báo chí.", ["Thomas Gass | Đại sứ Thụy Sỹ"]],
    ["Đại sứ Lào tại Việt Nam Khamphao Ernthavanh trả lời.", ["Khamphao Ernthavanh | Đại sứ Lào tại Việt Nam"]],
    ["sức ép yêu cầu Tổng thống Mỹ Donald Trump xem xét", ["Donald Trump | Tổng thống Mỹ"]],
    ["Lãnh đạo NATO hối thúc Tổng thống Trump làm điều này", ["Trump | Tổng thống"]],
    ["Thủ tướng Nhật Bản Suga Yoshihide cho biết.", ["Suga Yoshihide | Thủ tướng Nhật Bản"]],
    ["Chủ tịch Trung Quốc Tập Cận Bình điện đàm.", ["Tập Cận Bình | Chủ tịch Trung Quốc"]],
    ["Tổng Thư ký LHQ Antonio Guterres kêu gọi.", ["Antonio Guterres | Tổng Thư ký LHQ"]],
    ["Phó Chủ tịch UBND tỉnh Trịnh Trường Huy chủ trì tại điểm cầu tỉnh", ["Trịnh Trường Huy | Phó Chủ tịch UBND tỉnh"]],
    ["Chủ tịch UBND tỉnh Quảng Nam Lê Trí Thanh yêu cầu.", ["Lê Trí Thanh | Chủ tịch UBND tỉnh Quảng Nam"]],
    ["Chủ tịch UBND TP Hà Nội Chu Ngọc Anh ký.", ["Chu Ngọc Anh | Chủ tịch UBND TP Hà Nội"]],
    ["Chủ tịch UBND huyện Lý Sơn Đặng Quốc Việt cho biết.", ["Đặng Quốc Việt | Chủ tịch UBND huyện Lý Sơn"]],
    ["Chánh án Tòa án nhân dân tối cao Nguyễn Hòa Bình", ["Nguyễn Hòa Bình | Chánh án Tòa án nhân dân tối cao"]],
    [
      "Trưởng Phái đoàn thường trực Việt Nam bên cạnh Liên hợp quốc Đặng Hoàng Giang",
      ["Đặng Hoàng Giang | Trưởng Phái đoàn thường trực Việt Nam bên cạnh Liên hợp quốc"],
    ],
    ["Trợ lý Ngoại trưởng Mỹ Daniel Kritenbrink", ["Daniel Kritenbrink | Trợ lý Ngoại trưởng Mỹ"]],
    ["Chủ tịch UBND tỉnh An Giang, ông Nguyễn Thanh Bình chỉ đạo", ["Nguyễn Thanh Bình | Chủ tịch UBND tỉnh An Giang"]],
    ["Chủ tịch UBND TP.HCM - ông Nguyễn Thành Phong đề nghị", ["Nguyễn Thành Phong | Chủ tịch UBND TP.HCM"]],
    ["Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith hội đàm", ["Thongloun Sisoulith | Tổng Bí thư, Chủ tịch nước Lào"]],
    ["Giám đốc Sở Y tế Hà Nội Trần Thị Nhị Hà cho biết.", ["Trần Thị Nhị Hà | Giám đốc Sở Y tế Hà Nội"]],
    ["Thứ trưởng Bộ Ngoại giao Tô Anh Dũng, Chủ nhiệm Ủy ban.", ["Tô Anh Dũng | Thứ trưởng Bộ Ngoại giao"]],
    ["Thứ trưởng Bộ Y tế, PGS.TS Nguyễn Trường Sơn cho biết.", ["Nguyễn Trường Sơn | Thứ trưởng Bộ Y tế"]],
    ["Thống đốc Ngân hàng Nhà nước Nguyễn Thị Hồng chỉ đạo.", ["Nguyễn Thị Hồng | Thống đốc Ngân hàng Nhà nước"]],
    ["Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng", ["Nguyễn Phú Trọng | Tổng Bí thư, Chủ tịch nước"]],
    ["Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký", ["Nguyễn Xuân Ký | Bí thư Tỉnh ủy Quảng Ninh"]],
    ["Trưởng Ban Tuyên giáo Trung ương Nguyễn Trọng Nghĩa", ["Nguyễn Trọng Nghĩa | Trưởng Ban Tuyên giáo Trung ương"]],
    ["Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng", ["Nguyễn Chí Dũng | Bộ trưởng Bộ Kế hoạch và Đầu tư"]],
    ["Cục trưởng Cục Quản lý thị trường Trần Hữu Linh cho biết", ["Trần Hữu Linh | Cục trưởng Cục Quản lý thị trường"]],
    ["Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng", ["Phan Văn Giang | Đại tướng"]],
    ["Cố Thủ tướng, Bộ trưởng Ngoại giao Phạm Văn Đồng gắn liền", ["Phạm Văn Đồng | Thủ tướng, Bộ trưởng Ngoại giao"]],
    // wrong capitalisation, old tone placement, decomposed input
    ["Bộ Trưởng Bộ Y Tế Nguyễn Thanh Long", ["Nguyễn Thanh Long | Bộ Trưởng Bộ Y Tế"]],
    ["Phó Chủ tịch UBND tỉnh Khánh Hoà Nguyễn Văn Hoà", ["Nguyễn Văn Hoà | Phó Chủ tịch UBND tỉnh Khánh Hoà"]],
    ["Thủ tướng Phạm Minh Chính".normalize("NFD"), ["Phạm Minh Chính | Thủ tướng"]],
  ])("%s", (text, expected) => {
    expect(named(text)).toEqual(expected);
  });
});

describe("leaders: name first, title after it", () => {
  it.each([
    [
      "Chiều tối ngày 9/3, đồng chí Nguyễn Thế Giang, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh đã dự Hội nghị.",
      ["Nguyễn Thế Giang | Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh"],
    ],
    [
      "Điểm cầu tỉnh Cao Bằng do đồng chí Trịnh Trường Huy, Tỉnh uỷ viên, Phó Chủ tịch UBND tỉnh chủ trì.",
      ["Trịnh Trường Huy | Tỉnh uỷ viên, Phó Chủ tịch UBND tỉnh"],
    ],
    ["ông Lê Trung Chinh - Chủ tịch UBND TP Đà Nẵng cho biết", ["Lê Trung Chinh | Chủ tịch UBND TP Đà Nẵng"]],
    ["Thứ trưởng tiếp ông Poshitha Perera, Đại sứ Sri Lanka tại Việt Nam.", ["Poshitha Perera | Đại sứ Sri Lanka tại Việt Nam"]],
    [
      "Đồng chí Bùi Thanh Sơn, Ủy viên Trung ương Đảng, Bộ trưởng Bộ Ngoại giao đã tham dự.",
      ["Bùi Thanh Sơn | Ủy viên Trung ương Đảng, Bộ trưởng Bộ Ngoại giao"],
    ],
    ["Tham dự có Nguyễn Văn Nên, Ủy viên Bộ Chính trị, Bí thư Thành ủy TP Hồ Chí Minh.", ["Nguyễn Văn Nên | Ủy viên Bộ Chính trị, Bí thư Thành ủy TP Hồ Chí Minh"]],
    ["bà Nguyễn Thị Hà (Phó Chủ tịch UBND xã) cho hay", ["Nguyễn Thị Hà | Phó Chủ tịch UBND xã"]],
    ["đồng chí Bùi Thanh Sơn phát biểu", ["Bùi Thanh Sơn | "]],
  ])("%s", (text, expected) => {
    expect(named(text)).toEqual(expected);
  });

  it("keeps the honorific out of the title and in the span", () => {
    const [l] = findLeaders(normalizeText("Đồng chí Nguyễn Thế Giang, Tỉnh ủy viên, dự."), {});
    expect(l).toMatchObject({ name: "Nguyễn Thế Giang", title: "Tỉnh ủy viên", honorific: "Đồng chí" });
    expect(l!.start).toBe(0);
  });
});

describe("leaders: later mentions and bare titles", () => {
  it("finds a name seen with a title elsewhere, even before it", () => {
    const text = [
      "Phạm Văn Đồng - Tầm vóc một nhà ngoại giao lớn",
      "Cố Thủ tướng, Bộ trưởng Ngoại giao Phạm Văn Đồng gắn liền với dân tộc.",
      "Đường Phạm Văn Đồng ở Hà Nội; ông Phạm Văn Đồng.",
    ].join("\n");
    const ls = findLeaders(normalizeText(text), {});
    expect(ls.map((l) => `${l.name}|${l.title}|${l.honorific ?? ""}`)).toEqual([
      "Phạm Văn Đồng||",
      "Phạm Văn Đồng|Thủ tướng, Bộ trưởng Ngoại giao|Cố",
      "Phạm Văn Đồng||ông",
    ]);
  });

  it.each([
    ["Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn dự. Bộ trưởng nhấn mạnh, cần làm.", ["Bộ trưởng -> Bùi Thanh Sơn"]],
    ["Thủ tướng Phạm Minh Chính dự. Thủ tướng Chính phủ yêu cầu các bộ.", ["Thủ tướng Chính phủ -> Phạm Minh Chính"]],
    ["Thủ tướng cũng nhắc nhở các Đại sứ. Thủ tướng Phạm Minh Chính dự.", ["Thủ tướng -> Phạm Minh Chính"]],
    ["Phó Thủ tướng Trần Lưu Quang dự. Thủ tướng yêu cầu các bộ.", []],
    ["Bộ trưởng Ngoại giao Bùi Thanh Sơn dự.\nBộ trưởng Ngoại giao Bồ Đào Nha thăm Việt Nam.", []],
    ["Thủ tướng Phạm Minh Chính dự. Đảng, Nhà nước, Thủ tướng Chính phủ và nhân dân.", []],
    ["Thủ tướng Phạm Minh Chính dự. Các Bộ trưởng cho biết.", []],
    ["Bộ trưởng Quốc phòng Trung Quốc Ngụy Phượng Hòa dự. Bộ trưởng Bộ Quốc phòng Việt Nam cho biết.", []],
    ["Ngoại trưởng Mỹ Antony Blinken dự. Ngoại trưởng nhấn mạnh.", ["Ngoại trưởng -> Antony Blinken"]],
  ])("%s", (text, expected) => {
    expect(bare(text)).toEqual(expected);
  });

  it("finds the given name alone after an honorific, for a known leader only", () => {
    const text = "Phó Chủ tịch UBND TP Hà Nội Chử Xuân Dũng dự. Theo ông Dũng, cần cách ly. Ông Hùng cho biết.";
    const ls = findLeaders(normalizeText(text), {});
    expect(ls.map((l) => [l.name, l.honorific ?? "", l.refersTo ?? ""])).toEqual([
      ["Chử Xuân Dũng", "", ""],
      ["Dũng", "ông", "Chử Xuân Dũng"],
    ]);
  });
});

describe("leaders: not leaders", () => {
  it.each([
    ["a byline", "Thực hiện: Vũ Khuyên - Chí Phương"],
    ["a photo credit", "Bộ trưởng phát biểu tại Hội nghị. (Ảnh: Trung Hiếu)"],
    ["an author on a line of his own", "Nội dung bài viết.\n\nTrung Hiếu\n"],
    ["an author at the end, indented", "                  Tuấn Trường – Đỗ Dương"],
    ["a place", "Hội nghị tại Hà Nội và Tây Ninh, Hà Tĩnh."],
    ["an organisation", "Bộ Ngoại giao đã tổ chức Hội nghị trực tuyến."],
    ["a title before a verb", "Thủ tướng Chính phủ yêu cầu các bộ, ngành."],
    ["a title before a place", "Chủ tịch UBND tỉnh Hà Tĩnh yêu cầu các sở."],
    ["an embassy", "Đại sứ quán Việt Nam tại Israel khuyến cáo cộng đồng người Việt."],
    ["a brand ambassador", "Đại sứ thương hiệu Nguyễn Văn A"],
    ["an ambassador with no name", "Đại sứ Lào: Bầu cử Quốc hội khóa XVI"],
    ["a capitalised sentence start", "Trong năm 2023, Nguyễn Trãi là danh nhân. Hồ Chí Minh là thành phố lớn."],
    ["a city named after a person", "Chủ tịch UBND TP Hồ Chí Minh cho biết, TP Hồ Chí Minh sẽ"],
    ["a company after a corporate title", "Giám đốc Huawei Việt Nam cũng cho rằng"],
    ["a club after a title", "Chủ tịch Man Utd phát biểu"],
    ["a university named after a person", "Chủ tịch Hội đồng trường ĐH Tôn Đức Thắng cho biết"],
    ["an ordinary person", "ông Nguyễn Văn An (trú tại xã Tân Lập) cho biết"],
  ])("%s", (_label, text) => {
    expect(named(text)).toEqual([]);
  });
});

describe("leaders: spans and robustness", () => {
  it("gives spans of the original input and names as written", () => {
    const input = "Tại buổi làm việc, Thủ tướng Chính phủ Phạm Minh Chính yêu cầu.".normalize("NFD");
    const ls = extract(input).filter((a) => a.kind === "leader");
    expect(ls).toHaveLength(1);
    expect(ls[0]!.text.normalize("NFC")).toBe("Thủ tướng Chính phủ Phạm Minh Chính");
    expect(ls[0]).toMatchObject({ name: "Phạm Minh Chính", title: "Thủ tướng Chính phủ" });
  });

  it.each([
    ["", 0],
    ["Thủ tướng", 0],
    ["ông", 0],
    ["Nguyễn", 0],
    [",,,", 0],
    ["Thủ tướng Chính phủ,", 0],
    ["\uD800 Bộ trưởng \uDFFF", 0],
  ])("never throws on %j", (text, count) => {
    expect(findLeaders(normalizeText(text), {})).toHaveLength(count);
  });

  const MB = 1_000_000;
  it.each([
    ["repeated names", "Nguyễn Văn ".repeat(100_000)],
    ["repeated titles", "Thủ tướng ".repeat(100_000)],
    ["titles and names", "Thủ tướng Chính phủ Phạm Minh Chính, Bộ trưởng Bộ ".repeat(MB / 50)],
    ["no newline", "Phó Chủ tịch UBND tỉnh Quảng Nam Lê Trí Thanh yêu cầu các sở, ngành ".repeat(MB / 70)],
    ["single capitals", "A ".repeat(500_000)],
    ["capitalised words", "Hà Nội Lê Văn Nam Định Trần ".repeat(MB / 28)],
    ["honorifics", "ông bà đồng chí ".repeat(MB / 16)],
    ["chains", "Đại sứ, ".repeat(MB / 8)],
  ])("finishes on 1 MB of %s", (_label, input) => {
    expect(Array.isArray(findLeaders(normalizeText(input), {}))).toBe(true);
  }, 60_000);
});

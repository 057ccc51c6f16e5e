import { describe, expect, it } from "vitest";
import { findDocuments } from "./documents";
import { normalizeText } from "./text";

function docs(input: string) {
  const nt = normalizeText(input);
  return findDocuments(nt, {}).map((d) => ({ ...d, text: nt.text.slice(d.start, d.end) }));
}

describe("findDocuments: a type made specific by its number", () => {
  it.each([
    // [input, span text, docType, code, issuer?, date?]
    ["triển khai Chỉ thị số 15-CT/TW của Ban Bí thư và", "Chỉ thị số 15-CT/TW của Ban Bí thư", "Chỉ thị", "15-CT/TW", "Ban Bí thư", undefined],
    ["thực hiện Chỉ thị 15 của Ban Bí thư về công tác", "Chỉ thị 15 của Ban Bí thư", "Chỉ thị", "15", "Ban Bí thư", undefined],
    ["Nghị quyết 59-NQ/TW, ngày 24/01/2025 của Bộ Chính trị về", "Nghị quyết 59-NQ/TW", "Nghị quyết", "59-NQ/TW", "Bộ Chính trị", "2025-01-24"],
    ["theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu", "Nghị định 13/2023/NĐ-CP", "Nghị định", "13/2023/NĐ-CP", "Chính phủ", undefined],
    ["Luật số 17/2008/QH12 quy định", "Luật số 17/2008/QH12", "Luật", "17/2008/QH12", "Quốc hội", undefined],
    ["ban hành Quyết định 123/QĐ-TTg phê duyệt", "Quyết định 123/QĐ-TTg", "Quyết định", "123/QĐ-TTg", "Thủ tướng Chính phủ", undefined],
    ["Công điện 01/CĐ-UBND về phòng chống bão", "Công điện 01/CĐ-UBND", "Công điện", "01/CĐ-UBND", "Ủy ban nhân dân", undefined],
    ["Công văn số 73/TTg-CN gửi các bộ", "Công văn số 73/TTg-CN", "Công văn", "73/TTg-CN", "Thủ tướng Chính phủ", undefined],
    ["mức phạt theo Nghị định 100 đã", "Nghị định 100", "Nghị định", "100", undefined, undefined],
    ["Thông tư số 36/2017/TT-BGDĐT ngày 28/12/2017 của Bộ GD-ĐT", "Thông tư số 36/2017/TT-BGDĐT", "Thông tư", "36/2017/TT-BGDĐT", "Bộ GD-ĐT", "2017-12-28"],
    ["Nghị quyết số 41 ngày 09/4/2020 của Chính phủ,", "Nghị quyết số 41", "Nghị quyết", "41", "Chính phủ", "2020-04-09"],
    ["Quyết định số 09 ngày 19 tháng 1 năm 2007 của Thủ tướng Chính phủ", "Quyết định số 09", "Quyết định", "09", "Thủ tướng Chính phủ", "2007-01-19"],
    ["Luật Trồng trọt số 31/2018/QH14 có hiệu lực", "Luật Trồng trọt số 31/2018/QH14", "Luật", "31/2018/QH14", "Quốc hội", undefined],
    ["Quy định 105-QĐ/TW về phân cấp", "Quy định 105-QĐ/TW", "Quy định", "105-QĐ/TW", undefined, undefined],
    ["Bộ Chính trị ban hành Nghị quyết 57-NQ/TW về đột phá", "Nghị quyết 57-NQ/TW", "Nghị quyết", "57-NQ/TW", "Bộ Chính trị", undefined],
    ["Kết luận số 27-KL/TW về Chiến lược", "Kết luận số 27-KL/TW", "Kết luận", "27-KL/TW", undefined, undefined],
    ["theo Đề án 06 của Chính phủ", "Đề án 06 của Chính phủ", "Đề án", "06", "Chính phủ", undefined],
  ])("%s", (input, span, docType, code, issuer, date) => {
    const [d, ...rest] = docs(input);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: "directive", subkind: "document", text: span, docType, code });
    expect(d?.issuer).toBe(issuer);
    expect(d?.date).toBe(date);
  });
});

describe("findDocuments: typos real pages carry", () => {
  it.each([
    ["Nghị Quyết số 128/NQ-CP", "128/NQ-CP", "Chính phủ"],
    ["Nghị định 15/2018/ND-CP", "15/2018/ND-CP", "Chính phủ"],
    ["Quyết định số: 1234/QD-TTg", "1234/QD-TTg", "Thủ tướng Chính phủ"],
    ["Nghị định 13 / 2023 / NĐ-CP", "13 / 2023 / NĐ-CP", "Chính phủ"],
    ["Chỉ thị  số  16/CT-TTg", "16/CT-TTg", "Thủ tướng Chính phủ"],
    ["Thông tư 11/2021/TT-BGDĐTvề việc", "11/2021/TT-BGDĐT", "Bộ Giáo dục và Đào tạo"],
    ["Thông tư liên tịch số 01/2017/TTLT-BNG-BTC", "01/2017/TTLT-BNG-BTC", "Bộ Ngoại giao, Bộ Tài chính"],
    ["Công văn 930/BGDĐT-GDTC của Bộ GD&ĐT và các sở", "930/BGDĐT-GDTC", "Bộ GD&ĐT"],
    ["Văn bản số 1199/SGDĐT-QLT của Sở Giáo dục và Đào tạo Hà Nội về", "1199/SGDĐT-QLT", "Sở Giáo dục và Đào tạo Hà Nội"],
    ["Quyết định 2830/QĐ-UBND của UBND tỉnh Cao Bằng phê duyệt", "2830/QĐ-UBND", "UBND tỉnh Cao Bằng"],
  ])("%s", (input, code, issuer) => {
    const [d] = docs(input);
    expect(d?.code).toBe(code);
    expect(d?.issuer).toBe(issuer);
  });

  it("reads decomposed (NFD) input the same way", () => {
    const [d] = docs("Chỉ thị số 15-CT/TW của Ban Bí thư".normalize("NFD"));
    expect(d).toMatchObject({ docType: "Chỉ thị", code: "15-CT/TW", issuer: "Ban Bí thư" });
  });
});

describe("findDocuments: a symbol without a type word", () => {
  it.each([
    ["theo 15-CT/TW của Ban Bí thư", "15-CT/TW", "Chỉ thị"],
    ["và số 74/2018/NĐ-CP", "74/2018/NĐ-CP", "Nghị định"],
    ["văn bản 88/TB-VPCP nêu", "88/TB-VPCP", "văn bản"],
  ])("%s", (input, code, docType) => {
    const [d] = docs(input);
    expect(d?.code).toBe(code);
    expect(d?.docType).toBe(docType);
  });

  it("finds every document of a list", () => {
    const found = docs("Nghị định số 15/2018/NĐ-CP và 74/2018/NĐ-CP của Chính phủ; Chỉ thị 15, 16 của Thủ tướng");
    expect(found.map((d) => d.code)).toEqual(["15/2018/NĐ-CP", "74/2018/NĐ-CP", "15", "16"]);
    expect(found.map((d) => d.docType)).toEqual(["Nghị định", "Nghị định", "Chỉ thị", "Chỉ thị"]);
  });
});

describe("findDocuments: a type made specific by its issuer", () => {
  it.each([
    ["Triển khai Chương trình hành động của Chính phủ về", "Chương trình hành động của Chính phủ", "Chính phủ"],
    ["tổ chức triển khai nghị quyết của Quốc hội.", "nghị quyết của Quốc hội", "Quốc hội"],
    ["thực hiện Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội XIII", "Đại hội XIII"],
    ["Nghị quyết Trung ương 4 khóa XII", "Nghị quyết Trung ương 4", "Trung ương 4"],
  ])("%s", (input, span, issuer) => {
    const [d] = docs(input);
    expect(d?.text).toBe(span);
    expect(d?.issuer).toBe(issuer);
    expect(d?.code).toBeUndefined();
  });
});

describe("findDocuments: not documents", () => {
  it.each([
    "các nghị quyết quan trọng khác",
    "theo quy định của pháp luật",
    "quyết định 2 kế hoạch đầu tư",
    "kế hoạch 5 năm giai đoạn 2021-2025",
    "thực hiện quy định 5K của Bộ Y tế",
    "Kết luận Hội nghị, Thủ tướng ghi nhận",
    "Hiệp định sơ bộ 6/3/1946",
    "có 3 Nghị định của Chính phủ",
    "quyết định số phận của đội bóng",
    "Covid-19 và P4G lần thứ 4",
    "Chỉ thị",
    "",
  ])("%s", (input) => {
    expect(docs(input)).toEqual([]);
  });
});

describe("findDocuments: odd and adversarial input", () => {
  it.each([
    ["empty", ""],
    ["lone surrogates", "Chỉ thị \uD800 15 \uDFFF-CT/TW"],
    ["binary junk", "\u0000\u0001Nghị quyết\u0002 số\u0003 59-NQ/TW\uFFFF"],
    ["control characters", "\u0007\u001b[31mChỉ thị 15\u001b[0m"],
  ])("never throws on %s", (_name, input) => {
    expect(() => docs(input)).not.toThrow();
  });

  it.each([
    ["digits", "9".repeat(1_000_000)],
    ["slashes", "1/".repeat(500_000)],
    ["dashes", "-".repeat(1_000_000)],
    ["type words", "Nghị quyết số ".repeat(70_000)],
    ["codes", "15-CT/".repeat(170_000)],
    ["symbols", "Nghị định 1/2/3-NĐ-".repeat(50_000)],
    ["spaced slashes", "1 / ".repeat(250_000)],
  ])("completes on 1 MB of %s", (_name, input) => {
    expect(Array.isArray(docs(input))).toBe(true);
  });
});

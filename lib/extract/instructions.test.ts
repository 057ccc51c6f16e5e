import { describe, expect, it } from "vitest";
import { findInstructions } from "./instructions";
import { findLeaders } from "./leaders";
import { normalizeText } from "./text";

function instructions(text: string) {
  const nt = normalizeText(text);
  return findInstructions(nt, {}, findLeaders(nt, {})).map((d) => ({
    text: nt.text.slice(d.start, d.end),
    speaker: d.speaker,
    verb: d.verb,
  }));
}

describe("instructions: directives", () => {
  it.each([
    [
      "Tại buổi làm việc, Thủ tướng Chính phủ Phạm Minh Chính yêu cầu, mỗi Trưởng Cơ quan đại diện cần xác định ngoại giao kinh tế là ưu tiên.",
      "Thủ tướng Chính phủ Phạm Minh Chính",
      "yêu cầu",
    ],
    ["Thủ tướng đề nghị trong thời gian tới cần tiếp cận đúng những vấn đề mang tính toàn cầu.", "Thủ tướng", "đề nghị"],
    ["Thủ tướng cũng nhắc nhở các Đại sứ cần dành sự quan tâm thích đáng.", "Thủ tướng", "nhắc nhở"],
    [
      "Thứ trưởng Nguyễn Minh Vũ, Trưởng Ban chỉ đạo Ngoại giao kinh tế, đề nghị các Trưởng cơ quan đại diện tiếp tục phát huy.",
      "Thứ trưởng Nguyễn Minh Vũ",
      "đề nghị",
    ],
    ["Trên cơ sở đó, Bộ trưởng giao các đồng chí Trưởng Cơ quan đại diện cần làm tốt năm nhiệm vụ:", "Bộ trưởng", "giao"],
    ["Để phục vụ tốt công tác bầu cử, Bộ Xây dựng yêu cầu các địa phương chủ động xây dựng phương án.", "Bộ Xây dựng", "yêu cầu"],
    [
      "Lãnh đạo các nước Đức, Canada và Na Uy đang gia tăng sức ép yêu cầu Tổng thống Mỹ Donald Trump xem xét lại quyết định.",
      "Lãnh đạo các nước Đức, Canada và Na Uy",
      "yêu cầu",
    ],
    ["UBND tỉnh Bình Phước yêu cầu Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì, phối hợp.", "UBND tỉnh Bình Phước", "yêu cầu"],
    ["Chủ tịch UBND TP Hà Nội yêu cầu mọi người dân bắt buộc phải đeo khẩu trang.", "Chủ tịch UBND TP Hà Nội", "yêu cầu"],
    ["Bộ Y tế vừa có công văn đề nghị các địa phương tăng cường giám sát.", "Bộ Y tế", "đề nghị"],
    ["Cục An toàn thực phẩm khuyến cáo người tiêu dùng không sử dụng sản phẩm.", "Cục An toàn thực phẩm", "khuyến cáo"],
    ["Tỉnh Quảng Ninh kêu gọi người dân xét nghiệm tự nguyện.", "Tỉnh Quảng Ninh", "kêu gọi"],
    [
      "Ủy ban Pháp luật của Quốc hội - cơ quan thẩm tra đề án - đề nghị chính quyền tỉnh Thanh Hóa có lộ trình.",
      "Ủy ban Pháp luật của Quốc hội",
      "đề nghị",
    ],
    ["Thủ tướng Phạm Minh Chính dự. Thủ tướng đã có công điện số 541/CĐ-TTg yêu cầu hạn chế tập trung đông người.", "Thủ tướng", "yêu cầu"],
    [
      "Phó Chủ tịch Thường trực UBND tỉnh Hà Tĩnh Nguyễn Hồng Lĩnh đã giao Ban Quản lý khu kinh tế tỉnh phối hợp.",
      "Phó Chủ tịch Thường trực UBND tỉnh Hà Tĩnh Nguyễn Hồng Lĩnh",
      "giao",
    ],
  ])("%s", (text, speaker, verb) => {
    const found = instructions(text).slice(-1);
    expect(found).toHaveLength(1);
    expect(text.endsWith(found[0]!.text)).toBe(true);
    expect(found[0]).toMatchObject({ speaker, verb });
  });

  it("takes the quotation before the speaker into the instruction", () => {
    const text = "“Chúng ta phải lấy lợi ích quốc gia – dân tộc làm tiêu chí hàng đầu; người dân là trung tâm”, Thủ tướng nhắc nhở.";
    expect(instructions(text)).toEqual([{ text, speaker: "Thủ tướng", verb: "nhắc nhở" }]);
  });

  it("takes a leader's statement of what must be done", () => {
    const text =
      "Để phát huy thế và lực mới, Thủ tướng nhấn mạnh, các Trưởng Cơ quan đại diện phải “hiểu mình, hiểu người”; giữ liên hệ chặt chẽ.";
    expect(instructions(text)).toEqual([{ text, speaker: "Thủ tướng", verb: "nhấn mạnh" }]);
  });

  it("gives one instruction per sentence, the sentence as its span", () => {
    const text = [
      "Thủ tướng Phạm Minh Chính dự.",
      "Thủ tướng yêu cầu tiếp tục tranh thủ, phát huy cao nhất thế và lực của đất nước. Thủ tướng yêu cầu các bộ, ngành nghiên cứu; hợp tác ứng phó với biến đổi khí hậu…",
      "Cùng với đó, thúc đẩy các chương trình ODA thế hệ mới.",
    ].join("\n");
    expect(instructions(text).map((i) => i.text)).toEqual([
      "Thủ tướng yêu cầu tiếp tục tranh thủ, phát huy cao nhất thế và lực của đất nước.",
      "Thủ tướng yêu cầu các bộ, ngành nghiên cứu; hợp tác ứng phó với biến đổi khí hậu…",
    ]);
  });

  it("takes an imperative opening a paragraph", () => {
    expect(instructions("Yêu cầu Công an thành phố, UBND các quận tăng cường xử phạt.")).toHaveLength(1);
    expect(instructions("Giao Sở Giao thông vận tải chủ trì, phối hợp với ngành Y tế.")).toHaveLength(1);
    expect(instructions("Yêu cầu bồi thường thiệt hại.")).toHaveLength(0);
  });

  it("goes on with a directive whose subject is in the sentence before", () => {
    const text = "Thủ tướng Phạm Minh Chính yêu cầu các bộ tăng cường giám sát. Đồng thời, yêu cầu các địa phương báo cáo kết quả.";
    expect(instructions(text).map((i) => [i.speaker, i.verb])).toEqual([
      ["Thủ tướng Phạm Minh Chính", "yêu cầu"],
      ["Thủ tướng Phạm Minh Chính", "yêu cầu"],
    ]);
  });
});

describe("instructions: enumerated tasks", () => {
  it("makes each task after a directive with a colon an instruction", () => {
    const text = [
      "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn dự.",
      "Trên cơ sở đó, Bộ trưởng giao các đồng chí Trưởng Cơ quan đại diện cần làm tốt năm nhiệm vụ:",
      "Một là, đẩy mạnh ngoại giao vaccine. Bộ trưởng chỉ đạo, các Trưởng Cơ quan đại diện cần tìm hiểu cụ thể.",
      "Hai là, tập trung theo dõi các xu hướng mới. Chẳng hạn các vấn đề cần được nghiên cứu sâu hơn.",
      "Bộ trưởng đề nghị các cơ quan đại diện sớm rà soát tổng thể.",
      "Ba là, tiếp tục đẩy mạnh các hoạt động kết nối địa phương.",
      "Sau đó là phần hỏi đáp.",
    ].join("\n");
    expect(instructions(text).map((i) => `${i.verb}: ${i.text.split(" ").slice(0, 3).join(" ")}`)).toEqual([
      "giao: Trên cơ sở",
      "giao: Một là, đẩy",
      "chỉ đạo: Bộ trưởng chỉ",
      "giao: Hai là, tập",
      "đề nghị: Bộ trưởng đề",
      "giao: Ba là, tiếp",
    ]);
  });

  it("takes numbered tasks inside a paragraph too", () => {
    const text = "Bộ trưởng Bùi Thanh Sơn dự. Bộ trưởng đề nghị các đơn vị tập trung vào ba nhiệm vụ. Thứ nhất, rà soát các dự án. Thứ hai, đẩy nhanh giải ngân. Thứ ba, báo cáo kết quả.";
    expect(instructions(text).map((i) => i.text.split(",")[0])).toEqual([
      "Bộ trưởng đề nghị các đơn vị tập trung vào ba nhiệm vụ.",
      "Thứ nhất",
      "Thứ hai",
      "Thứ ba",
    ]);
  });

  it("does not take numbered points without a directive before them", () => {
    expect(instructions("Hội nghị có ba điểm mới. Thứ nhất, quy mô lớn. Thứ hai, trực tuyến.")).toEqual([]);
  });

  it("makes each bullet after a directive with a colon an instruction", () => {
    const text = ["UBND tỉnh yêu cầu:", "- Các sở tăng cường kiểm tra.", "- Các huyện báo cáo kết quả.", "Tin liên quan"].join("\n");
    expect(instructions(text).map((i) => i.text)).toEqual(["UBND tỉnh yêu cầu:", "- Các sở tăng cường kiểm tra.", "- Các huyện báo cáo kết quả."]);
  });
});

describe("instructions: not instructions", () => {
  it.each([
    ["a verb used as a noun", "Các cơ quan đã bám sát tinh thần chỉ đạo của Đại hội Đảng toàn quốc lần thứ XIII."],
    ["a noun after 'các'", "Triển khai hiệu quả các chỉ đạo của Bộ Chính trị về phát triển các vùng kinh tế."],
    ["'theo yêu cầu'", "Ông A đã có mặt theo yêu cầu của Cục Thi hành án dân sự tỉnh Phú Thọ."],
    ["'đáp ứng yêu cầu'", "Mô hình quản lý hiện hành chưa đáp ứng được yêu cầu."],
    ["'Ban chỉ đạo' as a body", "Ban chỉ đạo Ngoại giao kinh tế của Bộ họp định kỳ."],
    ["a document name", "Triển khai Chỉ thị 15 của Ban Bí thư về công tác ngoại giao kinh tế."],
    ["a statement without an obligation", "Bộ trưởng Bùi Thanh Sơn dự. Bộ trưởng nhấn mạnh, tinh thần chung của Hội nghị là trao đổi."],
    ["reported speech", "Thủ tướng Phạm Minh Chính cho biết, kinh tế tăng trưởng tốt."],
    ["'giao' in another word", "Bộ Ngoại giao tăng cường giao lưu, giao thông thuận lợi."],
    ["a subject that is no authority", "Anh cũng nhắc đến vai diễn đã mang lại cho anh giải thưởng."],
    ["a list of places, then a noun", "Các tỉnh, thành phố trực thuộc Trung ương thực hiện ngay yêu cầu bắt buộc đeo khẩu trang."],
    ["a sponsor", "Phía nhà tài trợ Vĩnh Phúc yêu cầu hoàn trả tiền."],
    ["'không phải'", "Thủ tướng Phạm Minh Chính dự. Thủ tướng khẳng định, đây không phải là việc dễ."],
    ["'giao đất'", "Tổng cục Quản lý đất đai sẽ chủ trì kiểm tra việc thực hiện quy hoạch, giao đất, cho thuê đất."],
    ["a headline with a verb as a noun", "Thực hiện nghiêm yêu cầu của Bộ Y tế về phòng dịch"],
  ])("%s", (_label, text) => {
    expect(instructions(text)).toEqual([]);
  });
});

describe("instructions: robustness", () => {
  it.each([[""], ["yêu cầu"], ["Thủ tướng yêu cầu"], [":\n- \n-"], ["“”“”."], ["Một là,"]])("never throws on %j", (text) => {
    expect(() => instructions(text)).not.toThrow();
  });

  const MB = 1_000_000;
  it.each([
    ["repeated names", "Nguyễn Văn ".repeat(100_000)],
    ["repeated titles", "Thủ tướng ".repeat(100_000)],
    ["repeated directives", "Thủ tướng yêu cầu ".repeat(MB / 18)],
    ["one sentence without a newline", "Bộ trưởng Bộ Y tế đề nghị các địa phương, ".repeat(MB / 42)],
    ["single capitals", "A ".repeat(500_000)],
    ["enumerations", "Thủ tướng yêu cầu:\nMột là, làm.\n".repeat(MB / 32)],
    ["unclosed quotes", "“Thủ tướng nhấn mạnh phải ".repeat(MB / 26)],
    ["commas", "Tại, ".repeat(MB / 5)],
  ])("finishes on 1 MB of %s", (_label, input) => {
    expect(Array.isArray(instructions(input))).toBe(true);
  }, 60_000);
});

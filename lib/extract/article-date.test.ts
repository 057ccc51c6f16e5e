import { describe, expect, it } from "vitest";
import { guessArticleDate } from "./article-date";

describe("guessArticleDate", () => {
  it.each([
    ["# doc_id = x\n# url = y\n# date = 20230317\nBody 1/1/2020", "2023-03-17"],
    ["Title\n\nChiều 16/3, tại Trụ sở\n14:08 - 17/03/2023\n", "2023-03-17"],
    ["Banner\n\n12:54, 10/03/2023\n\nChiều tối ngày 9/3", "2023-03-10"],
    ["Tiêu đề\nThứ Sáu, 17-03-2023 14:08\nNội dung", "2023-03-17"],
    ["Tiêu đề\nCập nhật 17.3.2023\n", "2023-03-17"],
    ["Tiêu đề\nPublished 2023-03-17T14:08:00+07:00\n", "2023-03-17"],
    ["Tiêu đề\nHà Nội, ngày 17 tháng 3 năm 2023\n", "2023-03-17"],
    ["Chiều ngày 22/7/2025, Thủ tướng chủ trì", "2025-07-22"],
  ])("%j → %s", (text, date) => {
    expect(guessArticleDate(text)).toBe(date);
  });

  it.each([
    ["no date at all", "Thủ tướng làm việc với các Đại sứ"],
    ["a day and month only", "Chiều tối ngày 29/7 tại Hà Nội"],
    ["a date deep in a long line", `${"x".repeat(80)} ngày 17/03/2023`],
    ["an impossible date", "31/02/2023\n"],
    ["a code, not a date", "Nghị định 13/2023/NĐ-CP"],
    ["empty", ""],
    ["a non-string", 42 as unknown as string],
  ])("gives nothing for %s", (_name, text) => {
    expect(guessArticleDate(text)).toBeUndefined();
  });

  it("reads decomposed text", () => {
    expect(guessArticleDate("Hà Nội, ngày 17 tháng 3 năm 2023".normalize("NFD"))).toBe("2023-03-17");
  });

  it("finishes on adversarial input", () => {
    expect(guessArticleDate("1/".repeat(500_000))).toBeUndefined();
    expect(guessArticleDate("1 tháng ".repeat(100_000))).toBeUndefined();
  });
});

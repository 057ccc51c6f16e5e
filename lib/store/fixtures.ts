// A sample article (as the content script would read it) and its extraction, for the store tests.
import type { Annotation } from "../extract/types";
import { doc, instruction, leader, number, spanOf } from "./testing";

export const ARTICLE_URL = "https://baochinhphu.vn/thu-tuong-chu-tri-hop-102250312.htm";
export const ARTICLE_TITLE = "Thủ tướng chủ trì cuộc họp về tình hình kinh tế";

export const ARTICLE = [
  "Chiều 12/3, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính chủ trì cuộc họp về tình hình kinh tế tại Thanh Hoà.",
  "Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện thể chế, tháo gỡ khó khăn cho doanh nghiệp.",
  "Theo Chỉ thị số 15-CT/TW của Ban Bí thư, tăng trưởng GDP năm 2025 phải đạt hơn 8%.",
  "Nghị định 13/2023/NĐ-CP được Chính phủ ban hành ngày 17/4/2023.",
  "Cuối buổi, Thủ tướng Phạm Minh Chính cảm ơn các đại biểu đến từ Khánh Hòa.",
].join("\n\n");

export function extractArticle(text: string = ARTICLE): Annotation[] {
  return [
    leader(text, "Thủ tướng Phạm Minh Chính", { name: "Phạm Minh Chính", title: "Thủ tướng" }, 0),
    instruction(text, "Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện thể chế", { speaker: "Thủ tướng", verb: "yêu cầu" }),
    doc(text, "Chỉ thị số 15-CT/TW", { docType: "Chỉ thị", code: "15-CT/TW", issuer: "Ban Bí thư" }),
    number(text, "năm 2025", { subkind: "date", value: "2025" }),
    number(text, "hơn 8%", { subkind: "percent", value: 8, approx: "more" }),
    doc(text, "Nghị định 13/2023/NĐ-CP", { docType: "Nghị định", code: "13/2023/NĐ-CP", date: "2023-04-17" }),
    leader(text, "Thủ tướng Phạm Minh Chính", { name: "Phạm Minh Chính", title: "Thủ tướng" }, 1),
  ];
}

/** The same annotations at their places in another text (edited, or in another Unicode form). */
export function relocate(annotations: readonly Annotation[], text: string, form?: "NFC" | "NFD"): Annotation[] {
  const seen = new Map<string, number>();
  return annotations.map((a) => {
    const quote = form ? a.text.normalize(form) : a.text;
    const n = seen.get(quote) ?? 0;
    seen.set(quote, n + 1);
    return { ...a, ...spanOf(text, quote, n) };
  });
}

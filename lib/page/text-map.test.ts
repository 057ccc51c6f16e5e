// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { collectArticleText } from "./text-map";

const SENTENCE = "Thủ tướng yêu cầu các bộ, ngành triển khai Chỉ thị số 15-CT/TW.";

function read(html: string, seen?: { has(node: Text): boolean }) {
  document.body.innerHTML = `<article id="a">${html}</article>`;
  return collectArticleText(document.getElementById("a")!, seen);
}

describe("collectArticleText", () => {
  it.each([
    ["a menu", `<nav><a href="/">Trang chủ</a></nav>`],
    ["a form field", `<form><textarea>Ý kiến bạn đọc</textarea></form><input value="x">`],
    ["a script and a style", `<script>var a = "Nghị quyết 57";</script><style>p{color:red}</style>`],
    ["a hidden block", `<div hidden>Chỉ thị số 99-CT/TW</div><div aria-hidden="true">ẩn</div>`],
    ["an editable region", `<div contenteditable="true">Bình luận đang viết</div>`],
    ["a block named like furniture", `<div class="box-tin-lien-quan"><p>Phó Thủ tướng Trần Lưu Quang tiếp Đại sứ</p></div>`],
    ["a list that is mostly links", `<ul>${'<li><a href="/r">Bộ trưởng Bộ Ngoại giao tiếp Đại sứ Nhật Bản</a></li>'.repeat(3)}</ul>`],
  ])("leaves out %s", (_label, furniture) => {
    const map = read(`<p>${SENTENCE}</p>${furniture}<p>Kết thúc.</p>`);
    expect(map.text).toBe(`${SENTENCE}\n\nKết thúc.`);
  });

  it("keeps an editable region switched off, and a list of prose with a link in it", () => {
    const map = read(`<div contenteditable="false">Đoạn một.</div><ul><li>Mục tiêu tăng trưởng 8%, theo <a href="/x">Nghị quyết</a> của Quốc hội.</li></ul>`);
    expect(map.text).toBe("Đoạn một.\n\nMục tiêu tăng trưởng 8%, theo Nghị quyết của Quốc hội.");
  });

  it("joins inline text of one block, separates blocks, and maps every segment to its node", () => {
    const map = read(`<p>Chiều <b>16/3</b>, tại Hà Nội</p><h2>Tiêu đề phụ</h2>`);
    expect(map.text).toBe("Chiều 16/3, tại Hà Nội\n\nTiêu đề phụ");
    for (const s of map.segments) expect(map.text.slice(s.start, s.end)).toBe(s.node.data);
  });

  it("reads only the nodes not seen before (late content)", () => {
    const first = read(`<p>${SENTENCE}</p>`);
    const seen = new Set(first.segments.map((s) => s.node));
    document.getElementById("a")!.insertAdjacentHTML("beforeend", "<p>Đoạn mới tải thêm.</p>");
    const late = collectArticleText(document.getElementById("a")!, seen);
    expect(late.text).toBe("Đoạn mới tải thêm.");
  });

  it("reads nothing inside a container that is itself hidden", () => {
    document.body.innerHTML = `<div hidden><article id="a"><p>${SENTENCE}</p></article></div>`;
    expect(collectArticleText(document.getElementById("a")!).text).toBe("");
  });
});

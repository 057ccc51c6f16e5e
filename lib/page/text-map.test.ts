// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { collectArticleText, partsOf, TextCollector, textLength } from "./text-map";

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

  it("reads the same text in slices as in one go, link lists taken back across slices", () => {
    const html = `<h1>Tiêu đề</h1>${`<p>${SENTENCE} <a href="/x">Nghị quyết</a></p><ul>${'<li><a href="/r">Bộ trưởng tiếp Đại sứ Nhật Bản</a></li>'.repeat(3)}</ul><div><b>16/3</b> tại <i>Hà Nội</i></div>`.repeat(40)}`;
    const whole = read(html);
    let clock = 0;
    const collector = new TextCollector(document.getElementById("a")!, { now: () => (clock += 10) });
    let slices = 1;
    while (!collector.step(clock + 1)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(collector.result.text).toBe(whole.text);
    expect(collector.result.segments.map((s) => [s.node, s.start, s.end])).toEqual(whole.segments.map((s) => [s.node, s.start, s.end]));
  });

  it("takes an element it has read before as it is (the article widened to its title): the same text as a full walk", () => {
    const core = `<div id="core">${`<p>${SENTENCE}</p><p>Chiều <b>16/3</b>, tại Hà Nội.</p>`.repeat(5)}</div>`;
    const whole = read(`<h1>Tiêu đề bài viết</h1><p class="sapo">Tóm tắt.</p>${core}<p>Tác giả</p>`);
    const coreText = collectArticleText(document.getElementById("core")!);
    const collector = new TextCollector(document.getElementById("a")!, { known: { element: document.getElementById("core")!, text: coreText, letters: textLength(coreText) } });
    expect(collector.step()).toBe(true);
    expect(collector.result.text).toBe(whole.text);
    expect(collector.result.segments.map((s) => [s.node, s.start, s.end])).toEqual(whole.segments.map((s) => [s.node, s.start, s.end]));
    expect(textLength(collector.result)).toBe(textLength(whole));
  });

  it("reads nothing inside a container that is itself hidden", () => {
    document.body.innerHTML = `<div hidden><article id="a"><p>${SENTENCE}</p></article></div>`;
    expect(collectArticleText(document.getElementById("a")!).text).toBe("");
  });
});

describe("partsOf", () => {
  const para = (n: number, letter: string) => letter.repeat(n);
  // three blocks of 10 letters: "aaaaaaaaaa\n\nbbbbbbbbbb\n\ncccccccccc" (34 characters)
  const text = [para(10, "a"), para(10, "b"), para(10, "c")].join("\n\n");
  it.each([
    ["one part when it all fits", 0, 100, 100, [[0, 34]]],
    ["cut at the last blank line before the limit", 0, 25, 100, [[0, 22], [22, 34]]],
    ["later parts have their own limit", 0, 12, 12, [[0, 10], [10, 22], [22, 34]]],
    ["a block longer than the limit is cut inside it", 0, 5, 5, [[0, 5], [5, 10], [10, 15], [15, 20], [20, 22], [22, 27], [27, 32], [32, 34]]],
    ["from an offset (a late batch)", 12, 12, 100, [[12, 22], [22, 34]]],
    ["nothing from the end", 34, 10, 10, []],
  ] as const)("%s", (_name, from, first, rest, expected) => {
    const parts = partsOf(text, from, first, rest);
    expect(parts).toEqual(expected);
    // the parts tile the text from `from`, none over its limit
    if (parts.length > 0) expect([parts[0]![0], parts.at(-1)![1]]).toEqual([from, text.length]);
    parts.forEach(([s, e], i) => expect(e - s).toBeLessThanOrEqual(i === 0 ? first : rest));
  });
});

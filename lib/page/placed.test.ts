// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import type { Annotation } from "../extract/types";
import { PlacedAnnotations } from "./placed";
import { collectArticleText, rangeFor } from "./text-map";

function page(html: string) {
  document.body.innerHTML = html;
  return collectArticleText(document.body);
}

const number = (text: string, start: number): Annotation => ({ kind: "number", subkind: "quantity", value: 1, start, end: start + text.length, text });

describe("collectArticleText and rangeFor", () => {
  it("joins blocks with a blank line and maps spans back to live ranges, across inline elements", () => {
    const map = page("<p>Chiều <b>16/3</b>, Thủ tướng</p><p>hơn 200 cam kết</p>");
    expect(map.text).toBe("Chiều 16/3, Thủ tướng\n\nhơn 200 cam kết");
    const at = map.text.indexOf("16/3, Thủ");
    expect(rangeFor(map, at, at + 9)!.toString()).toBe("16/3, Thủ");
    const b = map.text.indexOf("hơn 200");
    expect(rangeFor(map, b, b + 7)!.toString()).toBe("hơn 200");
  });

  it("gives no range for a span inside the separator only", () => {
    const map = page("<p>a</p><p>b</p>");
    expect(rangeFor(map, 1, 3)).toBeNull();
  });
});

describe("Placed", () => {
  it("registers a StaticRange where there is one (not kept up to date on each DOM change), made once until released, and a new live Range for measuring", () => {
    const map = page("<p>Chiều <b>16/3</b>, hơn 200 cam kết</p>");
    const [p] = new PlacedAnnotations().place(map, [number("200 cam", map.text.indexOf("200"))]);
    // the test DOM has no StaticRange: a constructor standing in for the browser's
    class FakeStaticRange {
      constructor(readonly init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {}
    }
    const g = globalThis as { StaticRange?: unknown };
    const had = g.StaticRange;
    g.StaticRange = FakeStaticRange;
    try {
      const registered = p!.highlightRange as unknown as FakeStaticRange;
      expect(registered).toBeInstanceOf(FakeStaticRange);
      expect(registered.init).toEqual({ startContainer: map.segments[2]!.node, startOffset: 6, endContainer: map.segments[2]!.node, endOffset: 13 });
      expect(p!.highlightRange).toBe(registered);
      p!.release();
      expect(p!.highlightRange).not.toBe(registered);
    } finally {
      g.StaticRange = had;
    }
    expect(p!.range.toString()).toBe("200 cam");
    expect(p!.range).not.toBe(p!.range);
  });

  it("registers a live Range where there is no StaticRange", () => {
    const map = page("<p>hơn 200 cam kết</p>");
    const [p] = new PlacedAnnotations().place(map, [number("200", map.text.indexOf("200"))]);
    expect((p!.highlightRange as Range).toString()).toBe("200");
  });
});

describe("PlacedAnnotations", () => {
  it("sorts late content in even when an earlier placement's node has left the page (a ticking counter's old value)", () => {
    document.body.innerHTML = "<p id='a'>Tăng 200 cam kết</p><p id='b'></p><p id='c'>Giảm 300 dự án</p>";
    const map = collectArticleText(document.body);
    const placed = new PlacedAnnotations();
    placed.place(map, [number("200", map.text.indexOf("200")), number("300", map.text.indexOf("300"))]);
    document.getElementById("a")!.firstChild!.remove();
    document.getElementById("b")!.textContent = "Thêm 400 hộ";
    const late = collectArticleText(document.getElementById("b")!);
    // as the DOM standard has it (the test DOM does not): ranges under different roots do not compare
    const compare = Range.prototype.compareBoundaryPoints;
    Range.prototype.compareBoundaryPoints = function (this: Range, how: number, other: Range) {
      if (this.startContainer.getRootNode() !== other.startContainer.getRootNode()) throw new DOMException("different roots", "WrongDocumentError");
      return compare.call(this, how, other);
    };
    try {
      expect(() => placed.place(late, [number("400", late.text.indexOf("400"))], false)).not.toThrow();
    } finally {
      Range.prototype.compareBoundaryPoints = compare;
    }
    expect(placed.items.map((p) => p.annotation.text)).toEqual(["200", "400", "300"]);
  });

  it("finds the annotation under a point, the most specific first", () => {
    const map = page("<p>Tăng hơn 200 cam kết trong năm</p>");
    const placed = new PlacedAnnotations();
    const outer = number("hơn 200 cam kết", map.text.indexOf("hơn"));
    const inner = number("200", map.text.indexOf("200"));
    placed.place(map, [outer, inner]);
    const node = map.segments[0]!.node;
    expect(placed.at(node, map.text.indexOf("200") + 1).map((p) => p.annotation.text)).toEqual(["200", "hơn 200 cam kết"]);
    expect(placed.at(node, 1)).toEqual([]);
  });

  it("keeps document order when batches arrive out of order, and walks it both ways", () => {
    const map = page("<p>một 1</p><p>hai 2</p><p>ba 3</p>");
    const placed = new PlacedAnnotations();
    const at = (s: string) => number(s, map.text.indexOf(s));
    placed.place(map, [at("3")]);
    placed.place(map, [at("1")]);
    placed.place(map, [at("2")]);
    expect(placed.items.map((p) => p.annotation.text)).toEqual(["1", "2", "3"]);
    const first = placed.next();
    expect(first!.annotation.text).toBe("1");
    expect(placed.next(first)!.annotation.text).toBe("2");
    expect(placed.previous(first)!.annotation.text).toBe("3");
    expect(placed.get(first!.id)).toBe(first);
    expect(placed.has(map.segments[0]!.node)).toBe(true);
  });
});

// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { translator } from "@/lib/i18n";
import { applySiteChoice, HighlightsToggle, SiteSwitch } from "./SiteSwitch";

let root: HTMLDivElement | undefined;
function mount(node: preact.ComponentChild): HTMLDivElement {
  const el = document.createElement("div");
  root = el;
  document.body.appendChild(el);
  act(() => render(node, el));
  return el;
}
afterEach(() => {
  const el = root;
  root = undefined;
  if (!el) return;
  act(() => render(null, el));
  el.remove();
});

const t = translator("en");
const deps = (granted = true) => ({ requestOrigins: vi.fn(async (_origins: string[]) => granted), setSite: vi.fn(async () => {}) });

describe("applySiteChoice", () => {
  it("asks for access to a non-government site switched on, synchronously (user gesture), then switches it on", async () => {
    const d = deps();
    const done = applySiteChoice("example.com", true, d);
    expect(d.requestOrigins).toHaveBeenCalledWith(["*://example.com/*", "*://www.example.com/*"]); // before any await
    expect(await done).toBe("done");
    expect(d.setSite).toHaveBeenCalledWith("example.com", "on");
  });
  it("does not switch on a site the browser denied", async () => {
    const d = deps(false);
    expect(await applySiteChoice("example.com", true, d)).toBe("denied");
    expect(d.setSite).not.toHaveBeenCalled();
  });
  it.each([
    ["baochinhphu.vn", true],
    ["mofa.gov.vn", true],
    ["baochinhphu.vn", false],
    ["example.com", false],
  ])("asks no permission for %s switched %s", async (host, on) => {
    const d = deps();
    expect(await applySiteChoice(host, on, d)).toBe("done");
    expect(d.requestOrigins).not.toHaveBeenCalled();
    expect(d.setSite).toHaveBeenCalledWith(host, on ? "on" : "off");
  });
});

describe("SiteSwitch", () => {
  it("is a labelled switch that requests permission from the click for a non-government host only", async () => {
    for (const [host, asks] of [
      ["example.com", true],
      ["chinhphu.vn", false],
    ] as const) {
      const d = deps();
      const el = mount(<SiteSwitch t={t} host={host} enabled={false} onToggle={(on) => void applySiteChoice(host, on, d)} />);
      const input = el.querySelector<HTMLInputElement>('input[role="switch"]')!;
      expect(input.closest("label")!.textContent).toContain("Annotate this site");
      expect(el.textContent).toContain(`Off for ${host}`);
      act(() => input.click());
      expect(d.requestOrigins).toHaveBeenCalledTimes(asks ? 1 : 0);
      await Promise.resolve();
      act(() => render(null, el));
      el.remove();
    }
  });
  it("shows a refusal", () => {
    const el = mount(<SiteSwitch t={t} host="example.com" enabled={false} message="The browser did not grant access to this site." onToggle={() => {}} />);
    expect(el.querySelector('[role="alert"]')!.textContent).toBe("The browser did not grant access to this site.");
  });
});

describe("HighlightsToggle", () => {
  it("toggles the highlights", () => {
    const onToggle = vi.fn();
    const el = mount(<HighlightsToggle t={translator("vi")} visible onToggle={onToggle} />);
    const input = el.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(input.checked).toBe(true);
    expect(input.closest("label")!.textContent).toBe("Hiện đánh dấu trên trang này");
    act(() => input.click());
    expect(onToggle).toHaveBeenCalledWith(false);
  });
});

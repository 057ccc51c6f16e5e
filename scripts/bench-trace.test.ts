import { describe, expect, it } from "vitest";
import { inPageCost, type TraceEvent } from "./bench-trace";

const ID = "abcdefghijklmnop";
const WORLD = "Policy Lens for Vietnamese government news";
const MAIN = { pid: 10, tid: 10 };

// thread time: half the wall time (the thread was descheduled the other half)
const task = (ts: number, dur: number, where = MAIN): TraceEvent => ({ name: "RunTask", cat: "disabled-by-default-devtools.timeline", ph: "X", ts, dur, tdur: dur / 2, ...where });
const x = (name: string, ts: number, dur: number, args: Record<string, unknown> = {}, where = MAIN): TraceEvent => ({ name, cat: "devtools.timeline", ph: "X", ts, dur, tdur: dur / 2, args, ...where });
const mojo = (name: string, ts: number, tag: string): TraceEvent => x(name, ts, 5, { chrome_mojo_event_info: { mojo_interface_tag: tag } });
const measure = (name: string, traceId: number, start: number, callTime: number, end: number): TraceEvent[] => [
  { name, cat: "blink.user_timing", ph: "b", ts: start, args: { callTime, startTime: 0, traceId }, ...MAIN },
  { name, cat: "blink.user_timing", ph: "e", ts: end, args: {}, ...MAIN },
  x("UserTiming::Measure", callTime + 1, 10, { traceId, sampleTraceId: traceId }),
];

/** One page load, by hand: each task's expected verdict in its comment. */
const trace: TraceEvent[] = [
  // before the script loads: the browser's own extension messages, not counted
  task(0, 10),
  mojo("Receive mojo message", 2, "extensions.mojom.LocalFrame"),
  // the load: EvaluateScript (980) in a task of 1000 → 20 of work
  task(100, 1000),
  x("EvaluateScript", 110, 980, { data: { url: `chrome-extension://${ID}/content-scripts/content.js` } }),
  x("v8.compile", 115, 5, { fileName: `chrome-extension://${ID}/content-scripts/content.js` }),
  x("v8.run", 120, 960, { fileName: `chrome-extension://${ID}/content-scripts/content.js`, worldId: 5, worldName: WORLD }),
  // the page's own script: not counted
  task(1200, 100),
  x("FunctionCall", 1210, 50, { data: { url: "http://baochinhphu.vn/app.js" } }),
  // a timer of the content script's world (with a nested task inside: not counted twice) → 100
  task(1400, 100),
  x("TimerFire", 1401, 98),
  x("v8.callFunction", 1402, 96, { worldId: 5, worldName: WORLD }),
  task(1420, 10),
  // the reply to storage.local.get, resuming the script → 50
  task(1600, 50),
  mojo("Receive mojo reply", 1601, "extensions.mojom.LocalFrameHost"),
  // a page task the detect measure's "e" (end time, rounded down) lands in: not counted
  task(1690, 9),
  // the task that called performance.measure("policy-lens:detect"), its "b" back in the page's task → 60
  task(1700, 60),
  ...measure("policy-lens:detect", 7, 1250, 1740, 1695),
  // the reply with the entities, drawn; the annotate measure ends here → 100
  task(2000, 100),
  mojo("Receive mojo message", 2001, "extensions.mojom.MessagePort"),
  ...measure("policy-lens:draw", 8, 2002, 2050, 2050),
  ...measure("policy-lens:annotate", 9, 1250, 2060, 2060),
  // after the annotation: the port closing → 30, counted only without `until`
  task(2200, 30),
  mojo("Receive mojo message", 2201, "extensions.mojom.MessagePort"),
  // other threads and processes, whatever they hold: not counted
  task(1800, 100, { pid: 10, tid: 11 }),
  x("EvaluateScript", 1801, 50, { data: { url: `chrome-extension://${ID}/content-scripts/content.js` } }, { pid: 10, tid: 11 }),
  task(1800, 100, { pid: 20, tid: 10 }),
  x("v8.callFunction", 1801, 50, { worldName: WORLD }, { pid: 20, tid: 10 }),
];

describe("inPageCost", () => {
  it("splits out the script load and sums the tasks that ran the content script, on its thread only", () => {
    const cost = inPageCost(trace, ID)!;
    expect(cost.scriptLoad).toBe(1000); // the whole task holding the EvaluateScript
    expect(cost.worldName).toBe(WORLD);
    expect({ pid: cost.pid, tid: cost.tid }).toEqual(MAIN);
    expect(cost.tasks.map((t) => [t.ts, t.work, t.why])).toEqual([
      [100, 0, "load"],
      [1400, 100, "world"],
      [1600, 50, "message"],
      [1700, 60, "timing"],
      [2000, 100, "message"],
      [2200, 30, "message"],
    ]);
    expect(cost.work).toBe(340);
    expect(cost.workThreadTime).toBe(170);
  });

  it("stops counting after the task that ends the `until` measure", () => {
    const cost = inPageCost(trace, ID, { until: "policy-lens:annotate" })!;
    expect(cost.until).toBe(2060); // the b event's callTime (the measure X event is a µs later)
    expect(cost.work).toBe(310);
    expect(cost.tasks.at(-1)).toMatchObject({ ts: 2200, work: 0, after: true });
  });

  it("finds a task by the measure it called, whatever the prefix", () => {
    const renamed = trace.map((e) => (e.name.startsWith("policy-lens:") ? { ...e, name: e.name.replace("policy-lens:", "other:") } : e));
    expect(inPageCost(renamed, ID)!.tasks.some((t) => t.ts === 1700)).toBe(false);
    expect(inPageCost(renamed, ID, { measurePrefix: "other:" })!.tasks.some((t) => t.ts === 1700)).toBe(true);
  });

  it("is null when the content script did not run", () => {
    expect(inPageCost(trace, "someotherextension")).toBeNull();
    expect(inPageCost([task(0, 10)], ID)).toBeNull();
  });
});

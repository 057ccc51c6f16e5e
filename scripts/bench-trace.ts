// For scripts/bench-browser.ts: the content script's in-page cost, read from a Chrome trace
// instead of performance.now(), which pages get clamped to 0.1 ms and which, as wall clock, would
// also count the time the page waits for the background. The trace needs the categories
// devtools.timeline, disabled-by-default-devtools.timeline, v8, blink.user_timing and mojom.
//
// On the page's renderer main thread (the thread of the EvaluateScript event that loaded
// content-scripts/content.js):
//   script load  the task holding that EvaluateScript: the browser's injection, the compile and
//                the top-level run (up to main()'s first await). Fixed per page and per extension
//                (Chrome keeps no code cache for content scripts): reported apart from the work.
//   work         the other top-level RunTask events in which the content script ran, summed.
//                Also as thread time (tdur): wall time counts the time the thread was descheduled
//                too, which a busy machine adds.
// A task "ran the content script" when it holds (by ts/dur, same pid and tid) one of:
//   url      an event naming the extension's files: args.data.url or args.fileName under
//            chrome-extension://ID/ (EvaluateScript, v8.compile, v8.run of a later injection);
//   world    an event of the content script's isolated world: args.worldName equal to the
//            worldName of the v8.run inside the EvaluateScript (the extension's name): timer
//            callbacks and listeners (TimerFire > v8.callFunction {worldName});
//   timing   a performance.measure or mark named with the content script's prefix (policy-lens:).
//            A measure's "b" event is stamped with its start time, maybe in an earlier task, and
//            its "e" with the end time, rounded down to 0.1 ms so possibly just before the calling
//            task: what lands in the calling task is the UserTiming::Measure X event (matched to
//            the measure by args.traceId) and the "b" event's args.callTime;
//   message  an extension API's reply or port message received (category mojom: "Receive mojo
//            reply" of an extensions.mojom.* interface, "Receive mojo message" of
//            extensions.mojom.MessagePort, by args.chrome_mojo_event_info.mojo_interface_tag): in a
//            page, only the content script calls extension APIs. A task that resumes the script
//            after a reply (storage.local.get, runtime.sendMessage) runs it as promise
//            continuations, which the other categories show only as v8.newInstance, with no url and
//            no world: without this, such a task is found only when it calls performance.measure.
//            Counted whole, also when no script code ran in it (a message port closing): it is the
//            page's cost of the messaging. Other extensions.mojom messages (LocalFrame: the tab id,
//            the window id) are the browser's own, sent before the script loads: left out.
// Tasks before the EvaluateScript's are left out: nothing of the content script runs before it.
// Not counted either: the rendering that paints the highlights (the next frame's style, paint and
// commit run in a task of the page's, with no script in it).
// Checked against the V8 sampling profiler on the fixture pages: every task with a sample in
// content.js is found (tasks shorter than its ~0.2 ms interval cannot be checked that way).

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

type Why = "load" | "url" | "world" | "message" | "timing";

/** A top-level task in which the content script ran, for inspection. */
export interface ContentTask {
  ts: number;
  dur: number;
  /** Its duration counted as work (the EvaluateScript's task, counted as script load: 0; after `until`: 0). */
  work: number;
  /** The same in thread time. */
  workThreadTime: number;
  /** The strongest evidence found in it ("load": it holds the EvaluateScript). */
  why: Why;
  /** It started after `until`: listed, not counted. */
  after: boolean;
}

export interface InPageCost {
  /** µs: the EvaluateScript of content.js. */
  scriptLoad: number;
  /** µs: the summed work of the tasks that ran the content script. */
  work: number;
  /** µs: the same in thread time. */
  workThreadTime: number;
  /** The isolated world's name as the trace shows it (the extension's name), if found. */
  worldName: string | undefined;
  /** Where the count stopped: the call of the `until` measure, if found in the trace. */
  until: number | undefined;
  /** The renderer main thread. */
  pid: number;
  tid: number;
  tasks: ContentTask[];
}

export interface InPageCostOptions {
  /** The prefix of the content script's User Timing names (default "policy-lens:"). */
  measurePrefix?: string;
  /** Count only the tasks up to the one that calls performance.measure with this name. */
  until?: string;
}

export const CONTENT_SCRIPT_PATH = "content-scripts/content.js";
/** A reply to an extension API call, or a message to one of the content script's ports. */
const isExtensionMessage = (name: string, mojoInterface: string) =>
  (name === "Receive mojo reply" && mojoInterface.startsWith("extensions.mojom.")) ||
  (name === "Receive mojo message" && mojoInterface === "extensions.mojom.MessagePort");
/** Strongest first: what a task is labelled with when it holds several. */
const EVIDENCE: readonly Why[] = ["url", "world", "message", "timing"];

const urlOf = (e: TraceEvent): string => {
  const u = (e.args?.data as { url?: unknown } | undefined)?.url ?? e.args?.fileName;
  return typeof u === "string" ? u : "";
};
const endOf = (e: { ts: number; dur?: number }) => e.ts + (e.dur ?? 0);
const within = (outer: { ts: number; dur?: number }, t: number) => t >= outer.ts && t <= endOf(outer);

/**
 * The content script's in-page cost in `events` (a trace of one page load), or null when the
 * trace holds no EvaluateScript of the extension's content script (it did not run there).
 */
export function inPageCost(events: readonly TraceEvent[], extensionId: string, options: InPageCostOptions = {}): InPageCost | null {
  const prefix = options.measurePrefix ?? "policy-lens:";
  const base = `chrome-extension://${extensionId}/`;
  const load = events
    .filter((e) => e.name === "EvaluateScript" && e.ph === "X" && urlOf(e).startsWith(base + CONTENT_SCRIPT_PATH))
    .sort((a, b) => a.ts - b.ts)[0];
  if (!load) return null;
  const { pid, tid } = load;
  const thread = events.filter((e) => e.pid === pid && e.tid === tid);

  const run = thread.find((e) => e.name === "v8.run" && e.ph === "X" && within(load, e.ts) && typeof e.args?.worldName === "string");
  const worldName = run?.args?.worldName as string | undefined;

  // the instants at which the content script was running, and how we know
  const marks: { t: number; why: Why }[] = [];
  const measures = new Map<unknown, string>(); // the content script's measures, by traceId
  let until: number | undefined;
  for (const e of thread) {
    if (e.name === "RunTask") continue;
    const mojo = e.args?.chrome_mojo_event_info as { mojo_interface_tag?: unknown } | undefined;
    if (urlOf(e).startsWith(base)) marks.push({ t: e.ts, why: "url" });
    else if (worldName !== undefined && e.args?.worldName === worldName) marks.push({ t: e.ts, why: "world" });
    else if (isExtensionMessage(e.name, String(mojo?.mojo_interface_tag ?? ""))) marks.push({ t: e.ts, why: "message" });
    else if (e.name.startsWith(prefix) && (e.cat ?? "").includes("blink.user_timing")) {
      // measures: "b" at the start time (callTime: the call), "e" at the end time (left out);
      // marks ("R", "I") are stamped when made
      if (e.ph === "b") {
        if (e.args?.traceId !== undefined) measures.set(e.args.traceId, e.name);
        if (typeof e.args?.callTime === "number") {
          marks.push({ t: e.args.callTime, why: "timing" });
          if (e.name === options.until) until = Math.min(until ?? Infinity, e.args.callTime);
        }
      } else if (e.ph !== "e") marks.push({ t: e.ts, why: "timing" });
    }
  }
  for (const e of thread) {
    const name = e.name === "UserTiming::Measure" && e.ph === "X" ? measures.get(e.args?.traceId) : undefined;
    if (name === undefined) continue;
    marks.push({ t: e.ts, why: "timing" });
    if (name === options.until) until = Math.min(until ?? Infinity, e.ts);
  }
  marks.sort((a, b) => a.t - b.t);

  // top-level tasks: RunTask events not inside another one (a nested run loop runs tasks within)
  const runTasks = thread.filter((e) => e.name === "RunTask" && e.ph === "X").sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const topLevel: TraceEvent[] = [];
  for (const task of runTasks) {
    const last = topLevel[topLevel.length - 1];
    if (!last || task.ts >= endOf(last)) topLevel.push(task);
  }

  const tasks: ContentTask[] = [];
  let loadTask: TraceEvent | undefined;
  let next = 0; // the first mark not before the current task
  for (const task of topLevel) {
    if (endOf(task) < load.ts) continue;
    const dur = task.dur ?? 0;
    const after = until !== undefined && task.ts > until;
    while (next < marks.length && marks[next]!.t < task.ts) next++;
    if (within(task, load.ts)) {
      loadTask = task;
      tasks.push({ ts: task.ts, dur, work: 0, workThreadTime: 0, why: "load", after });
      continue;
    }
    let why: Why | undefined;
    for (let i = next; i < marks.length && marks[i]!.t <= endOf(task); i++) {
      const w = marks[i]!.why;
      if (why === undefined || EVIDENCE.indexOf(w) < EVIDENCE.indexOf(why)) why = w;
    }
    if (why) tasks.push({ ts: task.ts, dur, work: after ? 0 : dur, workThreadTime: after ? 0 : (task.tdur ?? 0), why, after });
  }
  return {
    scriptLoad: loadTask?.dur ?? load.dur ?? 0,
    work: tasks.reduce((sum, t) => sum + t.work, 0),
    workThreadTime: tasks.reduce((sum, t) => sum + t.workThreadTime, 0),
    worldName,
    until,
    pid,
    tid,
    tasks,
  };
}

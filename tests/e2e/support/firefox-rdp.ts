// A minimal client for Firefox's Remote Debugging Protocol (the one about:debugging speaks), used
// to reach what WebDriver BiDi keeps out of bounds: the extension's background page, from which
// the popup can be opened (in a tab) and read. Packets are `<byte length>:<JSON>`; a packet with a
// `type` is an event, one without is the answer to the oldest pending request to that actor.
import net from "node:net";

type Packet = Record<string, unknown> & { from?: string; type?: string; error?: string; message?: string };

export class RdpError extends Error {}

export class RdpClient {
  private socket: net.Socket | null = null;
  private buffer = Buffer.alloc(0);
  private pending = new Map<string, { resolve: (p: Packet) => void; reject: (e: Error) => void }[]>();
  private listeners = new Set<(p: Packet) => void>();
  private closed: Error | null = null;

  /** Connects (retrying while Firefox is still opening its debugger port) and reads the greeting. */
  static async connect(port: number, timeoutMs = 20_000): Promise<RdpClient> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      const client = new RdpClient();
      try {
        await client.open(port, Math.max(1000, deadline - Date.now()));
        return client;
      } catch (error) {
        lastError = error;
        client.close();
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new RdpError(`could not reach Firefox's debugger server on port ${port}: ${String(lastError)}`);
  }

  private open(port: number, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1");
      this.socket = socket;
      const timer = setTimeout(() => reject(new RdpError("no greeting from the debugger server")), timeoutMs);
      const greeting = (p: Packet) => {
        if (p.from === "root" && "applicationType" in p) {
          clearTimeout(timer);
          this.listeners.delete(greeting);
          resolve();
        }
      };
      this.listeners.add(greeting);
      socket.on("data", (chunk: Buffer) => this.onData(chunk));
      socket.once("error", (error) => {
        clearTimeout(timer);
        this.fail(error);
        reject(error);
      });
      socket.once("close", () => this.fail(new RdpError("the debugger connection closed")));
    });
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.closed = error;
    for (const queue of this.pending.values()) for (const p of queue) p.reject(error);
    this.pending.clear();
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString("ascii"));
      if (!Number.isFinite(length)) {
        this.fail(new RdpError("malformed packet from the debugger server"));
        return;
      }
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString("utf8")) as Packet;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      for (const listener of [...this.listeners]) listener(packet);
      if (packet.type === undefined && packet.from) {
        const queue = this.pending.get(packet.from);
        const waiter = queue?.shift();
        if (waiter) {
          if (packet.error) waiter.reject(new RdpError(`${packet.from}: ${packet.error}: ${packet.message ?? ""}`));
          else waiter.resolve(packet);
        }
      }
    }
  }

  request(to: string, type: string, extra: Record<string, unknown> = {}): Promise<Packet> {
    if (this.closed || !this.socket) return Promise.reject(this.closed ?? new RdpError("not connected"));
    return new Promise((resolve, reject) => {
      const queue = this.pending.get(to) ?? [];
      queue.push({ resolve, reject });
      this.pending.set(to, queue);
      const body = Buffer.from(JSON.stringify({ to, type, ...extra }), "utf8");
      this.socket!.write(`${body.length}:`);
      this.socket!.write(body);
    });
  }

  /** Calls `listener` for every packet until the returned function is called. */
  on(listener: (p: Packet) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.fail(new RdpError("closed"));
    this.socket?.destroy();
    this.socket = null;
  }
}

export interface AddonTarget {
  /** The console actor of the extension's background page. */
  consoleActor: string;
  url: string;
}

/** Finds an installed add-on and its background page's console. */
export async function attachToAddon(
  client: RdpClient,
  addonId: string,
  timeoutMs = 20_000,
): Promise<{ addon: Packet; background: AddonTarget }> {
  const deadline = Date.now() + timeoutMs;
  let addon: Packet | undefined;
  while (!addon) {
    const { addons } = (await client.request("root", "listAddons")) as { addons?: Packet[] };
    addon = addons?.find((a) => a.id === addonId);
    if (!addon) {
      if (Date.now() > deadline) throw new RdpError(`add-on ${addonId} is not installed`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  let background: AddonTarget | undefined;
  const stop = client.on((p) => {
    const target = p.target as { url?: string; consoleActor?: string } | undefined;
    if (p.type === "target-available-form" && target?.consoleActor && /^moz-extension:\/\/[^/]+\/_generated_background_page\.html/.test(target.url ?? "")) {
      background = { consoleActor: target.consoleActor, url: target.url! };
    }
  });
  try {
    const watcher = await client.request(addon.actor as string, "getWatcher", {});
    await client.request(watcher.actor as string, "watchTargets", { targetType: "frame" });
    while (!background) {
      if (Date.now() > deadline) throw new RdpError(`no background page found for ${addonId}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    stop();
  }
  return { addon, background };
}

/**
 * Evaluates `source` (an expression) in a console actor's global and returns its value, awaited
 * when it is a promise. The value travels as JSON, so it must be JSON-serialisable.
 */
export async function evaluateJson<T>(client: RdpClient, consoleActor: string, source: string, timeoutMs = 20_000): Promise<T> {
  const key = `k${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  const slot = `globalThis.__vplE2E`;
  const start = `(${slot} ??= {}, ${slot}[${JSON.stringify(key)}] = { done: false }, Promise.resolve().then(async () => (${source})).then(
      (v) => { ${slot}[${JSON.stringify(key)}] = { done: true, json: JSON.stringify(v === undefined ? null : v) }; },
      (e) => { ${slot}[${JSON.stringify(key)}] = { done: true, error: String((e && e.stack) || e) }; }), 0)`;
  await evaluateRaw(client, consoleActor, start);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const raw = await evaluateRaw(client, consoleActor, `(() => { const s = ${slot}[${JSON.stringify(key)}]; if (s && s.done) delete ${slot}[${JSON.stringify(key)}]; return JSON.stringify(s ?? null); })()`);
    const state = JSON.parse(String(raw)) as { done: boolean; json?: string; error?: string } | null;
    if (state?.done) {
      if (state.error !== undefined) throw new RdpError(`evaluation failed in the background page: ${state.error}`);
      return JSON.parse(state.json ?? "null") as T;
    }
    if (Date.now() > deadline) throw new RdpError(`evaluation in the background page timed out: ${source.slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One console evaluation; returns the primitive result (long strings are fetched whole). */
async function evaluateRaw(client: RdpClient, consoleActor: string, text: string): Promise<unknown> {
  const result = await new Promise<Packet>((resolve, reject) => {
    let resultID: string | undefined;
    const early: Packet[] = [];
    const stop = client.on((p) => {
      if (p.type !== "evaluationResult" || p.from !== consoleActor) return;
      if (resultID === undefined) early.push(p);
      else if (p.resultID === resultID) {
        stop();
        resolve(p);
      }
    });
    client.request(consoleActor, "evaluateJSAsync", { text, eager: false }).then((answer) => {
      resultID = answer.resultID as string;
      const hit = early.find((p) => p.resultID === resultID);
      if (hit) {
        stop();
        resolve(hit);
      }
    }, (error: Error) => {
      stop();
      reject(error);
    });
  });
  if (result.exceptionMessage || result.exception) {
    throw new RdpError(`exception in the background page: ${String(result.exceptionMessage ?? JSON.stringify(result.exception))}`);
  }
  const value = result.result as unknown;
  if (value && typeof value === "object" && (value as { type?: string }).type === "longString") {
    const grip = value as { actor: string; length: number };
    const { substring } = (await client.request(grip.actor, "substring", { start: 0, end: grip.length })) as { substring: string };
    return substring;
  }
  return value;
}

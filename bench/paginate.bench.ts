/**
 * The paginator against the local voice-clones server (test/helpers), run
 * in a child process so that its work does not share this thread:
 * 1. overhead: 100 pages of 20 through `listVoiceClones` (the real client)
 *    divided by a hand-written `fetch` loop sending the same requests;
 * 2. fetching ahead: with 5 ms of server latency a page, concurrency 4
 *    divided by concurrency 1;
 * 3. memory: heap growth (after GC, sampled while iterating) over 50,000
 *    items in pages of 250.
 * Ratios are the median of per-pair ratios over interleaved runs (baseline,
 * subject, baseline, ...), so a busy machine slows both sides of a pair alike.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { listVoiceClones } from "../generated/paginators.js";
import { createClient } from "../src/client.js";
import { makeClones, startVoiceClonesServer } from "../test/helpers/voice-clones-server.js";
import { median } from "./measure.js";
import type { BenchResult } from "./types.js";

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 21));
const API_KEY = "bench-key";
const SERVER_ENV = "PAGINATE_BENCH_SERVER";

export default async function bench(): Promise<BenchResult[]> {
  return [...(await overhead()), await fetchingAhead(), await memory()];
}

async function overhead(): Promise<BenchResult[]> {
  const server = await remoteServer({ count: 2000 });
  try {
    const client = createClient({ apiKey: API_KEY, baseUrl: server.url });
    let sink = 0;
    const paginator = async () => {
      const start = performance.now();
      for await (const clone of listVoiceClones(client, {}, { pageSize: 20 })) sink += clone.name!.length;
      return performance.now() - start;
    };
    const handWritten = async () => {
      const start = performance.now();
      for (let page = 1; ; page++) {
        const response = await fetch(`${server.url}/voice_clones?page[number]=${page}&page[size]=20`, { headers: { Authorization: `Bearer ${API_KEY}`, Accept: "application/json" } });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const body = (await response.json()) as { data: { name: string }[]; meta: { total_pages: number } };
        for (const clone of body.data) sink += clone.name.length;
        if (body.data.length === 0 || page >= body.meta.total_pages) break;
      }
      return performance.now() - start;
    };
    const clientLoop = async () => {
      const start = performance.now();
      for (let page = 1; ; page++) {
        const { data, response } = await client.GET("/voice_clones", { params: { query: { "page[number]": page, "page[size]": 20 } } });
        if (!response.ok || !data) throw new Error(`status ${response.status}`);
        for (const clone of data.data!) sink += clone.name!.length;
        if (data.data!.length === 0 || page >= data.meta!.total_pages!) break;
      }
      return performance.now() - start;
    };
    // All sides send the same requests: pages 1 to 100, once each.
    const want = Array.from({ length: 100 }, (_, i) => i + 1).join(",");
    for (const [side, run] of [["hand-written loop", handWritten], ["paginator", paginator], ["client.GET loop", clientLoop]] as const) {
      await run(); // also warms up: JIT, keep-alive connections, the server's sorted list
      const sent = (await server.pages()).join(",");
      if (sent !== want) throw new Error(`the ${side} sent pages ${sent}, expected 1 to 100 once each`);
    }
    const total = await pairedRatio(RUNS, paginator, handWritten);
    const engine = await pairedRatio(RUNS, paginator, clientLoop);
    const clientOnly = await pairedRatio(RUNS, clientLoop, handWritten);
    if (sink === 0) throw new Error("nothing iterated");
    return [
      {
        name: "listVoiceClones, 100 pages of 20, vs a hand-written fetch loop",
        value: total.ratio,
        unit: "ratio",
        target: 1.1,
        note:
          `median ${total.subjectMs.toFixed(1)} ms vs ${total.baselineMs.toFixed(1)} ms, median ratio of ${RUNS} pairs; ` +
          `the client.GET loop alone vs the hand-written loop: ${clientOnly.ratio.toFixed(3)}`,
      },
      {
        name: "  of which the paging engine: listVoiceClones vs a loop of client.GET (same client, same requests)",
        value: engine.ratio,
        unit: "ratio",
        target: 1.1,
        note: `median ${engine.subjectMs.toFixed(1)} ms vs ${engine.baselineMs.toFixed(1)} ms, median ratio of ${RUNS} pairs`,
      },
    ];
  } finally {
    await server.close();
  }
}

async function fetchingAhead(): Promise<BenchResult> {
  const server = await remoteServer({ count: 2000, latencyMs: 5 });
  try {
    const client = createClient({ apiKey: API_KEY, baseUrl: server.url });
    const run = (concurrency: number) => async () => {
      const start = performance.now();
      let count = 0;
      for await (const clone of listVoiceClones(client, {}, { pageSize: 20, concurrency })) count += clone ? 1 : 0;
      if (count !== 2000) throw new Error(`expected 2000 items, got ${count}`);
      return performance.now() - start;
    };
    await run(4)();
    const { subjectMs, baselineMs, ratio } = await pairedRatio(RUNS, run(4), run(1));
    return {
      name: "concurrency 4 vs 1, 100 pages with 5 ms server latency each",
      value: ratio,
      unit: "ratio",
      target: 0.35,
      note: `median ${subjectMs.toFixed(0)} ms vs ${baselineMs.toFixed(0)} ms, median ratio of ${RUNS} pairs`,
    };
  } finally {
    await server.close();
  }
}

async function memory(): Promise<BenchResult> {
  const gc = exposeGc();
  const server = await remoteServer({ count: 50_000 });
  try {
    const client = createClient({ apiKey: API_KEY, baseUrl: server.url });
    await listVoiceClones(client, {}, { pageSize: 250, limit: 1 }).toArray(); // warm up (and the server sorts its clones once)
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    let peak = Number.NEGATIVE_INFINITY;
    let count = 0;
    for await (const clone of listVoiceClones(client, {}, { pageSize: 250 })) {
      if (++count % 2_500 === 0) peak = Math.max(peak, heap() - before);
      void clone;
    }
    if (count !== 50_000) throw new Error(`expected 50000 items, got ${count}`);
    const after = heap() - before;
    return {
      name: "heap growth while iterating 50,000 items in pages of 250",
      value: Math.max(0, peak, after) / 1024 / 1024,
      unit: "MB",
      target: 10,
      note: `peak ${(peak / 1024 / 1024).toFixed(2)} MB over 20 samples, ${(after / 1024 / 1024).toFixed(2)} MB after`,
    };
  } finally {
    await server.close();
  }
}

/**
 * Runs baseline and subject `runs` times each, in pairs whose order
 * alternates, each run starting after a full GC (so neither pays for the
 * other's garbage); the median of the per-pair ratios, and the median times.
 */
async function pairedRatio(runs: number, subject: () => Promise<number>, baseline: () => Promise<number>) {
  const gc = exposeGc();
  const timed = async (run: () => Promise<number>) => {
    gc();
    return run();
  };
  const ratios: number[] = [];
  const subjects: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < runs; i++) {
    const b = i % 2 === 0 ? await timed(baseline) : 0;
    const a = await timed(subject);
    const b2 = i % 2 === 0 ? b : await timed(baseline);
    baselines.push(b2);
    subjects.push(a);
    ratios.push(a / b2);
  }
  return { ratio: median(ratios), subjectMs: median(subjects), baselineMs: median(baselines) };
}

/** V8's `gc()`: `npm run bench` starts Node with --expose-gc (no V8 flags set at run time). */
function exposeGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("the paging memory bench needs `node --expose-gc`: run it with `npm run bench`");
  return gc;
}

interface RemoteServer {
  url: string;
  /** Pages asked for since the last call. */
  pages(): Promise<number[]>;
  close(): Promise<void>;
}

/** The server in a child process (this file, run with `PAGINATE_BENCH_SERVER` set), driven over IPC. */
async function remoteServer(options: { count: number; latencyMs?: number }): Promise<RemoteServer> {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, [SERVER_ENV]: JSON.stringify(options) }, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once("message", (m) => resolve(m as T));
      child.once("exit", (code) => reject(new Error(`the bench server exited (${code})`)));
    });
  const { url } = await next<{ url: string }>();
  return {
    url,
    pages: async () => {
      child.send("pages");
      return (await next<{ pages: number[] }>()).pages;
    },
    close: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.send("close");
  });
}

if (process.env[SERVER_ENV] && process.send) {
  const { count, latencyMs } = JSON.parse(process.env[SERVER_ENV]) as { count: number; latencyMs?: number };
  const server = await startVoiceClonesServer({ clones: makeClones(count), latencyMs });
  process.on("message", (message) => {
    if (message === "pages") {
      process.send!({ pages: server.requests.map((r) => r.page) });
      server.requests.length = 0;
    } else if (message === "close") {
      void server.close().finally(() => process.exit(0));
    }
  });
  process.send({ url: server.url });
}

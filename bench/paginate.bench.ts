/**
 * The paginator against the local voice-clones server (test/helpers), run
 * in a child process (bench/remote-server.ts) so that its work is billed to
 * neither side:
 * 1. overhead: 100 pages of 20 through `listVoiceClones` against a
 *    hand-written `fetch` loop sending the same requests, wall and CPU (and a
 *    `client.GET` loop, to split client and engine);
 * 2. against the runtime before issues 12 and 13 (bench/main-runtime.ts),
 *    imported into this process: CPU per page of page-number paging, the
 *    whole runtime (client + engine) and the engine alone (both engines over
 *    one bare openapi-fetch client);
 * 3. items from pages: the engine's async generator against the hand-written
 *    iterator it replaced, over pages in memory;
 * 4. fetching ahead: with 5 ms of server latency a page, concurrency 4 ÷ 1;
 * 5. memory: heap growth (after GC, sampled while iterating) over 50,000
 *    items in pages of 250.
 * Ratios are medians of per-pair ratios over interleaved runs (bench/paired.ts).
 */
import createFetchClient from "openapi-fetch";
import { commands } from "../generated/commands/voice-clones.js";
import { listVoiceClones } from "../generated/paginators.js";
import type { paths } from "../generated/schema.js";
import { createClient } from "../src/client.js";
import { itemsOf } from "../src/paginate/items.js";
import { paginate, type Page, type PageSpec } from "../src/paginate/index.js";
import { importBefore } from "./main-runtime.js";
import { median } from "./measure.js";
import { exposeGc, pairedRatio, type Walk } from "./paired.js";
import { remoteServer } from "./remote-server.js";
import type { BenchResult } from "./types.js";

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 21));
const API_KEY = "bench-key";
/** The PageSpec the generator wrote for `GET /voice_clones` (the same listVoiceClones passes). */
const VOICE_CLONES: PageSpec = commands.find((command) => command.paginate?.path === "/voice_clones")!.paginate!;

export default async function bench(): Promise<BenchResult[]> {
  return [
    ...(await overhead()),
    ...(await versusBefore()),
    await itemsFromPages(),
    await fetchingAhead(),
    await memory(),
  ];
}

const ms = (r: { subjectMs: number; baselineMs: number }) =>
  `${r.subjectMs.toFixed(1)} ms vs ${r.baselineMs.toFixed(1)} ms`;

async function overhead(): Promise<BenchResult[]> {
  const server = await remoteServer({ count: 2000 });
  try {
    const client = createClient({ apiKey: API_KEY, baseUrl: server.url });
    let sink = 0;
    const paginator: Walk = async () => {
      for await (const clone of listVoiceClones(client, {}, { pageSize: 20 })) sink += clone.name!.length;
    };
    const handWritten: Walk = async () => {
      for (let page = 1; ; page++) {
        const response = await fetch(`${server.url}/voice_clones?page[number]=${page}&page[size]=20`, {
          headers: { Authorization: `Bearer ${API_KEY}`, Accept: "application/json" },
        });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const body = (await response.json()) as { data: { name: string }[]; meta: { total_pages: number } };
        for (const clone of body.data) sink += clone.name.length;
        if (body.data.length === 0 || page >= body.meta.total_pages) break;
      }
    };
    const clientLoop: Walk = async () => {
      for (let page = 1; ; page++) {
        const { data, response } = await client.GET("/voice_clones", {
          params: { query: { "page[number]": page, "page[size]": 20 } },
        });
        if (!response.ok || !data) throw new Error(`status ${response.status}`);
        for (const clone of data.data!) sink += clone.name!.length;
        if (data.data!.length === 0 || page >= data.meta!.total_pages!) break;
      }
    };
    // All sides send the same requests: pages 1 to 100, once each.
    const want = Array.from({ length: 100 }, (_, i) => i + 1).join(",");
    for (const [side, walk] of [
      ["hand-written loop", handWritten],
      ["paginator", paginator],
      ["client.GET loop", clientLoop],
    ] as const) {
      await walk(); // also warms up: JIT, keep-alive connections, the server's sorted list
      const sent = (await server.pages()).join(",");
      if (sent !== want) throw new Error(`the ${side} sent pages ${sent}, expected 1 to 100 once each`);
    }
    const total = await pairedRatio(RUNS, paginator, handWritten);
    const engine = await pairedRatio(RUNS, paginator, clientLoop);
    const clientOnly = await pairedRatio(RUNS, clientLoop, handWritten);
    if (sink === 0) throw new Error("nothing iterated");
    return [
      {
        name: "listVoiceClones, 100 pages of 20, vs a hand-written fetch loop, wall",
        value: total.wall.ratio,
        unit: "ratio",
        note: `${ms(total.wall)}, median ratio of ${RUNS} pairs`,
      },
      {
        name: "listVoiceClones, 100 pages of 20, vs a hand-written fetch loop, CPU",
        value: total.cpu.ratio,
        unit: "ratio",
        note: `${ms(total.cpu)}; a client.GET loop vs the hand-written loop: CPU ${clientOnly.cpu.ratio.toFixed(3)} (${ms(clientOnly.cpu)}), wall ${clientOnly.wall.ratio.toFixed(3)}`,
      },
      {
        name: "  of which the paging engine: listVoiceClones vs a loop of client.GET (same client, same requests), CPU",
        value: engine.cpu.ratio,
        unit: "ratio",
        note: `${ms(engine.cpu)}; wall ${engine.wall.ratio.toFixed(3)} (${ms(engine.wall)})`,
      },
    ];
  } finally {
    await server.close();
  }
}

type ListVoiceClones = typeof listVoiceClones;
type Paginate = typeof paginate;

/** Page-number paging today against the runtime before issues 12 and 13: the whole runtime, and the engine alone. */
async function versusBefore(): Promise<BenchResult[]> {
  const before = {
    client: (await importBefore<{ createClient: typeof createClient }>("src/client.ts")).createClient,
    list: (await importBefore<{ listVoiceClones: ListVoiceClones }>("generated/paginators.ts")).listVoiceClones,
    paginate: (await importBefore<{ paginate: Paginate }>("src/paginate/index.ts")).paginate,
  };
  const server = await remoteServer({ count: 2000 });
  const results: BenchResult[] = [];
  try {
    const today = createClient({ apiKey: API_KEY, baseUrl: server.url });
    const then = before.client({ apiKey: API_KEY, baseUrl: server.url });
    const bare = createFetchClient<paths>({ baseUrl: server.url, headers: { Authorization: `Bearer ${API_KEY}` } });
    let sink = 0;
    for (const pageSize of [20, 250]) {
      const pages = Math.ceil(2000 / pageSize);
      const walk =
        (list: ListVoiceClones, client: ReturnType<typeof createClient>): Walk =>
        async () => {
          for await (const clone of list(client, {}, { pageSize })) sink += clone.name!.length;
        };
      const engine =
        (run: Paginate): Walk =>
        async () => {
          for await (const clone of run<{ name: string }, unknown>(bare, VOICE_CLONES, {}, { pageSize }))
            sink += clone.name.length;
        };
      const runtime = await pairedRatio(RUNS, walk(listVoiceClones, today), walk(before.list, then));
      const engines = await pairedRatio(RUNS, engine(paginate), engine(before.paginate));
      const perPage = (r: { subjectMs: number; baselineMs: number }) =>
        `${((r.subjectMs / pages) * 1000).toFixed(0)} us vs ${((r.baselineMs / pages) * 1000).toFixed(0)} us a page`;
      results.push(
        {
          name: `page-number paging, CPU per page, today vs before issues 12-13, whole runtime (client + engine), ${pages} pages of ${pageSize}`,
          value: runtime.cpu.ratio,
          unit: "ratio",
          note: `${perPage(runtime.cpu)}; wall ${runtime.wall.ratio.toFixed(3)}; median ratio of ${RUNS} pairs`,
        },
        {
          name: `  the engine alone (both over one bare openapi-fetch client), ${pages} pages of ${pageSize}`,
          value: engines.cpu.ratio,
          unit: "ratio",
          target: 1.05,
          note: `${perPage(engines.cpu)}; wall ${engines.wall.ratio.toFixed(3)}`,
        },
      );
    }
    if (sink === 0) throw new Error("nothing iterated");
  } finally {
    await server.close();
  }
  return results;
}

/** Items of in-memory pages: the async generator (items.ts) against the hand-written iterator it replaced. */
async function itemsFromPages(): Promise<BenchResult> {
  const { itemIterator } = await importBefore<{
    itemIterator: <T>(pages: AsyncGenerator<Page>, limit: number) => AsyncIterableIterator<T>;
  }>("src/paginate/items.ts");
  const items = Array.from({ length: 20 }, (_, i) => ({ id: i }));
  const pages = Array.from({ length: 500 }, (): Page => ({ body: {}, items, number: 1, response: new Response() }));
  async function* stream() {
    for (const page of pages) yield page;
  }
  let sink = 0;
  const count = pages.length * items.length;
  const drain =
    (iterate: () => AsyncIterable<{ id: number }>): Walk =>
    async () => {
      for (let round = 0; round < 10; round++) for await (const item of iterate()) sink += item.id;
    };
  const generator = drain(() => itemsOf<{ id: number }>(stream(), Infinity));
  const handWritten = drain(() => ({ [Symbol.asyncIterator]: () => itemIterator<{ id: number }>(stream(), Infinity) }));
  for (let i = 0; i < 3; i++) {
    await generator();
    await handWritten();
  }
  const { cpu } = await pairedRatio(RUNS, generator, handWritten);
  if (sink === 0) throw new Error("nothing iterated");
  const perItem = (msPerRound: number) => ((msPerRound / (10 * count)) * 1e6).toFixed(0);
  const extraPerWalk = ((cpu.subjectMs - cpu.baselineMs) / (10 * count)) * 2000;
  return {
    name: "items from pages: async generator vs the hand-written iterator it replaced (in memory), CPU",
    value: cpu.ratio,
    unit: "ratio",
    note: `${perItem(cpu.subjectMs)} ns vs ${perItem(cpu.baselineMs)} ns an item: ${extraPerWalk.toFixed(2)} ms more on a 2,000-item walk`,
  };
}

async function fetchingAhead(): Promise<BenchResult> {
  const server = await remoteServer({ count: 2000, latencyMs: 5 });
  try {
    const client = createClient({ apiKey: API_KEY, baseUrl: server.url });
    const walk =
      (concurrency: number): Walk =>
      async () => {
        let count = 0;
        for await (const clone of listVoiceClones(client, {}, { pageSize: 20, concurrency })) count += clone ? 1 : 0;
        if (count !== 2000) throw new Error(`expected 2000 items, got ${count}`);
      };
    await walk(4)();
    const { wall } = await pairedRatio(RUNS, walk(4), walk(1));
    return {
      name: "concurrency 4 vs 1, 100 pages with 5 ms server latency each, wall",
      value: wall.ratio,
      unit: "ratio",
      target: 0.35,
      note: `${ms(wall)}, median ratio of ${RUNS} pairs`,
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
    const samples: number[] = [];
    let count = 0;
    for await (const clone of listVoiceClones(client, {}, { pageSize: 250 })) {
      if (++count % 2_500 === 0) samples.push(heap() - before);
      void clone;
    }
    if (count !== 50_000) throw new Error(`expected 50000 items, got ${count}`);
    const after = heap() - before;
    const peak = Math.max(...samples);
    return {
      name: "heap growth while iterating 50,000 items in pages of 250",
      value: Math.max(0, peak, after) / 1024 / 1024,
      unit: "MB",
      target: 10,
      note: `peak ${(peak / 1024 / 1024).toFixed(2)} MB over ${samples.length} samples (median ${(median(samples) / 1024 / 1024).toFixed(2)} MB), ${(after / 1024 / 1024).toFixed(2)} MB after`,
    };
  } finally {
    await server.close();
  }
}

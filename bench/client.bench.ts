/**
 * The client's cost per call: one GET through `createClient()` (openapi-fetch
 * with its Request, the retrying fetch with a time limit per attempt that
 * reads the body in it, the JSON check, error mapping) against plain
 * `fetch` + `json()` of the same URL with the same headers, to the same
 * local server (in a child process, so its work is billed to no side); and
 * against bare openapi-fetch, which is this layer's own cost. The note also
 * shows plain fetch with a time limit (an AbortController and a timer per
 * call): what a timeout alone costs fetch.
 *
 * Blocks of calls of one kind take turns (in rotating order), so a busy
 * machine slows them alike; wall time is the median call of a block, CPU the
 * block's process CPU time per call; each figure is the median over blocks.
 */
import createFetchClient from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { createClient } from "../src/client.js";
import { median } from "./measure.js";
import { remoteServer } from "./remote-server.js";
import type { BenchResult } from "./types.js";

const CALLS_PER_BLOCK = 50;
const ROUNDS = Math.max(5, Number(process.env.BENCH_RUNS ?? 21));

export default async function clientBench(): Promise<BenchResult[]> {
  const server = await remoteServer({ count: 2000 });
  try {
    const apiKey = "KEY_bench_0123456789abcdef";
    const headers = {
      Accept: "application/json",
      "User-Agent": "telnyx-typed/0.1.0",
      Authorization: `Bearer ${apiKey}`,
    };
    const query = { "page[number]": 1, "page[size]": 20 } as const;
    const url = `${server.url}/voice_clones?page[number]=1&page[size]=20`;
    const client = createClient({ apiKey, baseUrl: server.url });
    const bare = createFetchClient<paths>({ baseUrl: server.url, headers });

    const check = (items: unknown[] | undefined) => {
      if (items?.length !== 20) throw new Error("client bench: unexpected body");
    };
    const limited = async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      try {
        return await (await fetch(url, { headers, signal: controller.signal })).json();
      } finally {
        clearTimeout(timer);
      }
    };
    const calls = [
      async () => check((await client.GET("/voice_clones", { params: { query } })).data?.data),
      async () => check(((await (await fetch(url, { headers })).json()) as { data: unknown[] }).data),
      async () => check((await bare.GET("/voice_clones", { params: { query } })).data?.data),
      async () => check(((await limited()) as { data: unknown[] }).data),
    ];
    const [CLIENT, FETCH, BARE, LIMITED] = [0, 1, 2, 3] as const;

    /** One round: a block of each kind, in rotating order; per kind its median call (wall) and CPU per call, in ms. */
    const round = async (r: number) => {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let k = 0; k < calls.length; k++) {
        const which = (r + k) % calls.length;
        const times: number[] = [];
        const start = process.cpuUsage();
        for (let i = 0; i < CALLS_PER_BLOCK; i++) {
          const t = performance.now();
          await calls[which]!();
          times.push(performance.now() - t);
        }
        const used = process.cpuUsage(start);
        wall[which] = median(times);
        cpu[which] = (used.user + used.system) / 1000 / CALLS_PER_BLOCK;
      }
      return { wall, cpu };
    };

    for (let r = 0; r < 4; r++) await round(r);
    const rounds: { wall: number[]; cpu: number[] }[] = [];
    for (let r = 0; r < ROUNDS; r++) rounds.push(await round(r));
    const us = (kind: "wall" | "cpu", k: number) => `${(median(rounds.map((r) => r[kind][k]!)) * 1000).toFixed(0)} us`;
    const ratio = (kind: "wall" | "cpu", a: number, b: number) => median(rounds.map((r) => r[kind][a]! / r[kind][b]!));
    const sides = (kind: "wall" | "cpu") =>
      `${kind === "wall" ? "median call" : "CPU per call"}: client ${us(kind, CLIENT)}, fetch ${us(kind, FETCH)}, openapi-fetch ${us(kind, BARE)}, fetch with a time limit ${us(kind, LIMITED)} (${ratio(kind, LIMITED, FETCH).toFixed(3)} x fetch)`;
    const runs = `median of ${ROUNDS} rounds of ${CALLS_PER_BLOCK}-call blocks`;
    return [
      {
        name: "client GET vs plain fetch, wall (same local server)",
        value: ratio("wall", CLIENT, FETCH),
        unit: "ratio",
        note: `${sides("wall")}; ${runs}`,
      },
      { name: "client GET vs plain fetch, CPU", value: ratio("cpu", CLIENT, FETCH), unit: "ratio", note: sides("cpu") },
      {
        name: "client GET vs bare openapi-fetch GET (this layer's own cost), CPU",
        value: ratio("cpu", CLIENT, BARE),
        unit: "ratio",
        note: `wall ${ratio("wall", CLIENT, BARE).toFixed(3)}`,
      },
    ];
  } finally {
    await server.close();
  }
}

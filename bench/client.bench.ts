/**
 * The client's cost per call: one GET through `createClient()` (openapi-fetch,
 * the retrying fetch with its per-attempt time limit, error mapping) against
 * plain `fetch` + `json()` of the same URL with the same headers, to the same
 * local server; and against bare openapi-fetch, which is this layer's own cost.
 * The note also shows plain fetch with a time limit (an AbortController and a
 * timer per call, as each attempt of the client has): what a timeout alone
 * costs fetch; and the floor of any client built as issue 3 asks (openapi-fetch
 * plus a time limit per attempt): openapi-fetch doing the least it can (no
 * `Request` copy, as the client does) with only an AbortController and a timer
 * per call, and nothing else: no retries, errors, logging or checks.
 *
 * The server runs in a worker thread so its work is billed to neither side.
 * The three kinds of call take turns one by one (in rotating order), so a
 * busy machine slows them alike; a run's figure is the ratio of the median
 * call times (a garbage-collection pause is one slow call, not a slow run),
 * and the result is the median of the runs.
 */
import { Worker } from "node:worker_threads";
import createFetchClient from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { createClient } from "../src/client.js";
import { median } from "./measure.js";
import type { BenchResult } from "./types.js";

const SERVER = `
const { createServer } = require("node:http");
const { parentPort } = require("node:worker_threads");
const body = JSON.stringify({
  data: Array.from({ length: 20 }, (_, i) => ({ record_type: "voice_clone", id: "0b7a5f8e-0000-4000-8000-" + String(i).padStart(12, "0"), name: "clone " + i, language: "en", provider: "telnyx" })),
  meta: { page_number: 1, page_size: 20, total_pages: 5, total_results: 100 },
});
const server = createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
`;

const CALLS_PER_RUN = 400;
const RUNS = 15;

export default async function clientBench(): Promise<BenchResult[]> {
  const worker = new Worker(SERVER, { eval: true });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    const baseUrl = `http://127.0.0.1:${port}/v2`;
    const apiKey = "KEY_bench_0123456789abcdef";
    const headers = { Accept: "application/json", "User-Agent": "telnyx-typed/0.1.0", Authorization: `Bearer ${apiKey}` };
    const query = { "page[number]": 1, "page[size]": 20 } as const;
    const url = `${baseUrl}/voice_clones?page[number]=1&page[size]=20`;
    const client = createClient({ apiKey, baseUrl });
    const bare = createFetchClient<paths>({ baseUrl, headers });

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
    /** openapi-fetch's `Request` option at its lightest: the URL and init, kept for `fetch(url, init)`. */
    class UrlAndInit {
      constructor(url: string, init: RequestInit) {
        Object.assign(this, init, { url });
      }
    }
    const floor = createFetchClient<paths>({
      baseUrl,
      headers,
      Request: UrlAndInit as unknown as typeof Request,
      fetch: (async ({ url, ...init }: Request) => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 60_000);
        try {
          return await fetch(url, { ...init, signal: controller.signal });
        } finally {
          clearTimeout(timer);
        }
      }) as typeof fetch,
    });
    const calls = [
      async () => check((await client.GET("/voice_clones", { params: { query } })).data?.data),
      async () => check(((await (await fetch(url, { headers })).json()) as { data: unknown[] }).data),
      async () => check((await bare.GET("/voice_clones", { params: { query } })).data?.data),
      async () => check(((await limited()) as { data: unknown[] }).data),
      async () => check((await floor.GET("/voice_clones", { params: { query } })).data?.data),
    ];

    /** One run: each kind of call CALLS_PER_RUN times, taking turns; the median time of each. */
    const run = async () => {
      const times: number[][] = calls.map(() => []);
      for (let i = 0; i < CALLS_PER_RUN; i++) {
        for (let k = 0; k < calls.length; k++) {
          const which = (i + k) % calls.length;
          const started = performance.now();
          await calls[which]!();
          times[which]!.push(performance.now() - started);
        }
      }
      return times.map(median);
    };

    for (let i = 0; i < 3; i++) await run();
    const runs: number[][] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run());
    const us = (k: number) => `${(median(runs.map((r) => r[k]!)) * 1000).toFixed(0)} us`;
    const ratio = (k: number) => median(runs.map((r) => r[0]! / r[k]!));
    const versusFetch = (k: number) => median(runs.map((r) => r[k]! / r[1]!)).toFixed(3);
    const note =
      `median call: client ${us(0)}, fetch ${us(1)}, openapi-fetch ${us(2)}, fetch with a time limit ${us(3)} (${versusFetch(3)} x fetch), ` +
      `floor: openapi-fetch at its lightest with a time limit ${us(4)} (${versusFetch(4)} x fetch); median of ${RUNS} runs of ${CALLS_PER_RUN}`;
    return [
      { name: "client GET vs plain fetch (same local server)", value: ratio(1), unit: "ratio", target: 1.1, note },
      { name: "client GET vs bare openapi-fetch GET (this layer's own cost)", value: ratio(2), unit: "ratio", target: 1.1 },
    ];
  } finally {
    await worker.terminate();
  }
}

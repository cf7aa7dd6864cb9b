/**
 * The client's cost per call: one GET through `createClient()` (openapi-fetch,
 * the retrying fetch with its per-attempt timeout, error mapping) against
 * plain `fetch` + `json()` of the same URL with the same headers, to the same
 * local server. The server runs in a worker thread so its work is not
 * billed to either side; runs alternate, and the ratio is of the medians.
 */
import { Worker } from "node:worker_threads";
import { createClient } from "../src/client.js";
import { interleaved } from "./measure.js";
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

const CALLS_PER_RUN = 300;
const RUNS = 21;

export default async function clientBench(): Promise<BenchResult[]> {
  const worker = new Worker(SERVER, { eval: true });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    const baseUrl = `http://127.0.0.1:${port}/v2`;
    const apiKey = "KEY_bench_0123456789abcdef";
    const client = createClient({ apiKey, baseUrl });
    const query = { "page[number]": 1, "page[size]": 20 } as const;
    const url = `${baseUrl}/voice_clones?page[number]=1&page[size]=20`;
    const headers = { Accept: "application/json", "User-Agent": "telnyx-typed/0.1.0", Authorization: `Bearer ${apiKey}` };

    const viaClient = async () => {
      const { data } = await client.GET("/voice_clones", { params: { query } });
      if (data?.data?.length !== 20) throw new Error("client bench: unexpected body");
    };
    const viaFetch = async () => {
      const response = await fetch(url, { headers });
      const data = (await response.json()) as { data: unknown[] };
      if (data.data.length !== 20) throw new Error("fetch bench: unexpected body");
    };
    const run = (call: () => Promise<void>) => async () => {
      const started = performance.now();
      for (let i = 0; i < CALLS_PER_RUN; i++) await call();
      return performance.now() - started;
    };

    for (let i = 0; i < 3; i++) {
      await run(viaFetch)();
      await run(viaClient)();
    }
    const { ratio, subjectMs, baselineMs } = await interleaved(RUNS, run(viaClient), run(viaFetch));
    const us = (ms: number) => ((ms / CALLS_PER_RUN) * 1000).toFixed(0);
    return [
      {
        name: "client GET vs plain fetch (same local server)",
        value: ratio,
        unit: "ratio",
        target: 1.1,
        note: `${us(subjectMs)} us vs ${us(baselineMs)} us per call, medians of ${RUNS} x ${CALLS_PER_RUN}`,
      },
    ];
  } finally {
    await worker.terminate();
  }
}

import { Worker } from "node:worker_threads";
import createFetchClient from "openapi-fetch";
import { createClient } from "/work/main/src/client.ts";
const SERVER = `
const { createServer } = require("node:http");
const { parentPort } = require("node:worker_threads");
const body = JSON.stringify({ data: Array.from({ length: 20 }, (_, i) => ({ id: "x" + i, name: "clone " + i })), meta: { page_number: 1 } });
const server = createServer((req, res) => { res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }); res.end(body); });
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
`;
const worker = new Worker(SERVER, { eval: true });
const port = await new Promise<number>((r) => worker.once("message", r));
const baseUrl = `http://127.0.0.1:${port}/v2`;
const apiKey = "KEY_bench";
const headers = { Accept: "application/json", "User-Agent": "telnyx-typed/0.1.0", Authorization: `Bearer ${apiKey}` };
const url = `${baseUrl}/voice_clones?page[number]=1&page[size]=20`;
const query = { "page[number]": 1, "page[size]": 20 };
const client = createClient({ apiKey, baseUrl });
const raw = createFetchClient<any>({ baseUrl, headers });
const v: Record<string, () => Promise<unknown>> = {
  fetch: async () => (await fetch(url, { headers })).json(),
  raw: async () => (await raw.GET("/voice_clones", { params: { query } })).data,
  client: async () => (await client.GET("/voice_clones", { params: { query } })).data,
};
const N = 300;
const time = async (f: () => Promise<unknown>) => { const t = performance.now(); for (let i = 0; i < N; i++) await f(); return performance.now() - t; };
for (let i = 0; i < 3; i++) for (const f of Object.values(v)) await time(f);
const r: Record<string, number[]> = { raw: [], client: [] };
for (let k = 0; k < 21; k++) { const b = await time(v.fetch); r.raw.push((await time(v.raw)) / b); r.client.push((await time(v.client)) / b); }
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1];
console.log("raw", med(r.raw).toFixed(3), "client", med(r.client).toFixed(3));
await worker.terminate();

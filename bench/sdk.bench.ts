/**
 * `listVoiceClones` against the official Stainless-generated `telnyx` SDK
 * (7.24.0, a devDependency): the same 2,000 clones from the same local server
 * (in a child process, so its work is billed to neither side), walked in
 * pages of 20 (100 pages) and of 250 (8 pages). The figure is CPU time of
 * this process (user + system, `process.cpuUsage()`) per walk: the two sides
 * take turns (the order alternating per pair), each after a full GC, and the
 * result is the median of the per-pair ratios. Wall times are in the note.
 */
import Telnyx from "telnyx";
import { listVoiceClones } from "../generated/paginators.js";
import { createClient } from "../src/client.js";
import { exposeGc, pairedRatio, type Walk } from "./paired.js";
import { remoteServer } from "./remote-server.js";
import type { BenchResult } from "./types.js";

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 21));
const API_KEY = "KEY_bench_0123456789abcdef";
const CLONES = 2_000;

export default async function bench(): Promise<BenchResult[]> {
  const server = await remoteServer({ count: CLONES });
  try {
    const results: BenchResult[] = [];
    for (const pageSize of [20, 250]) results.push(await versusSdk(server.url, pageSize, server.pages));
    return results;
  } finally {
    await server.close();
  }
}

async function versusSdk(url: string, pageSize: number, pagesSent: () => Promise<number[]>): Promise<BenchResult> {
  const client = createClient({ apiKey: API_KEY, baseUrl: url });
  const sdk = new Telnyx({ apiKey: API_KEY, baseURL: url, logLevel: "off" });
  let sink = 0;
  const ours: Walk = async () => {
    for await (const clone of listVoiceClones(client, {}, { pageSize })) sink += clone.name!.length;
  };
  const theirs: Walk = async () => {
    for await (const clone of sdk.voiceClones.list({ "page[size]": pageSize })) sink += clone.name!.length;
  };
  const pages = Math.ceil(CLONES / pageSize);
  const want = Array.from({ length: pages }, (_, i) => i + 1).join(",");
  await pagesSent(); // forgets the pages sent before
  for (const [side, walk] of [
    ["telnyx SDK", theirs],
    ["listVoiceClones", ours],
  ] as const) {
    await walk(); // warms up: JIT, keep-alive connections, the server's sorted list
    const sent = (await pagesSent()).join(",");
    if (sent !== want)
      throw new Error(`the ${side} sent pages ${sent.slice(0, 200)}, expected 1 to ${pages} once each`);
  }
  exposeGc();
  const { cpu, wall } = await pairedRatio(RUNS, ours, theirs);
  if (sink === 0) throw new Error("nothing iterated");
  return {
    name: `listVoiceClones vs the telnyx SDK 7.24.0, CPU per walk, ${pages} pages of ${pageSize}`,
    value: cpu.ratio,
    unit: "ratio",
    target: 0.75,
    note:
      `CPU median ${cpu.subjectMs.toFixed(1)} ms vs ${cpu.baselineMs.toFixed(1)} ms; ` +
      `wall ${wall.ratio.toFixed(3)} (${wall.subjectMs.toFixed(1)} ms vs ${wall.baselineMs.toFixed(1)} ms); median ratio of ${RUNS} pairs`,
  };
}

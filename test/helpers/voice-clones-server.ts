/**
 * A real `node:http` server on 127.0.0.1 (port 0) implementing
 * `GET /voice_clones` of spec/openapi.yaml over a fixture: bearer auth,
 * `filter[name]` (case-insensitive substring), `filter[provider]`
 * (case-insensitive), `sort`, `page[number]`/`page[size]` and `meta`; plus
 * the ways real servers misbehave, switched on one by one. Every request is
 * logged (page asked, and whether the client aborted it before the answer).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { VoiceCloneData } from "../../generated/schema.js";

export interface Misbehaviour {
  /** Always answer page 1 (with `meta.page_number: 1`, unless `noMeta`). */
  ignorePageNumber?: boolean;
  /** `meta.total_pages` larger than the data by this many pages (the extra pages are empty). */
  extraTotalPages?: number;
  /** Answer without `meta`. */
  noMeta?: boolean;
  /** Serve at most this many items a page, whatever `page[size]` asks (meta tells the truth). */
  capPageSize?: number;
  /** Answer 500 to this page number. */
  failPage?: number;
  /** Answer items that break the spec (`record_type` outside its enum). */
  offSpec?: boolean;
}

export interface ServerOptions {
  clones: readonly VoiceCloneData[];
  misbehave?: Misbehaviour;
  /** Delay before each answer, in ms (or per page number). */
  latencyMs?: number | ((page: number) => number);
}

export interface RequestRecord {
  page: number;
  size: number;
  query: string;
  /** The client went away before the answer was sent. */
  aborted: boolean;
}

export interface VoiceClonesServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: RequestRecord[];
  /** Most page requests the server was working on at the same time. */
  readonly peakInFlight: number;
  /** Changes the fixture or the behaviour from now on, and forgets the request log. */
  reset(patch: Partial<ServerOptions>): void;
  close(): Promise<void>;
}

const SORTS = new Set(["name", "-name", "created_at", "-created_at"]);
const PROVIDERS = new Set(["telnyx", "minimax"]);

export async function startVoiceClonesServer(options: ServerOptions): Promise<VoiceClonesServer> {
  const requests: RequestRecord[] = [];
  const lists = new Map<string, VoiceCloneData[]>(); // filtered + sorted, per filter and sort
  const load = { now: 0, peak: 0 };
  const server = createServer((req, res) => {
    handle(req, res, options, requests, lists, load);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get peakInFlight() {
      return load.peak;
    },
    reset(patch) {
      options = { ...options, ...patch };
      lists.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function handle(req: IncomingMessage, res: ServerResponse, options: ServerOptions, requests: RequestRecord[], lists: Map<string, VoiceCloneData[]>, load: { now: number; peak: number }): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (!/^Bearer \S+$/.test(req.headers.authorization ?? "")) return send(res, 401, errors("10009", "Authentication failed", "missing or invalid bearer token"));
  if (req.method !== "GET" || url.pathname !== "/voice_clones") return send(res, 404, errors("10005", "Resource not found", `${req.method} ${url.pathname}`));

  const q = url.searchParams;
  const page = integerParam(q.get("page[number]"), 1);
  const size = integerParam(q.get("page[size]"), 20);
  const sort = q.get("sort") ?? "-created_at";
  const provider = q.get("filter[provider]");
  if (page === undefined || page < 1) return send(res, 400, errors("10015", "Bad request", "page[number] must be an integer >= 1", "/page/number"));
  if (size === undefined || size < 1 || size > 250) return send(res, 400, errors("10015", "Bad request", "page[size] must be an integer from 1 to 250", "/page/size"));
  if (!SORTS.has(sort)) return send(res, 400, errors("10015", "Bad request", "unknown sort", "/sort"));
  if (provider !== null && !PROVIDERS.has(provider.toLowerCase())) return send(res, 400, errors("10015", "Bad request", "unknown provider", "/filter/provider"));

  const record: RequestRecord = { page, size, query: url.search, aborted: false };
  requests.push(record);
  const answer = () => {
    if (res.destroyed || req.destroyed) {
      record.aborted = true;
      return;
    }
    const bad = options.misbehave ?? {};
    if (bad.failPage === page) return send(res, 500, errors("10007", "Unexpected error", `page ${page} failed`));
    const name = q.get("filter[name]");
    const key = `${name ?? ""}\u0000${provider ?? ""}\u0000${sort}`;
    let list = lists.get(key);
    if (!list) lists.set(key, (list = select(options.clones, name, provider, sort)));
    const served = bad.ignorePageNumber ? 1 : page;
    const perPage = Math.min(size, bad.capPageSize ?? size);
    const data = list.slice((served - 1) * perPage, served * perPage);
    const meta = {
      page_number: served,
      page_size: perPage,
      total_results: list.length,
      total_pages: Math.ceil(list.length / perPage) + (bad.extraTotalPages ?? 0),
    };
    const items = bad.offSpec ? data.map((c) => ({ ...c, record_type: "not_a_clone" })) : data;
    send(res, 200, bad.noMeta ? { data: items } : { data: items, meta });
  };
  load.peak = Math.max(load.peak, ++load.now);
  res.on("close", () => {
    load.now--;
    if (!res.writableFinished) record.aborted = true;
  });
  const latency = typeof options.latencyMs === "function" ? options.latencyMs(page) : options.latencyMs;
  if (latency) setTimeout(answer, latency);
  else answer();
}

function select(clones: readonly VoiceCloneData[], name: string | null, provider: string | null, sort: string): VoiceCloneData[] {
  const needle = name?.toLowerCase();
  const wanted = provider?.toLowerCase();
  const list = clones.filter((c) => (needle === undefined || (c.name ?? "").toLowerCase().includes(needle)) && (wanted === undefined || c.provider?.toLowerCase() === wanted));
  const field = sort.replace(/^-/, "") as "name" | "created_at";
  const sign = sort.startsWith("-") ? -1 : 1;
  return list.sort((a, b) => sign * compare(a[field] ?? "", b[field] ?? "") || compare(a.id ?? "", b.id ?? ""));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function integerParam(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback;
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

function errors(code: string, title: string, detail: string, pointer?: string) {
  return { errors: [{ code, title, detail, ...(pointer && { source: { pointer } }) }] };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "x-request-id": `req-${status}` });
  res.end(text);
}

const NAMES = ["Aurora", "Basil", "Cedar", "Dahlia", "Ember", "Fennel", "Garnet", "Hazel", "Iris", "Juniper"];

/** `count` distinct clones, the same on every run: varied names, providers and dates. */
export function makeClones(count: number): VoiceCloneData[] {
  const out: VoiceCloneData[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
    const telnyx = i % 3 !== 0;
    const created = new Date(start + ((i * 7919) % 1_000_003) * 60_000).toISOString();
    out.push({
      record_type: "voice_clone",
      id,
      source_voice_design_id: i % 2 ? `10000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}` : null,
      source_voice_design_version: i % 2 ? (i % 5) + 1 : null,
      name: `${NAMES[i % NAMES.length]} ${String(i).padStart(5, "0")}`,
      language: i % 4 ? "en" : null,
      gender: (["male", "female", "neutral", null] as const)[i % 4]!,
      label: i % 6 ? `calm voice ${i}` : null,
      created_at: created,
      updated_at: created,
      provider: telnyx ? "telnyx" : "minimax",
      provider_supported_models: telnyx ? ["NaturalHD"] : ["speech-02-hd", "speech-02-turbo"],
      provider_voice_id: telnyx ? id : `minimax-${i}`,
    });
  }
  return out;
}

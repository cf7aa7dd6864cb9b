/**
 * The one local stand-in for `GET /voice_clones` (node:http, 127.0.0.1,
 * port 0), used by the paging, CLI and benchmark code: bearer auth (any
 * bearer token, or exactly `apiKey`), `filter[name]` (case-insensitive
 * substring), `filter[provider]` (case-insensitive), `sort`,
 * `page[number]`/`page[size]` and `meta` as spec/openapi.yaml says; plus the
 * ways real servers misbehave, switched on one by one. Every request is
 * recorded as it arrives (its query, authorization, and whether the client
 * went away before the answer); a test can hold a page until it releases it,
 * or have the next request for a page fail.
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
  /** Answer 500 to this page number, every time. */
  failPage?: number;
  /** Answer items that break the spec (`record_type` outside its enum). */
  offSpec?: boolean;
}

export interface ServerOptions {
  clones: readonly VoiceCloneData[];
  /** Accept only `Bearer <apiKey>` (default: any bearer token). */
  apiKey?: string;
  misbehave?: Misbehaviour;
  /** Delay before each answer, in ms (or per page number); `Infinity` never answers (until the client goes away). */
  latencyMs?: number | ((page: number) => number);
}

export interface RequestRecord {
  page: number;
  size: number;
  /** The query string as sent (`?...`). */
  query: string;
  params: URLSearchParams;
  authorization: string;
  /** The client went away before the answer was sent. */
  aborted: boolean;
}

export interface Hold {
  /** Resolves when the held page has been requested. */
  requested: Promise<void>;
  release(): void;
}

export interface VoiceClonesServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  readonly clones: readonly VoiceCloneData[];
  requests: RequestRecord[];
  /** Most page requests the server was working on at the same time. */
  readonly peakInFlight: number;
  /** Changes the fixture or the behaviour from now on, and forgets the request log. */
  reset(patch: Partial<ServerOptions>): void;
  /** The next request for `page` waits until released. */
  hold(page: number): Hold;
  /** The next request for `page` gets this status and error objects. */
  failNext(page: number, status: number, errors: object[]): void;
  close(): Promise<void>;
}

const SORTS = new Set(["name", "-name", "created_at", "-created_at"]);
const PROVIDERS = new Set(["telnyx", "minimax"]);

interface State {
  options: ServerOptions;
  requests: RequestRecord[];
  /** Filtered and sorted lists, per filter and sort. */
  lists: Map<string, VoiceCloneData[]>;
  load: { now: number; peak: number };
  holds: Map<number, { gate: Promise<void>; reached: () => void; release: () => void }>;
  failures: Map<number, { status: number; errors: object[] }>;
}

export async function startVoiceClonesServer(options: ServerOptions): Promise<VoiceClonesServer> {
  const state: State = {
    options,
    requests: [],
    lists: new Map(),
    load: { now: 0, peak: 0 },
    holds: new Map(),
    failures: new Map(),
  };
  const server = createServer((req, res) => {
    handle(req, res, state).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get clones() {
      return state.options.clones;
    },
    requests: state.requests,
    get peakInFlight() {
      return state.load.peak;
    },
    reset(patch) {
      state.options = { ...state.options, ...patch };
      state.lists.clear();
      state.requests.length = 0;
    },
    hold(page) {
      let release!: () => void;
      let reached!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const requested = new Promise<void>((r) => (reached = r));
      state.holds.set(page, { gate, reached, release });
      return { requested, release };
    },
    failNext(page, status, errors) {
      state.failures.set(page, { status, errors });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const held of state.holds.values()) held.release();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const { options } = state;
  const url = new URL(req.url ?? "/", "http://localhost");
  const q = url.searchParams;
  const page = integerParam(q.get("page[number]"), 1);
  const size = integerParam(q.get("page[size]"), 20);
  const record: RequestRecord = {
    page: page ?? Number.NaN,
    size: size ?? Number.NaN,
    query: url.search,
    params: q,
    authorization: req.headers.authorization ?? "",
    aborted: false,
  };
  state.requests.push(record);

  const authorized =
    options.apiKey === undefined
      ? /^Bearer \S+$/.test(record.authorization)
      : record.authorization === `Bearer ${options.apiKey}`;
  if (!authorized) return send(res, 401, errors("10009", "Authentication failed", "The API key is invalid"));
  if (req.method !== "GET" || url.pathname !== "/voice_clones")
    return send(res, 404, errors("10005", "Resource not found", `No route ${req.method} ${url.pathname}`));
  const sort = q.get("sort") ?? "-created_at";
  const provider = q.get("filter[provider]");
  if (page === undefined || page < 1)
    return send(res, 400, errors("10015", "Bad request", "page[number] must be an integer >= 1", "/page/number"));
  if (size === undefined || size < 1 || size > 250)
    return send(res, 400, errors("10015", "Bad request", "page[size] must be an integer from 1 to 250", "/page/size"));
  if (!SORTS.has(sort)) return send(res, 400, errors("10015", "Bad request", "unknown sort", "/sort"));
  if (provider !== null && !PROVIDERS.has(provider.toLowerCase()))
    return send(res, 400, errors("10015", "Bad request", "unknown provider", "/filter/provider"));

  state.load.peak = Math.max(state.load.peak, ++state.load.now);
  res.on("close", () => {
    state.load.now--;
    if (!res.writableFinished) record.aborted = true;
  });
  const held = state.holds.get(page);
  if (held) {
    state.holds.delete(page);
    held.reached();
    await held.gate;
  }
  const latency = typeof options.latencyMs === "function" ? options.latencyMs(page) : options.latencyMs;
  if (latency === Number.POSITIVE_INFINITY) return; // never answers; the request ends when the client goes away
  if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
  if (res.destroyed || req.destroyed) {
    record.aborted = true;
    return;
  }
  const failure = state.failures.get(page);
  if (failure) {
    state.failures.delete(page);
    return send(res, failure.status, { errors: failure.errors });
  }
  const bad = options.misbehave ?? {};
  if (bad.failPage === page) return send(res, 500, errors("10007", "Unexpected error", `page ${page} failed`));
  const name = q.get("filter[name]");
  const key = `${name ?? ""}\u0000${provider ?? ""}\u0000${sort}`;
  let list = state.lists.get(key);
  if (!list) {
    list = select(options.clones, name, provider, sort);
    state.lists.set(key, list);
  }
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
}

function select(
  clones: readonly VoiceCloneData[],
  name: string | null,
  provider: string | null,
  sort: string,
): VoiceCloneData[] {
  const needle = name?.toLowerCase();
  const wanted = provider?.toLowerCase();
  const list = clones.filter(
    (c) =>
      (needle === undefined || (c.name ?? "").toLowerCase().includes(needle)) &&
      (wanted === undefined || c.provider?.toLowerCase() === wanted),
  );
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
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-request-id": `req-${status}`,
  });
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

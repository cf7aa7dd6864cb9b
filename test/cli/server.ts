/**
 * A local stand-in for `GET /voice_clones` (node:http, 127.0.0.1, port 0):
 * bearer auth, `page[number]`/`page[size]` with the spec's `meta`, the
 * `filter[name]`/`filter[provider]` filters and `sort`. It records every
 * request's query, can hold a page until the test releases it, and can answer
 * one page with an error.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Clone {
  record_type: "voice_clone";
  id: string;
  name: string;
  provider: string;
  gender: string | null;
  language: string;
  created_at: string;
  updated_at: string;
  label: string;
}

export interface Hold {
  /** Resolves when the held page has been requested. */
  requested: Promise<void>;
  release(): void;
}

export interface TestServer {
  url: string;
  clones: Clone[];
  /** The query of every request, in order. */
  queries: URLSearchParams[];
  /** Authorization headers seen. */
  authorizations: string[];
  hold(page: number): Hold;
  /** The next request for `page` gets this status and error body. */
  failPage(page: number, status: number, errors: object[]): void;
  close(): Promise<void>;
}

const PROVIDERS = ["telnyx", "minimax"];
const GENDERS = ["female", "male", "neutral", null];

export function makeClones(count: number): Clone[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    const day = String((i % 28) + 1).padStart(2, "0");
    return {
      record_type: "voice_clone",
      id: `00000000-0000-4000-8000-0000000000${n}`,
      name: `clone-${n}`,
      provider: PROVIDERS[i % 2]!,
      gender: GENDERS[i % 4]!,
      language: "en",
      created_at: `2025-01-${day}T10:00:00Z`,
      updated_at: `2025-02-${day}T10:00:00Z`,
      label: `A calm, warm narration voice number ${n} with a long description that needs cutting`,
    };
  });
}

export async function startServer(options: { apiKey: string; count?: number }): Promise<TestServer> {
  const clones = makeClones(options.count ?? 45);
  const queries: URLSearchParams[] = [];
  const authorizations: string[] = [];
  const holds = new Map<number, { gate: Promise<void>; reached: () => void }>();
  const failures = new Map<number, { status: number; errors: object[] }>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    queries.push(url.searchParams);
    authorizations.push(req.headers.authorization ?? "");
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET" || url.pathname !== "/voice_clones") return send(404, { errors: [{ code: "10005", title: "Resource not found", detail: `No route ${req.method} ${url.pathname}` }] });
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return send(401, { errors: [{ code: "10009", title: "Authentication failed", detail: "The API key is invalid" }] });
    }
    const page = Number(url.searchParams.get("page[number]") ?? "1");
    const size = Number(url.searchParams.get("page[size]") ?? "20");
    const held = holds.get(page);
    if (held) {
      holds.delete(page);
      held.reached();
      await held.gate;
    }
    const failure = failures.get(page);
    if (failure) {
      failures.delete(page);
      return send(failure.status, { errors: failure.errors });
    }
    const name = url.searchParams.get("filter[name]")?.toLowerCase();
    const provider = url.searchParams.get("filter[provider]")?.toLowerCase();
    const sort = url.searchParams.get("sort") ?? "-created_at";
    const key = sort.replace(/^-/, "") as "name" | "created_at";
    const matching = clones
      .filter((c) => (name === undefined || c.name.toLowerCase().includes(name)) && (provider === undefined || c.provider === provider))
      .sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id < b.id ? -1 : 1) * (sort.startsWith("-") ? -1 : 1));
    const totalPages = Math.ceil(matching.length / size);
    send(200, {
      data: matching.slice((page - 1) * size, page * size),
      meta: { page_number: page, page_size: size, total_results: matching.length, total_pages: totalPages },
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clones,
    queries,
    authorizations,
    hold(page) {
      let release!: () => void;
      let reached!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const requested = new Promise<void>((r) => (reached = r));
      holds.set(page, { gate, reached });
      return { requested, release };
    },
    failPage(page, status, errors) {
      failures.set(page, { status, errors });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const h of holds.values()) h.reached();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

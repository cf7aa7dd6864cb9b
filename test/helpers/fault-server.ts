/**
 * A real `node:http` server on 127.0.0.1 (port 0) that answers from a script:
 * each request takes the next scripted fault (a status with headers and body,
 * a connection reset, or no answer at all), then the fallback. Every request
 * is recorded with its method, URL, headers and body.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Fault =
  /** An answer. An object body is sent as JSON; `body: undefined` sends no body (Content-Length: 0). */
  | {
      status: number;
      headers?: Record<string, string>;
      body?: string | object;
      /** Send the body chunked (no Content-Length): an empty one reaches openapi-fetch as `""`. */
      chunked?: boolean;
      delayMs?: number;
      /** Send the headers and half the body, then stall ("hang") or destroy the socket ("reset"). */
      cut?: "hang" | "reset";
    }
  /** Destroy the socket without answering (the client sees a reset / "other side closed"). */
  | { reset: true }
  /** Never answer. */
  | { hang: true };

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Adds faults to answer the next requests with, in order. */
  script(...faults: Fault[]): void;
  /** The answer once the script is used up; default 200 `{ data: [] }`. */
  fallback: Fault | ((request: RecordedRequest) => Fault);
  /** Called as each request arrives (after it is recorded). */
  onRequest?: (request: RecordedRequest) => void;
  close(): Promise<void>;
}

export const OK_BODY = {
  data: [{ id: "0b7a5f8e-0000-4000-8000-000000000001", name: "clone" }],
  meta: { page_number: 1, page_size: 20, total_pages: 1, total_results: 1 },
};

export async function startFaultServer(): Promise<FaultServer> {
  const queue: Fault[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const record: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      state.requests.push(record);
      state.onRequest?.(record);
      const next = queue.shift() ?? (typeof state.fallback === "function" ? state.fallback(record) : state.fallback);
      answer(res, next);
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const state: FaultServer = {
    url: `http://127.0.0.1:${port}`,
    requests: [],
    script: (...faults) => void queue.push(...faults),
    fallback: { status: 200, body: OK_BODY },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return state;
}

function answer(res: ServerResponse, fault: Fault): void {
  if ("reset" in fault) {
    res.socket?.destroy();
    return;
  }
  if ("hang" in fault) return;
  const send = () => {
    const isJson = fault.body !== undefined && typeof fault.body !== "string";
    const body = fault.body === undefined ? "" : isJson ? JSON.stringify(fault.body) : (fault.body as string);
    const headers: Record<string, string> = {
      ...(isJson ? { "content-type": "application/json" } : {}),
      ...fault.headers,
    };
    if (fault.cut) {
      res.writeHead(fault.status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
      res.write(body.slice(0, body.length >> 1));
      if (fault.cut === "reset") setTimeout(() => res.socket?.destroy(), 20);
    } else if (fault.chunked) {
      res.writeHead(fault.status, { ...headers, "transfer-encoding": "chunked" });
      if (body) res.write(body);
      res.end();
    } else {
      res.writeHead(fault.status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
      res.end(body);
    }
  };
  if (fault.delayMs) setTimeout(send, fault.delayMs);
  else send();
}

/**
 * Bodies too large to hold, against a real server: a 2xx body over
 * `maxBodyBytes` (declared or not) is an `InvalidResponseError` naming the
 * method, URL and status, never a bare `Error`; an error body is read only
 * up to a bound (enough for its summary), the rest left unsent.
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/client.js";
import { InternalServerError, InvalidResponseError, unwrap } from "../../src/errors.js";
import { ERROR_BODY_BYTES } from "../../src/fetch/read-response.js";

const MiB = 1024 * 1024;

interface Streaming {
  url: string;
  /** Bytes written to each answer before it ended or the client went away. */
  written: number[];
  close(): Promise<void>;
}

/**
 * Answers every request with `total` bytes of `chunk` repeated, written as
 * the client reads them (backpressure), with `Content-Length` when `declare`.
 */
async function streamingServer(options: {
  status: number;
  contentType: string;
  chunk: string;
  total: number;
  declare: boolean;
  head?: string;
}): Promise<Streaming> {
  const written: number[] = [];
  const server: Server = createServer((_req, res) => {
    const index = written.push(0) - 1;
    res.writeHead(options.status, {
      "content-type": options.contentType,
      ...(options.declare && { "content-length": String(options.total) }),
    });
    const write = (res: ServerResponse) => {
      while (written[index]! < options.total) {
        const text = written[index] === 0 && options.head ? options.head : options.chunk;
        written[index]! += Buffer.byteLength(text);
        if (!res.write(text)) return void res.once("drain", () => write(res));
      }
      res.end();
    };
    res.on("close", () => res.removeAllListeners("drain"));
    write(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    written,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let server: Streaming | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("2xx bodies over maxBodyBytes", () => {
  it("a declared 600 MB body: InvalidResponseError at once, with method, URL and status, nothing read", async () => {
    server = await streamingServer({
      status: 200,
      contentType: "application/json",
      chunk: "x".repeat(64 * 1024),
      total: 600 * 1000 * 1000,
      declare: true,
    });
    const client = createClient({ apiKey: "test-key", baseUrl: server.url, maxRetries: 0 });
    const error = await client.GET("/voice_clones").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/voice_clones answered 200 with a body of more than 268435456 bytes \(maxBodyBytes\): too large to hold$/,
    );
    expect((error as InvalidResponseError).status).toBe(200);
    expect(server.written[0]).toBeLessThan(64 * MiB);
  });

  it("an undeclared (chunked) body past the bound: read up to it, then InvalidResponseError", async () => {
    server = await streamingServer({
      status: 200,
      contentType: "application/json",
      chunk: "y".repeat(16 * 1024),
      total: 64 * MiB,
      declare: false,
    });
    const client = createClient({ apiKey: "test-key", baseUrl: server.url, maxRetries: 0, maxBodyBytes: MiB });
    const error = await client.GET("/voice_clones").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("answered 200 with a body of more than 1048576 bytes (maxBodyBytes)");
    expect(server.written[0]).toBeLessThan(32 * MiB);
  });

  it("a body at the bound is read", async () => {
    const body = JSON.stringify({ data: ["z".repeat(1000)] });
    server = await streamingServer({
      status: 200,
      contentType: "application/json",
      chunk: body,
      total: body.length,
      declare: true,
    });
    const client = createClient({ apiKey: "test-key", baseUrl: server.url, maxRetries: 0, maxBodyBytes: body.length });
    const { data } = await client.GET("/voice_clones");
    expect(data).toEqual({ data: ["z".repeat(1000)] });
  });
});

describe("error bodies are read only up to a bound", () => {
  it("a 200 MB HTML 502: the ApiError names its title, and most of the body is never sent", async () => {
    server = await streamingServer({
      status: 502,
      contentType: "text/html",
      head: "<html><head><title>Bad gateway</title></head><body>",
      chunk: "<p>upstream trouble</p>".repeat(2048),
      total: 200 * 1000 * 1000,
      declare: true,
    });
    const client = createClient({ apiKey: "test-key", baseUrl: server.url, maxRetries: 0 });
    const result = await client.GET("/voice_clones");
    expect(result.response.status).toBe(502);
    expect(typeof result.error).toBe("string");
    expect((result.error as string).length).toBeLessThanOrEqual(ERROR_BODY_BYTES);
    expect(() => unwrap(result)).toThrow(InternalServerError);
    expect(() => unwrap(result)).toThrow(
      '502 Bad Gateway: HTML body "Bad gateway" (not JSON: a proxy or gateway answered?)',
    );
    expect(server.written[0]).toBeLessThan(64 * MiB);
  });
});

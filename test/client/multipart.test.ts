/**
 * Uploads: a body holding a Blob goes as a real multipart/form-data body
 * (boundary, each part's name, filename and content type), sent to a
 * node:http server on 127.0.0.1 that keeps the bytes it received and parses
 * them with the platform's own multipart parser (`Request.formData()`).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "openapi-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient, multipartBody } from "../../src/client.js";

/** The upload operation of test/fixtures/writes/requests.yaml, as the generator types it (files are Blobs). */
interface UploadPaths {
  "/clones": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: {
        content: {
          "multipart/form-data": {
            file: Blob;
            transcript?: Blob;
            name: string;
            language?: string;
            tags?: string[];
            settings?: { record?: boolean };
            count?: number;
            samples?: Blob[];
            note?: string | null;
          };
        };
      };
      responses: { 200: { headers: { [name: string]: unknown }; content: { "application/json": { id: string } } } };
    };
  };
  "/media": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { "application/json": { media_url: string }; "multipart/form-data": { media: Blob } } };
      responses: { 200: { headers: { [name: string]: unknown }; content: { "application/json": { id: string } } } };
    };
  };
}

interface Received {
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let failFirst = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ contentType: req.headers["content-type"] ?? "", bytes: new Uint8Array(Buffer.concat(chunks)) });
      const status = failFirst-- > 0 ? 503 : 200;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ id: "c1" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
  failFirst = 0;
});

const client = () =>
  createClient({ apiKey: "test-key", baseUrl, initialRetryDelayMs: 1 }) as unknown as Client<UploadPaths>;

/** The received body, parsed as multipart/form-data by the platform. */
function parts(body: Received): Promise<FormData> {
  return new Request("http://127.0.0.1/", {
    method: "POST",
    body: body.bytes,
    headers: { "content-type": body.contentType },
  }).formData();
}

async function fileOf(
  form: FormData,
  name: string,
  index = 0,
): Promise<{ name: string; type: string; bytes: number[] }> {
  const value = form.getAll(name)[index];
  if (!(value instanceof File)) throw new Error(`part ${name} is not a file: ${String(value)}`);
  return { name: value.name, type: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
}

const EVERY_BYTE = Uint8Array.from({ length: 256 }, (_, i) => i);

describe("a body holding a Blob", () => {
  it("goes as multipart/form-data: a boundary, and each part's name, filename, content type and bytes", async () => {
    const file = new File([EVERY_BYTE], "voice.wav", { type: "audio/wav" });
    const transcript = new Blob(["Hello, ñ \u{1F600}\r\n--not a boundary"], { type: "text/plain" });
    const { data, response } = await client().POST("/clones", {
      body: {
        file,
        transcript,
        name: "Ada \u{1F600}",
        language: "en",
        tags: ["a", "b"],
        settings: { record: true },
        count: 3,
        note: null,
      },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({ id: "c1" });
    const [body] = received;
    expect(body!.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const form = await parts(body!);
    expect([...form.keys()]).toEqual(["file", "transcript", "name", "language", "tags", "tags", "settings", "count"]);
    expect(await fileOf(form, "file")).toEqual({ name: "voice.wav", type: "audio/wav", bytes: [...EVERY_BYTE] });
    expect(await fileOf(form, "transcript")).toEqual({
      name: "blob",
      type: "text/plain",
      bytes: [...new TextEncoder().encode("Hello, ñ \u{1F600}\r\n--not a boundary")],
    });
    expect(form.get("name")).toBe("Ada \u{1F600}");
    expect(form.get("language")).toBe("en");
    expect(form.getAll("tags")).toEqual(["a", "b"]);
    expect(form.get("settings")).toBe('{"record":true}');
    expect(form.get("count")).toBe("3");
  });

  it("an array of files is one part per file under the same name; a Blob with no type is application/octet-stream", async () => {
    const samples = [
      new File([Uint8Array.of(1, 2, 3)], "one.mp3", { type: "audio/mpeg" }),
      new Blob([Uint8Array.of(0, 255)]),
    ];
    await client().POST("/clones", { body: { file: new Blob([Uint8Array.of(9)]), name: "n", samples } });
    const form = await parts(received[0]!);
    expect(await fileOf(form, "samples", 0)).toEqual({ name: "one.mp3", type: "audio/mpeg", bytes: [1, 2, 3] });
    expect(await fileOf(form, "samples", 1)).toEqual({
      name: "blob",
      type: "application/octet-stream",
      bytes: [0, 255],
    });
    expect(await fileOf(form, "file")).toEqual({ name: "blob", type: "application/octet-stream", bytes: [9] });
  });

  it("a retried upload (with an Idempotency-Key) resends the same multipart bytes", async () => {
    failFirst = 1;
    const { response } = await client().POST("/clones", {
      body: { file: new File([EVERY_BYTE], "v.wav", { type: "audio/wav" }), name: "n" },
      headers: { "Idempotency-Key": "k1" },
    });
    expect(response.status).toBe(200);
    expect(received).toHaveLength(2);
    expect(received[1]!.contentType).toBe(received[0]!.contentType);
    expect(Buffer.from(received[1]!.bytes).equals(Buffer.from(received[0]!.bytes))).toBe(true);
    expect(await fileOf(await parts(received[1]!), "file")).toEqual({
      name: "v.wav",
      type: "audio/wav",
      bytes: [...EVERY_BYTE],
    });
  });
});

describe("a body without a Blob", () => {
  it("goes as JSON, as before (an operation that takes JSON or multipart)", async () => {
    await client().POST("/media", { body: { media_url: "https://example.com/a.mp3" } });
    expect(received[0]!.contentType).toBe("application/json");
    expect(new TextDecoder().decode(received[0]!.bytes)).toBe('{"media_url":"https://example.com/a.mp3"}');
  });

  it("goes as multipart/form-data with `bodySerializer: multipartBody` (a multipart-only operation called without a file)", async () => {
    await client().POST("/clones", { body: { name: "n", language: "de" } as never, bodySerializer: multipartBody });
    const form = await parts(received[0]!);
    expect([...form.entries()]).toEqual([
      ["name", "n"],
      ["language", "de"],
    ]);
  });

  it("a FormData the caller built is sent as it is", async () => {
    const form = new FormData();
    form.append("name", "x");
    await client().POST("/clones", { body: form as never });
    expect([...(await parts(received[0]!)).entries()]).toEqual([["name", "x"]]);
  });
});

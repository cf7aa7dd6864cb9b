/**
 * Multipart-only operations (generated/multipart-operations.ts) go as
 * multipart/form-data with or without a file: through `client.POST` and
 * through their per-operation function, the serializer chosen by method and
 * path. A JSON operation stays JSON, and a `bodySerializer` the caller passes
 * wins. The server on 127.0.0.1 parses what it receives with the platform's
 * own parser (`Request.formData()`).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { multipartOperations } from "../../generated/multipart-operations.js";
import { audioPublicAudioTranscriptionsPost, sendMessage } from "../../generated/operations.js";
import { createClient } from "../../src/client.js";

interface Received {
  method: string;
  url: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

let server: Server;
let baseUrl: string;
let received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        contentType: req.headers["content-type"] ?? "",
        bytes: new Uint8Array(Buffer.concat(chunks)),
      });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: {} }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
});

const client = () => createClient({ apiKey: "test-key", baseUrl });

/** The received body parsed as multipart/form-data by the platform: its text parts in order. */
async function formEntries(body: Received): Promise<[string, FormDataEntryValue][]> {
  const form = await new Request("http://127.0.0.1/", {
    method: "POST",
    body: body.bytes,
    headers: { "content-type": body.contentType },
  }).formData();
  return [...form.entries()];
}

const TRANSCRIPTION = {
  file_url: "https://example.com/a.mp3",
  model: "openai/whisper-large-v3-turbo",
  language: "en",
} as const;
const TRANSCRIPTION_PARTS = [
  ["file_url", "https://example.com/a.mp3"],
  ["model", "openai/whisper-large-v3-turbo"],
  ["language", "en"],
];

describe("a multipart-only operation called without a file", () => {
  it("the generated table lists the spec's multipart-only operations, and not those that take JSON too", () => {
    expect(multipartOperations).toContain("POST /ai/audio/transcriptions");
    expect(multipartOperations).toContain("POST /voice_clones/from_upload");
    expect(multipartOperations).not.toContain("POST /media"); // JSON or multipart
    expect(multipartOperations).not.toContain("POST /messages");
  });

  it("client.POST sends its text fields as multipart/form-data parts", async () => {
    const { response } = await client().POST("/ai/audio/transcriptions", { body: TRANSCRIPTION });
    expect(response.status).toBe(200);
    expect(received[0]!.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(await formEntries(received[0]!)).toEqual(TRANSCRIPTION_PARTS);
  });

  it("client.request and the per-operation function send the same multipart body", async () => {
    await client().request("post", "/ai/audio/transcriptions", { body: TRANSCRIPTION });
    await audioPublicAudioTranscriptionsPost(client(), { body: TRANSCRIPTION });
    expect(received.map((r) => r.url)).toEqual(["/ai/audio/transcriptions", "/ai/audio/transcriptions"]);
    for (const body of received) {
      expect(body.contentType).toMatch(/^multipart\/form-data; boundary=/);
      expect(await formEntries(body)).toEqual(TRANSCRIPTION_PARTS);
    }
  });

  it("the per-operation function does so on a plain openapi-fetch client too", async () => {
    const { default: createFetchClient } = await import("openapi-fetch");
    await audioPublicAudioTranscriptionsPost(createFetchClient({ baseUrl }), { body: TRANSCRIPTION });
    expect(await formEntries(received[0]!)).toEqual(TRANSCRIPTION_PARTS);
  });

  it("a bodySerializer the caller passes still wins", async () => {
    const bodySerializer = (body: unknown) => JSON.stringify(body);
    await client().POST("/ai/audio/transcriptions", {
      body: TRANSCRIPTION,
      bodySerializer,
      headers: { "Content-Type": "application/json" },
    });
    await audioPublicAudioTranscriptionsPost(client(), {
      body: TRANSCRIPTION,
      bodySerializer,
      headers: { "Content-Type": "application/json" },
    });
    for (const body of received) {
      expect(body.contentType).toBe("application/json");
      expect(JSON.parse(new TextDecoder().decode(body.bytes))).toEqual(TRANSCRIPTION);
    }
  });
});

describe("JSON operations stay JSON", () => {
  const message = { to: "+13125550001", from: "+13125550002", text: "hi" };

  it("client.POST and the per-operation function of POST /messages", async () => {
    await client().POST("/messages", { body: message });
    await sendMessage(client(), { body: message });
    for (const body of received) {
      expect(body.contentType).toBe("application/json");
      expect(JSON.parse(new TextDecoder().decode(body.bytes))).toEqual(message);
    }
  });

  it("an operation that takes JSON or multipart (POST /media) without a file", async () => {
    await client().POST("/media", { body: { media_url: "https://example.com/a.mp3" } });
    expect(received[0]!.contentType).toBe("application/json");
  });
});

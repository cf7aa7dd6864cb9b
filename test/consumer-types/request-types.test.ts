/**
 * Request semantics in the generated types, on a small fixture spec
 * (test/fixtures/writes/requests.yaml) run through the real generator, then
 * real `tsc --strict`: a defaulted property is optional where the client
 * sends it (request bodies, query objects) and required where it only
 * receives it (responses, webhook payloads); a schema used both ways takes
 * the request rule; multipart file fields are `Blob`s.
 */
import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, outputIn, ROOT, runGenerate, tsc, typecheckRoot } from "../helpers/run-generate.js";

let root: string;
let schema: string;

beforeAll(async () => {
  root = typecheckRoot();
  const out = outputIn(root, "writes");
  const run = await runGenerate(["--spec", fixture("writes", "requests.yaml"), "--out", out, "--lint", "off"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  schema = readFileSync(join(out, "schema.ts"), "utf8");
  cpSync(join(ROOT, "test", "consumer-types", "fixtures", "requests"), join(root, "writes", "consumer"), {
    recursive: true,
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The member line of `name` inside the declaration that opens with `opener` in schema.ts. */
function member(opener: string, name: string): string {
  const start = schema.indexOf(opener);
  expect(start, opener).toBeGreaterThanOrEqual(0);
  const line = schema
    .slice(start)
    .split("\n")
    .find((l) => new RegExp(`^\\s*${name}\\??: `).test(l));
  return line?.trim() ?? "(missing)";
}

describe("generated request and response types", () => {
  it.each([
    [
      "a component schema only requests use: defaulted and optional",
      "CreateMessageRequest: {",
      "auto_detect",
      "auto_detect?: boolean;",
    ],
    [
      "the same schema: defaulted but in `required`",
      "CreateMessageRequest: {",
      "encoding_required",
      "encoding_required: string;",
    ],
    [
      "a component schema only responses (and webhooks) use: defaulted and required",
      "Message: {",
      "direction",
      "direction: string;",
    ],
    ["a component schema both use: the request rule", "CallSettings: {", "record", "record?: boolean;"],
    ["an inline request body", "DialCall: {", "timeout_secs", "timeout_secs?: number;"],
    ["a query object parameter (component)", "        Page: {", "size", "size?: number;"],
    ["an inline query object parameter", "DialCall: {", "verbose", "verbose?: boolean;"],
    ["an inline response", "DialCall: {", "state", "state: string;"],
    ["an inline webhook payload (the server sends it)", "MessageSentWebhook: {", "event_type", "event_type: string;"],
    ["a multipart file, in a component schema", "MediaUpload: {", "media", "media: Blob;"],
    ["a multipart file, inline", "UploadClone: {", "file", "file: Blob;"],
    ["a 3.1 contentMediaType field of a multipart body", "UploadClone: {", "transcript", "transcript?: Blob;"],
    [
      "a binary response body stays a string",
      "UploadClone: {",
      '"application/octet-stream"',
      '"application/octet-stream": string;',
    ],
  ])("%s", (_, opener, name, want) => {
    expect(member(opener, name)).toBe(want);
  });

  it("compile for a consumer that sends bodies without their defaults, uploads Blobs and reads defaulted response fields", async () => {
    const run = await tsc(join(root, "writes"), ["generated/schema.ts", "consumer/uses-request-types.ts"]);
    expect(run.output).toBe("");
    expect(run.code).toBe(0);
  });

  it("reject a missing required property, text for a file, and (the cost) a shared schema's defaulted field read as always there", async () => {
    const run = await tsc(join(root, "writes"), ["generated/schema.ts", "consumer/misuses-request-types.ts"]);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(
      /misuses-request-types\.ts\(4,7\): error TS2741: Property 'encoding_required' is missing/,
    );
    expect(run.output).toMatch(
      /misuses-request-types\.ts\(5,\d+\): error TS2322: Type 'string' is not assignable to type 'Blob'/,
    );
    expect(run.output).toMatch(
      /misuses-request-types\.ts\(6,\d+\): error TS2322: Type 'boolean \| undefined' is not assignable to type 'boolean'/,
    );
    expect(run.output.match(/error TS/g)).toHaveLength(3);
  });
});

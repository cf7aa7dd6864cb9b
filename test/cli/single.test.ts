/**
 * Commands that do not page, run in-process through `run()` with command data
 * of a small fixture API: path parameters fill the path, query flags (array,
 * boolean, `--no-` form) reach the query, `--data` becomes the JSON body, and
 * each output format prints the answer.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandSpec } from "../../src/cli/command-spec.js";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";

const KEY = "KEY0single-Unusual-77c1";
const COMMANDS: CommandSpec[] = [
  {
    resource: "things",
    action: "get",
    method: "get",
    path: "/things/{thing_id}",
    flags: [
      { flag: "thing-id", param: "thing_id", in: "path", type: "string", required: true },
      { flag: "expand", param: "expand", in: "query", type: "string", array: true, enum: ["owner", "tags"] },
      { flag: "verbose", param: "verbose", in: "query", type: "boolean" },
    ],
  },
  {
    resource: "things",
    action: "create",
    method: "post",
    path: "/things",
    flags: [],
    body: { required: true, mediaType: "application/json" },
  },
  {
    resource: "things",
    action: "delete",
    method: "delete",
    path: "/things/{thing_id}",
    flags: [{ flag: "thing-id", param: "thing_id", in: "path", type: "string", required: true }],
  },
];

let server: Server;
let url: string;
const seen: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    seen.push({ method: req.method!, url: req.url!, body });
    const u = new URL(req.url!, "http://x");
    if (req.method === "DELETE") return res.writeHead(204).end();
    res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json" });
    const data =
      req.method === "POST"
        ? { id: "new", ...JSON.parse(body) }
        : { id: u.pathname.split("/").pop(), name: "widget", size: 3 };
    res.end(JSON.stringify({ data }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function telnyx(args: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    env: { TELNYX_API_KEY: KEY, TELNYX_BASE_URL: url },
    readStdin: async () => stdin,
  };
  const code = await run(args, io, new AbortController().signal, COMMANDS);
  expect(stdout + stderr).not.toContain(KEY);
  return { code, stdout, stderr };
}

describe("commands without paging", () => {
  it("path parameter, repeated array flag and boolean flag reach the request; json prints the body", async () => {
    const result = await telnyx([
      "things",
      "get",
      "--thing-id",
      "a/b c",
      "--expand",
      "owner",
      "--expand",
      "tags",
      "--verbose",
    ]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const request = seen.at(-1)!;
    expect(request.method).toBe("GET");
    expect(request.url.split("?")[0]).toBe("/things/a%2Fb%20c");
    const query = new URL(request.url, "http://x").searchParams;
    expect(query.getAll("expand")).toEqual(["owner", "tags"]);
    expect(query.get("verbose")).toBe("true");
    expect(JSON.parse(result.stdout)).toEqual({ data: { id: "a%2Fb%20c", name: "widget", size: 3 } });
  });

  it("--no-<flag> sends false; a bad array value and a missing required flag exit 2", async () => {
    await telnyx(["things", "get", "--thing-id", "x", "--no-verbose"]);
    expect(new URL(seen.at(-1)!.url, "http://x").searchParams.get("verbose")).toBe("false");
    const before = seen.length;
    const bad = await telnyx(["things", "get", "--thing-id", "x", "--expand", "owner", "--expand", "everything"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--expand: invalid value "everything"; allowed values: owner, tags');
    const missing = await telnyx(["things", "get"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required flag --thing-id");
    expect(seen.length).toBe(before);
  });

  it("--data sends JSON (inline or from stdin); invalid JSON exits 2", async () => {
    const inline = await telnyx(["things", "create", "--data", '{"name":"gear"}', "--format", "ndjson"]);
    expect(inline.code).toBe(0);
    expect(seen.at(-1)).toMatchObject({ method: "POST", body: '{"name":"gear"}' });
    expect(inline.stdout).toBe('{"data":{"id":"new","name":"gear"}}\n');
    const piped = await telnyx(["things", "create", "--data", "-"], '{"name":"cog"}');
    expect(JSON.parse(piped.stdout).data.name).toBe("cog");
    const bad = await telnyx(["things", "create", "--data", "{oops"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--data: not valid JSON");
    const none = await telnyx(["things", "create"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing the request body: give its flags, or --data");
  });

  it("table prints an object as field/value rows; a 204 prints nothing", async () => {
    const table = await telnyx(["things", "get", "--thing-id", "t1", "--format", "table"]);
    expect(table.stdout).toBe("FIELD  VALUE\nid     t1\nname   widget\nsize   3\n");
    const gone = await telnyx(["things", "delete", "--thing-id", "t1"]);
    expect(gone).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--limit is not a flag of a command that does not page", async () => {
    const result = await telnyx(["things", "get", "--thing-id", "x", "--limit", "3"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown flag --limit");
  });
});

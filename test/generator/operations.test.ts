/**
 * Per-operation functions (generated/operations.ts), generated from
 * test/fixtures/operations/crud.yaml: their names by the documented rule (a
 * paginated operation's one-page call gets `Page`, colliding names `_2`),
 * `init` required exactly when the operation needs parameters or a body, a
 * consumer that compiles under tsc --strict and one that must not, and real
 * requests through `createClient` to a local node:http server: method, path,
 * query and body as sent, answers as `{ data, error, response }`.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/client.js";
import { fixture, outputIn, runGenerate, tsc, typecheckRoot } from "../helpers/run-generate.js";

type Call = (client: unknown, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
let root: string;
let source: string;
let generated: Record<string, Call>;

beforeAll(async () => {
  root = typecheckRoot();
  const out = outputIn(root, "crud");
  const run = await runGenerate([
    "--spec",
    fixture("operations", "crud.yaml"),
    "--out",
    out,
    "--lint",
    "off",
    "--quiet",
  ]);
  expect(run.stderr).toBe("");
  source = readFileSync(join(out, "operations.ts"), "utf8");
  generated = (await import(pathToFileURL(join(out, "operations.ts")).href)) as typeof generated;
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("names and signatures", () => {
  it("one function per operation, named by the rule, `init` optional only where nothing is required", () => {
    const signatures = [...source.matchAll(/^export function (\w+)\(client: Client<paths>, init(\??): /gm)].map(
      ([, name, optional]) => `${name}${optional}`,
    );
    expect(signatures.sort()).toEqual([
      "createWidget",
      "delete_",
      "getHealth?",
      "getReports?",
      "getReportsReports?",
      "getWidget",
      "listWidgetsPage?",
      "searchWidgets",
      "updateWidget",
    ]);
  });

  it("each names its operation's own types (parameters, body, answers), not a lookup over every path", () => {
    const op = 'paths["/widgets/{id}"]["get"]';
    expect(source).toContain(
      `export function getWidget(client: Client<paths>, init: CallOptions & { params: ${op}["parameters"]; body?: never }): Promise<OperationResult<${op}["responses"][200]["content"]["application/json"], ${op}["responses"][404]["content"]["application/json"]>> {`,
    );
    expect(source).toContain('return callOperation(client, "get", "/widgets/{id}", init);');
  });

  it("compile under tsc --strict for a consumer, and reject a missing body, a wrong field and a missing path parameter", async () => {
    const consumer = `import createClient from "openapi-fetch";
import type { paths } from "./crud/generated/schema.js";
import { createWidget, delete_, getWidget, listWidgetsPage, searchWidgets, updateWidget } from "./crud/generated/operations.js";
const client = createClient<paths>({ baseUrl: "http://127.0.0.1:1" });
export async function ok(): Promise<string[]> {
  const made = await createWidget(client, { body: { name: "a" } });
  const one = await getWidget(client, { params: { path: { id: made.data?.id ?? "x" } } });
  const page = await listWidgetsPage(client, { params: { query: { color: "red" } } });
  await listWidgetsPage(client);
  await updateWidget(client, { params: { path: { id: "x" } } });
  await delete_(client, { params: { path: { id: "x" } } });
  const found = await searchWidgets(client, { params: { query: { q: "a" } } });
  return [one.data?.name ?? one.error?.title ?? "", ...(page.data ?? []).map((w) => w.name), found.data?.id ?? ""];
}
// The same types as client.GET and friends give, both ways.
export async function same(): Promise<void> {
  const path = { params: { path: { id: "x" } } };
  const [a, b] = [await getWidget(client, path), await client.GET("/widgets/{id}", path)];
  const [c, d] = [await createWidget(client, { body: { name: "a" } }), await client.POST("/widgets", { body: { name: "a" } })];
  const [e, f] = [await delete_(client, path), await client.DELETE("/widgets/{id}", path)];
  const [g, h] = [await listWidgetsPage(client), await client.GET("/widgets")];
  const data: [typeof b.data, typeof a.data, typeof d.data, typeof c.data, typeof f.data, typeof e.data, typeof h.data, typeof g.data] = [a.data, b.data, c.data, d.data, e.data, f.data, g.data, h.data];
  const errors: [typeof b.error, typeof a.error, typeof d.error, typeof c.error, typeof f.error, typeof e.error] = [a.error, b.error, c.error, d.error, e.error, f.error];
  void data, void errors;
}
export async function wrong(): Promise<void> {
  // @ts-expect-error the body is required
  await createWidget(client, {});
  // @ts-expect-error no such field
  await createWidget(client, { body: { name: "a", size: 3 } });
  // @ts-expect-error the path parameter is required
  await getWidget(client);
}
`;
    writeFileSync(join(root, "consumer.ts"), consumer);
    const result = await tsc(root, ["consumer.ts"]);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);
});

describe("requests against a local server", () => {
  let server: Server;
  let baseUrl: string;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        seen.push(`${req.method} ${req.url}${body ? ` ${body}` : ""}`);
        const url = new URL(req.url!, "http://127.0.0.1");
        if (req.method === "DELETE") return void res.writeHead(204).end();
        res.setHeader("content-type", "application/json");
        if (url.pathname === "/widgets/missing")
          return void res.writeHead(404).end(JSON.stringify({ title: "no such widget" }));
        if (url.pathname === "/widgets" && req.method === "GET")
          return void res.end(JSON.stringify([{ id: "w1", name: "one" }]));
        res.writeHead(req.method === "POST" ? 201 : 200).end(
          JSON.stringify({
            id: decodeURIComponent(url.pathname.split("/")[2] ?? "new"),
            name: body ? (JSON.parse(body) as { name: string }).name : "w",
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("send the operation's method, path, query and body, and answer { data, error, response }", async () => {
    const client = createClient({ apiKey: "KEY_test_0123456789", baseUrl, maxRetries: 0 });
    seen.length = 0;
    const made = await generated.createWidget!(client, { body: { name: "made" } });
    const one = await generated.getWidget!(client, { params: { path: { id: "w 1" } } });
    const page = await generated.listWidgetsPage!(client, { params: { query: { page: 2, color: "red" } } });
    const updated = await generated.updateWidget!(client, {
      params: { path: { id: "w1" } },
      body: { name: "renamed" },
    });
    const gone = await generated.delete_!(client, { params: { path: { id: "w1" } } });
    const missing = await generated.getWidget!(client, { params: { path: { id: "missing" } } });
    expect(seen).toEqual([
      'POST /widgets {"name":"made"}',
      "GET /widgets/w%201",
      "GET /widgets?page=2&color=red",
      'PATCH /widgets/w1 {"name":"renamed"}',
      "DELETE /widgets/w1",
      "GET /widgets/missing",
    ]);
    expect([made.response.status, made.data]).toEqual([201, { id: "new", name: "made" }]);
    expect(one.data).toEqual({ id: "w 1", name: "w" });
    expect(page.data).toEqual([{ id: "w1", name: "one" }]);
    expect(updated.data).toEqual({ id: "w1", name: "renamed" });
    expect([gone.response.status, gone.data, gone.error]).toEqual([204, undefined, undefined]);
    expect([missing.response.status, missing.data, missing.error]).toEqual([
      404,
      undefined,
      { title: "no such widget" },
    ]);
  });
});

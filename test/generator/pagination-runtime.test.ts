/**
 * Generator and runtime together, page-number style: paginators generated
 * from test/fixtures/pagination/runtime-page-number.yaml, imported and run
 * against a local node:http server that pages honestly. A page-only endpoint
 * with a bare-array body ends at its empty page; top-level `page`/`pages`
 * counts end the walk on the last page, with no request past it (the
 * ShipEngine failure of issue 13), and the server is asked for the pages the
 * caller wants, each once.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, outputIn, runGenerate, typecheckRoot } from "../helpers/run-generate.js";

type Paginate = (client: unknown, query?: object, options?: object) => { toArray(): Promise<{ id: number }[]> };
let generated: { listUsers: Paginate; listShipments: Paginate };
let server: Server;
let baseUrl: string;
const requests: string[] = [];
const USERS = Array.from({ length: 23 }, (_, i) => ({ id: i + 1 }));

beforeAll(async () => {
  const out = outputIn(typecheckRoot(), "runtime");
  const run = await runGenerate([
    "--spec",
    fixture("pagination", "runtime-page-number.yaml"),
    "--out",
    out,
    "--lint",
    "off",
  ]);
  expect(run.stderr).toBe("");
  generated = (await import(pathToFileURL(join(out, "paginators.ts")).href)) as typeof generated;
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    const size = url.searchParams.get("page_size");
    requests.push(`${url.pathname} page ${url.searchParams.get("page")}${size === null ? "" : ` size ${size}`}`);
    const page = Number(url.searchParams.get("page") ?? 1);
    res.setHeader("content-type", "application/json");
    if (url.pathname === "/users.json") {
      // Ten a page, fixed by the server; past the end, an empty page.
      res.end(JSON.stringify(USERS.slice((page - 1) * 10, page * 10)));
    } else {
      // Like ShipEngine: a page past the last repeats the last one.
      const size = Number(url.searchParams.get("page_size") ?? 25);
      const pages = Math.max(1, Math.ceil(USERS.length / size));
      const at = Math.min(page, pages);
      res.end(
        JSON.stringify({ shipments: USERS.slice((at - 1) * size, at * size), page: at, pages, total: USERS.length }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("generated page-number paginators against a local server", () => {
  it("a page parameter alone over a bare array: every item once, ending at the empty page", async () => {
    requests.length = 0;
    const client = createClient({ baseUrl });
    expect(await generated.listUsers(client).toArray()).toEqual(USERS);
    expect(requests).toEqual(["/users.json page 1", "/users.json page 2", "/users.json page 3", "/users.json page 4"]);
  });

  it("top-level page/pages: ends on the last page, never asking past it", async () => {
    requests.length = 0;
    const client = createClient({ baseUrl });
    expect(await generated.listShipments(client, { page_size: 10 }).toArray()).toEqual(USERS);
    expect(requests).toEqual(["/shipments page 1 size 10", "/shipments page 2 size 10", "/shipments page 3 size 10"]);
  });

  it("pageSize and limit reach the server as page_size and fewer pages", async () => {
    requests.length = 0;
    const client = createClient({ baseUrl });
    expect(await generated.listShipments(client, {}, { pageSize: 5, limit: 7 }).toArray()).toEqual(USERS.slice(0, 7));
    expect(requests).toEqual(["/shipments page 1 size 5", "/shipments page 2 size 5"]);
  });
});

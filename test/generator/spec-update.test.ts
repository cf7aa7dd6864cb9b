/**
 * `npm run spec:update`: the new spec comes from a server on 127.0.0.1 (or a
 * file), is checked by loading, replaces spec/spec3.yml atomically and is
 * generated, ending with the change summary against the replaced spec. A
 * failed download or a bad document leaves spec/ as it was and exits 2.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { copyRepo, runSpecUpdate, snapshot } from "../helpers/run-generate.js";

let dir: string;
let server: Server;
let base: string;
/** What the server answers, by path. */
const routes = new Map<string, { status: number; body: string }>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? "") ?? { status: 404, body: "not found" };
    res.writeHead(route.status, { "content-type": "application/yaml" }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  dir = await copyRepo("spec-update-");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const specPath = () => join(dir, "spec", "spec3.yml");
/** The seed with one more enum value on the response (a change the summary counts). */
const changedSpec = () =>
  readFileSync(specPath(), "utf8").replace(
    "            - Minimax\n",
    "            - Minimax\n            - elevenlabs\n",
  );

describe("npm run spec:update", () => {
  it("downloads, replaces spec/spec3.yml, regenerates and ends with the summary against the replaced spec", async () => {
    const next = changedSpec();
    expect(next).not.toBe(readFileSync(specPath(), "utf8"));
    routes.set("/spec3.yml", { status: 200, body: next });
    const run = await runSpecUpdate(["--from", `${base}/spec3.yml`], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readFileSync(specPath(), "utf8")).toBe(next);
    expect(run.stdout).toContain("done: ");
    expect(run.stdout.trimEnd().split("\n").at(-1)).toMatch(/^API changes since the previous spec: .*1 to review/);
    expect(readdirSync(join(dir, "spec"))).toEqual(["spec3.yml"]);
  });

  it.each([
    ["an HTTP error", { status: 503, body: "busy" }, /cannot download .*: HTTP 503/],
    [
      "a document that is not OpenAPI",
      { status: 200, body: "<html>not a spec</html>\n" },
      /^error: http:\/\/127\.0\.0\.1:\d+\/bad\.yml: the new spec was not taken: .*not an OpenAPI spec/,
    ],
    [
      "YAML that does not parse",
      { status: 200, body: "openapi: 3.1.0\ninfo: [unclosed\n" },
      /^error: http:\/\/127\.0\.0\.1:\d+\/bad\.yml:\d+:\d+: the new spec was not taken: invalid YAML/,
    ],
  ])("%s leaves spec/ and generated/ as they were and exits 2", async (_name, route, message) => {
    routes.set("/bad.yml", route);
    const before = { spec: snapshot(join(dir, "spec")), generated: snapshot(join(dir, "generated")) };
    const run = await runSpecUpdate(["--from", `${base}/bad.yml`], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(snapshot(join(dir, "spec"))).toEqual(before.spec);
    expect(snapshot(join(dir, "generated"))).toEqual(before.generated);
  });

  it("takes --from a file, and names a missing one", async () => {
    writeFileSync(join(dir, "next.yml"), changedSpec());
    const run = await runSpecUpdate(["--from", "next.yml"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(specPath(), "utf8")).toBe(readFileSync(join(dir, "next.yml"), "utf8"));
    const missing = await runSpecUpdate(["--from", "nope.yml"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read nope.yml: ENOENT");
  });
});

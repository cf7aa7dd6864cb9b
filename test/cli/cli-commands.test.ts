/**
 * The generator step that writes generated/commands.ts: fixture specs in,
 * command data out (table-driven), flag clashes settled by the naming rule
 * (and parsed back to the right parameter by the CLI), command clashes as
 * clear errors, and the committed file equal to what the step makes of
 * spec/openapi.yaml.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { generateCliCommands } from "../../scripts/steps/commands.js";
import { detectPaging } from "../../scripts/pagination/index.js";
import { GenerateError } from "../../scripts/errors.js";
import { header } from "../../scripts/output/header.js";
import { listOperations } from "../../scripts/spec/openapi-walk.js";
import type { CommandSpec } from "../../src/cli/command-spec.js";
import { parseCommand } from "../../src/cli/parse-command.js";
import { commandsOfFiles } from "../helpers/generated-output.js";
import { tscStrict } from "../helpers/tsc.js";
import { ROOT } from "./built-cli.js";

const HEADER = "// test\n";

/** The command data the step writes for `doc`, read back from the file it makes. */
function commandsOf(doc: object): CommandSpec[] {
  return commandsOfFiles(
    generateCliCommands(
      doc as Record<string, unknown>,
      detectPaging(doc as Record<string, unknown>, "spec.yaml"),
      HEADER,
      "spec.yaml",
    ),
  );
}

const ok = (schema: object = { type: "object" }) => ({
  "200": { description: "ok", content: { "application/json": { schema } } },
});
const listBody = {
  type: "object",
  properties: {
    data: { type: "array", items: { $ref: "#/components/schemas/Item" } },
    meta: {
      type: "object",
      properties: {
        total_pages: { type: "integer" },
        page_number: { type: "integer" },
        total_count: { type: "integer" },
      },
    },
  },
};
const components = {
  schemas: {
    Item: {
      type: "object",
      properties: {
        record_type: { type: "string", enum: ["thing"] },
        label: { type: "string" },
        id: { type: "string" },
        owner_id: { type: "string" },
        status: { type: ["string", "null"], enum: ["on", "off", null] },
        created_at: { type: "string", format: "date-time" },
        tags: { type: "array", items: { type: "string" } },
        name: { type: "string" },
      },
    },
  },
};
const pageParams = [
  { name: "page[number]", in: "query", schema: { type: "integer", minimum: 1 } },
  { name: "page[size]", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
];

describe("generateCliCommands", () => {
  it("one command per operation, sorted, with flags, paging and columns", () => {
    const commands = commandsOf({
      openapi: "3.1.0",
      paths: {
        "/things/{thing_id}": {
          parameters: [{ name: "thing_id", in: "path", required: true, schema: { type: "string" } }],
          get: { operationId: "getThing", tags: ["Things"], summary: "Get a thing", responses: ok() },
          delete: { operationId: "deleteThing", tags: ["Things"], responses: ok() },
        },
        "/things": {
          get: {
            operationId: "listThings",
            tags: ["Things"],
            parameters: [
              ...pageParams,
              {
                name: "filter[status]",
                in: "query",
                description: "By status",
                schema: { type: "string", enum: ["on", "off"] },
              },
              { name: "ids", in: "query", schema: { type: "array", items: { type: "integer" } } },
              { name: "limit", in: "query", schema: { type: "boolean" } },
              { name: "X-Trace", in: "header", schema: { type: "string" } },
            ],
            responses: ok(listBody),
          },
          post: {
            operationId: "createThing",
            tags: ["Things"],
            requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
            responses: ok(),
          },
        },
        "/v2/widgets": { get: { responses: ok() } },
      },
      components,
    });
    expect(commands.map((c) => `${c.resource} ${c.action} ${c.method} ${c.path}`)).toEqual([
      "things create post /things",
      "things delete delete /things/{thing_id}",
      "things get get /things/{thing_id}",
      "things list get /things",
      "widgets list get /v2/widgets",
    ]);
    const list = commands.find((c) => c.action === "list" && c.resource === "things")!;
    expect(list.flags).toEqual([
      { flag: "page-number", param: "page[number]", in: "query", type: "integer", minimum: 1, role: "page" },
      { flag: "page-size", param: "page[size]", in: "query", type: "integer", minimum: 1, maximum: 100, role: "size" },
      {
        flag: "filter-status",
        param: "filter[status]",
        in: "query",
        type: "string",
        enum: ["on", "off"],
        description: "By status",
      },
      { flag: "ids", param: "ids", in: "query", type: "integer", array: true },
      { flag: "query-limit", param: "limit", in: "query", type: "boolean" },
    ]);
    expect(list.paginate).toEqual({
      style: "page-number",
      path: "/things",
      items: ["data"],
      pageParam: "page[number]",
      sizeParam: "page[size]",
      minSize: 1,
      maxSize: 100,
      pageNumber: { body: ["meta", "page_number"] },
      totalPages: { body: ["meta", "total_pages"] },
      totalItems: { body: ["meta", "total_count"] },
    });
    expect(list.columns).toEqual(["id", "name", "status", "created_at", "label"]);
    const get = commands.find((c) => c.action === "get")!;
    expect(get.flags).toEqual([{ flag: "thing-id", param: "thing_id", in: "path", type: "string", required: true }]);
    expect(get.paginate).toBeUndefined();
    expect(commands.find((c) => c.action === "create")!.body).toEqual({
      required: true,
      mediaType: "application/json",
    });
  });

  it("commands that would share an action take their whole operationId", () => {
    const commands = commandsOf({
      openapi: "3.1.0",
      paths: {
        "/a": { get: { operationId: "getThing", tags: ["Things"], responses: ok() } },
        "/b": { get: { operationId: "thingGet", tags: ["Things"], responses: ok() } },
      },
    });
    expect(commands.map((c) => c.action)).toEqual(["get-thing", "thing-get"]);
  });

  it("a oneOf body: the flags of every branch, allowed values joined, required only where every branch requires it", () => {
    const branch = (provider: string, model: string, extra: object) => ({
      type: "object",
      required: ["provider", "name", "audio"],
      properties: {
        provider: { type: "string", enum: [provider] },
        model: { type: "string", enum: [model], default: model },
        name: { type: "string" },
        audio: { type: "string", format: "binary" },
        ...extra,
      },
    });
    const [command] = commandsOf({
      openapi: "3.1.0",
      paths: {
        "/clones": {
          post: {
            operationId: "createClone",
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    oneOf: [branch("telnyx", "q3", { label: { type: "string" } }), branch("minimax", "m1", {})],
                  },
                },
              },
            },
            responses: ok(),
          },
        },
      },
    });
    expect(command!.body).toEqual({
      required: true,
      mediaType: "multipart/form-data",
      files: [{ field: "audio", required: true }],
    });
    expect(command!.flags).toEqual([
      { flag: "provider", param: "provider", in: "body", type: "string", enum: ["telnyx", "minimax"], required: true },
      { flag: "model", param: "model", in: "body", type: "string", enum: ["q3", "m1"] },
      { flag: "name", param: "name", in: "body", type: "string", required: true },
      { flag: "label", param: "label", in: "body", type: "string" },
    ]);
  });

  it("x-cli-columns wins over the detected columns", () => {
    const commands = commandsOf({
      openapi: "3.1.0",
      paths: {
        "/things": {
          get: {
            operationId: "listThings",
            "x-cli-columns": ["label", "id"],
            parameters: pageParams,
            responses: ok(listBody),
          },
        },
      },
      components,
    });
    expect(commands[0]!.columns).toEqual(["label", "id"]);
  });

  const str = { type: "string" };
  it.each<
    [
      string,
      {
        given: { path: string; pathParams?: object[]; params: object[] };
        want: { flags: string[]; argv: string[]; path: object; query: object };
      },
    ]
  >([
    [
      "one name in path and query (path-level parameter)",
      {
        given: {
          path: "/lists/{list_id}",
          pathParams: [{ name: "list_id", in: "path", required: true, schema: str }],
          params: [{ name: "list_id", in: "query", schema: { type: "integer" } }],
        },
        want: {
          flags: ["path-list-id path list_id", "query-list-id query list_id"],
          argv: ["--path-list-id", "a", "--query-list-id", "7"],
          path: { list_id: "a" },
          query: { list_id: 7 },
        },
      },
    ],
    [
      "names that kebab-case alike in the query",
      {
        given: {
          path: "/calls",
          params: [
            { name: "StartTime>", in: "query", schema: str },
            { name: "StartTime", in: "query", schema: str },
            { name: "StartTime<", in: "query", schema: str },
          ],
        },
        want: {
          flags: ["start-time-3 query StartTime>", "start-time query StartTime", "start-time-2 query StartTime<"],
          argv: ["--start-time", "=", "--start-time-2", "<", "--start-time-3", ">"],
          path: {},
          query: { StartTime: "=", "StartTime<": "<", "StartTime>": ">" },
        },
      },
    ],
    [
      "names that kebab-case alike across path and query",
      {
        given: {
          path: "/users/{user-id}/access",
          params: [
            { name: "user-id", in: "path", required: true, schema: str },
            { name: "userId", in: "query", schema: str },
          ],
        },
        want: {
          flags: ["path-user-id path user-id", "query-user-id query userId"],
          argv: ["--query-user-id", "q", "--path-user-id", "p"],
          path: { "user-id": "p" },
          query: { userId: "q" },
        },
      },
    ],
    [
      "a global flag's name",
      {
        given: {
          path: "/things/{format}",
          params: [
            { name: "format", in: "path", required: true, schema: str },
            { name: "limit", in: "query", schema: { type: "integer" } },
            { name: "query_limit", in: "query", schema: str },
          ],
        },
        want: {
          flags: ["path-format path format", "query-limit query limit", "query-limit-2 query query_limit"],
          argv: ["--path-format", "csv", "--format", "json", "--query-limit", "3", "--query-limit-2", "x"],
          path: { format: "csv" },
          query: { limit: 3, query_limit: "x" },
        },
      },
    ],
  ])("flag clash: %s", (_, { given, want }) => {
    const [command] = commandsOf({
      openapi: "3.1.0",
      paths: {
        [given.path]: {
          ...(given.pathParams && { parameters: given.pathParams }),
          get: { operationId: "getThing", parameters: given.params, responses: ok() },
        },
      },
    });
    expect(command!.flags.map((f) => `${f.flag} ${f.in} ${f.param}`)).toEqual(want.flags);
    const parsed = parseCommand(command!, want.argv, "help");
    expect({ path: parsed.path, query: parsed.query }).toEqual({ path: want.path, query: want.query });
  });

  it("a path parameter named like the page parameter does not page", () => {
    const [command] = commandsOf({
      openapi: "3.1.0",
      paths: {
        "/books/{page[number]}/things": {
          get: {
            operationId: "listThings",
            parameters: [{ name: "page[number]", in: "path", required: true, schema: str }, ...pageParams],
            responses: ok(listBody),
          },
        },
      },
      components,
    });
    expect(command!.flags.map((f) => [f.flag, f.role])).toEqual([
      ["path-page-number", undefined],
      ["query-page-number", "page"],
      ["page-size", "size"],
    ]);
  });

  it.each([
    [
      "two operations with one command name",
      {
        "/a": { get: { operationId: "get_thing", tags: ["T"], responses: ok() } },
        "/b": { get: { operationId: "getThing", tags: ["T"], responses: ok() } },
      },
      /spec\.yaml \(#\/paths\/~1b\/get\/operationId\): GET \/a and GET \/b both become the CLI command "t get-thing"[\s\S]*fix: give one of them a different operationId or tag/,
    ],
  ])("%s is an error naming both", (_, paths, message) => {
    let error: unknown;
    try {
      commandsOf({ openapi: "3.1.0", paths });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GenerateError);
    expect((error as GenerateError).format()).toMatch(message);
  });

  it("spec strings reach the file only as literals", () => {
    const doc = {
      openapi: "3.1.0",
      paths: {
        "/a": {
          get: {
            operationId: "a",
            summary: "*/ ends\u2028here",
            description: '"); process.exit(1); ("',
            responses: ok(),
          },
        },
      },
    };
    const files = generateCliCommands(doc, detectPaging(doc, "spec.yaml"), HEADER, "spec.yaml");
    for (const { content } of files) expect(content).not.toContain("\u2028");
    expect(
      commandsOf({
        openapi: "3.1.0",
        paths: { "/a": { get: { operationId: "a", summary: "*/ ends\u2028here", responses: ok() } } },
      })[0]!.summary,
    ).toBe("*/ ends\u2028here");
  });

  it("the seed's generated commands.ts and commands/ are what the step makes of the seed", () => {
    const doc = parse(readFileSync(`${ROOT}test/fixtures/seed/openapi.yaml`, "utf8")) as Record<string, unknown>;
    const files = generateCliCommands(
      doc,
      detectPaging(doc, "test/fixtures/seed/openapi.yaml"),
      header("../openapi.yaml"),
      "test/fixtures/seed/openapi.yaml",
      "../../../../src",
    );
    expect(files.map((f) => f.path)).toEqual(["commands.ts", "commands/voice-clones.ts"]);
    for (const { path, content } of files)
      expect(readFileSync(`${ROOT}test/fixtures/seed/generated/${path}`, "utf8")).toBe(content);
  });
});

const FULL_SPEC = `${ROOT}test/fixtures/specs/telnyx-full.openapi.json`;

describe("on the full Telnyx spec", () => {
  it("one command per operation, unique names, kebab-case flags unique per command", () => {
    const doc = JSON.parse(readFileSync(FULL_SPEC, "utf8")) as Record<string, unknown>;
    const commands = commandsOf(doc);
    expect(commands).toHaveLength(listOperations(doc).length);
    const names = commands.map((c) => `${c.resource} ${c.action}`);
    expect(new Set(names).size).toBe(names.length);
    for (const c of commands) {
      expect(`${c.resource} ${c.action}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)* [a-z0-9]+(-[a-z0-9]+)*$/);
      const flags = c.flags.map((f) => f.flag);
      expect(new Set(flags).size).toBe(flags.length);
      for (const f of flags) expect(f).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    const paged = commands.filter((c) => c.paginate);
    expect(paged.length).toBeGreaterThan(50);
    for (const c of paged) {
      expect(c.flags.find((f) => f.role === "size")?.param).toBe(c.paginate!.sizeParam);
      expect(c.columns!.length).toBeGreaterThan(0);
      if (c.columns!.includes("id")) expect(c.columns![0]).toBe("id");
    }
    // A oneOf item: the columns its branches share.
    expect(commands.find((c) => c.path === "/detail_records")?.columns).toContain("record_type");
  });

  it("the command data (index and per-resource files) passes tsc --strict", () => {
    const doc = JSON.parse(readFileSync(FULL_SPEC, "utf8")) as Record<string, unknown>;
    mkdirSync(join(ROOT, ".tmp"), { recursive: true });
    const out = mkdtempSync(join(ROOT, ".tmp", "cli-commands-"));
    try {
      const files = generateCliCommands(
        doc,
        detectPaging(doc, "spec.json"),
        HEADER,
        "spec.json",
        relative(out, join(ROOT, "src")),
      );
      expect(files.length).toBeGreaterThan(50);
      for (const f of files) {
        mkdirSync(dirname(join(out, f.path)), { recursive: true });
        writeFileSync(join(out, f.path), f.content);
      }
      const result = tscStrict(["commands.ts"], out);
      expect(result.output).toBe("");
      expect(result.code).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

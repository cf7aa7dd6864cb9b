/**
 * The paging shapes of Telnyx's real spec (test/fixtures/pagination/real-spec.yaml,
 * one path each, shaped like spec/spec3.yml), through the real generator: the
 * PageSpec of each paginator, and the emitted wrappers under `tsc --strict`
 * (a deepObject `page` query without `page.number`, keeping `page.size`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emittedSpecs } from "../helpers/generated-output.js";
import { fixture, outputIn, runGenerate, tsc, typecheckRoot, type GenerateRun } from "../helpers/run-generate.js";

let root: string;
let run: GenerateRun;
let paginators: string;

beforeAll(async () => {
  root = typecheckRoot();
  const out = outputIn(root, "real-spec");
  run = await runGenerate([
    "--spec",
    fixture("pagination", "real-spec.yaml"),
    "--out",
    out,
    "--lint",
    "off",
    "--verbose",
  ]);
  paginators = readFileSync(join(out, "paginators.ts"), "utf8");
});

const body = (...path: string[]) => ({ body: path });
const counts = {
  pageNumber: body("meta", "page_number"),
  totalPages: body("meta", "total_pages"),
  totalItems: body("meta", "total_results"),
};

const cases: [string, { given: string; want: object }][] = [
  [
    "page-number, deepObject page { number, size }",
    {
      given: "listAccessIpAddresses",
      want: {
        style: "page-number",
        path: "/access_ip_address",
        items: ["data"],
        pageParam: "page[number]",
        sizeParam: "page[size]",
        minSize: 1,
        maxSize: 250,
        ...counts,
        deepObject: "page",
      },
    },
  ],
  [
    "page[number] beside page[after], meta gives total pages: page numbers win",
    {
      given: "listCallControlApplications",
      want: {
        style: "page-number",
        path: "/call_control_applications",
        items: ["data"],
        pageParam: "page[number]",
        sizeParam: "page[size]",
        ...counts,
        deepObject: "page",
      },
    },
  ],
  [
    "page[number] beside page[after], meta gives the next cursor (meta.cursors.after, not the meta.next path): the cursor wins",
    {
      given: "listActiveCalls",
      want: {
        style: "cursor",
        path: "/connections/{connection_id}/active_calls",
        items: ["data"],
        cursorParam: "page[after]",
        sizeParam: "page[size]",
        nextCursor: body("meta", "cursors", "after"),
        totalItems: body("meta", "total_items"),
        deepObject: "page",
      },
    },
  ],
  [
    "x-pagination's style overrides the rule: the cursor, though meta gives total pages",
    {
      given: "listOutboundVoiceProfiles",
      want: {
        style: "cursor",
        path: "/outbound_voice_profiles",
        items: ["data"],
        cursorParam: "page[after]",
        sizeParam: "page[size]",
        nextCursor: body("meta", "cursors", "after"),
        totalItems: body("meta", "total_items"),
        deepObject: "page",
      },
    },
  ],
  [
    "page_cursor, the next cursor at meta.page_cursor",
    {
      given: "listEmailMessages",
      want: {
        style: "cursor",
        path: "/email_messages",
        items: ["data"],
        cursorParam: "page_cursor",
        sizeParam: "page_size",
        minSize: 1,
        maxSize: 100,
        nextCursor: body("meta", "page_cursor"),
      },
    },
  ],
  [
    "TeXML Page/PageToken: next_page_uri",
    {
      given: "getTexmlCalls",
      want: {
        style: "next-link",
        path: "/texml/Accounts/{account_sid}/Calls",
        items: ["calls"],
        next: body("next_page_uri"),
        cursorParam: "PageToken",
        sizeParam: "PageSize",
      },
    },
  ],
  [
    "TeXML Page alone: next_page_uri, not a page-number paginator",
    {
      given: "getTexmlRecordings",
      want: {
        style: "next-link",
        path: "/texml/Accounts/{account_sid}/Recordings.json",
        items: ["recordings"],
        next: body("next_page_uri"),
        sizeParam: "PageSize",
      },
    },
  ],
  [
    "data beside errors: data is the list",
    {
      given: "listPhoneNumbers",
      want: {
        style: "page-number",
        path: "/phone_numbers",
        items: ["data"],
        pageParam: "page[number]",
        sizeParam: "page[size]",
      },
    },
  ],
];

describe("pagination: the real spec's paging shapes", () => {
  it("runs cleanly; the single resource gets none", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(Object.keys(emittedSpecs(paginators)).sort()).toEqual(cases.map(([, c]) => c.given).sort());
  });

  it.each(cases)("%s", (_, { given, want }) => {
    expect(emittedSpecs(paginators)[given]).toEqual(want);
  });

  it("types a deepObject query without the owned property, keeping the page size and the other deepObjects", async () => {
    writeFileSync(
      join(root, "real-spec", "consumer.ts"),
      `import createClient from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { listAccessIpAddresses, listActiveCalls } from "./generated/paginators.js";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:1" });
export async function use(): Promise<void> {
  const ips = await listAccessIpAddresses(client, { page: { size: 20 }, filter: { status: "active" } }).toArray();
  const calls = await listActiveCalls(client, { connection_id: "c" }, { page: { size: 5, before: undefined } }).toArray();
  const id: string = ips[0]!.id;
  void id, calls;
  // @ts-expect-error the page number belongs to the paginator
  listAccessIpAddresses(client, { page: { number: 2 } });
  // @ts-expect-error the cursor belongs to the paginator
  listActiveCalls(client, { connection_id: "c" }, { page: { after: "x" } });
}
`,
    );
    const result = await tsc(join(root, "real-spec"), ["consumer.ts", "generated/paginators.ts"]);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);
});

/**
 * The rule for duplicate operationIds (scripts/naming/operation-ids.ts), on
 * small documents: who keeps the id, the names the others get, names that do
 * not move when unrelated operations are added, the config's names, and a
 * loaded document that is never changed.
 */
import { describe, expect, it } from "vitest";
import { settleOperationIds, type OperationIdOverrides } from "../../scripts/naming/operation-ids.js";

type Ops = Record<string, Record<string, string | undefined>>;
/** `{ "/path": { get: "opId" } }` -> an OpenAPI document. */
function doc(ops: Ops): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [path, methods] of Object.entries(ops)) {
    paths[path] = Object.fromEntries(
      Object.entries(methods).map(([method, id]) => [
        method,
        { ...(id === undefined ? {} : { operationId: id }), responses: {} },
      ]),
    );
  }
  return { openapi: "3.1.0", paths };
}

function idsOf(settled: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [path, item] of Object.entries(
    settled.paths as Record<string, Record<string, { operationId?: string }>>,
  )) {
    for (const [method, op] of Object.entries(item)) out[`${method.toUpperCase()} ${path}`] = op.operationId;
  }
  return out;
}

const place = { file: "pagination.yaml", pointer: "#/operationIds" };
const CASES: [string, { given: Ops; overrides?: [string, string][]; want: Record<string, string | undefined> }][] = [
  [
    "the first by path keeps the id, the other gets <id>_<PathWords>",
    {
      given: {
        "/phone_numbers": { get: "ListPhoneNumbers" },
        "/v2/whatsapp/phone_numbers": { get: "ListPhoneNumbers" },
      },
      want: {
        "GET /phone_numbers": "ListPhoneNumbers",
        "GET /v2/whatsapp/phone_numbers": "ListPhoneNumbers_V2WhatsappPhoneNumbers",
      },
    },
  ],
  [
    "unrelated operations added before and between change no name",
    {
      given: {
        "/a": { get: "other" },
        "/phone_numbers": { get: "ListPhoneNumbers" },
        "/q": { post: "more" },
        "/v2/whatsapp/phone_numbers": { get: "ListPhoneNumbers" },
      },
      want: {
        "GET /a": "other",
        "GET /phone_numbers": "ListPhoneNumbers",
        "POST /q": "more",
        "GET /v2/whatsapp/phone_numbers": "ListPhoneNumbers_V2WhatsappPhoneNumbers",
      },
    },
  ],
  [
    "on one path, the method order decides, and path words suffice",
    {
      given: { "/things": { get: "thing", delete: "thing" } },
      want: { "GET /things": "thing_Things", "DELETE /things": "thing" },
    },
  ],
  [
    "a generated name already taken adds the method",
    {
      given: { "/things": { get: "thing", put: "thing_Things" }, "/a": { get: "thing" } },
      want: { "GET /a": "thing", "GET /things": "thing_GetThings", "PUT /things": "thing_Things" },
    },
  ],
  [
    "two operationIds that camelCase to one function name are settled the same way",
    {
      given: {
        "/legacy/reporting/usage_reports/messaging": { get: "getMdrUsageReports" },
        "/reports/mdr_usage_reports": { get: "GetMdrUsageReports" },
      },
      want: {
        "GET /legacy/reporting/usage_reports/messaging": "getMdrUsageReports",
        "GET /reports/mdr_usage_reports": "GetMdrUsageReports_ReportsMdrUsageReports",
      },
    },
  ],
  [
    "operations without operationId are left alone",
    {
      given: { "/a": { get: undefined }, "/b": { get: undefined } },
      want: { "GET /a": undefined, "GET /b": undefined },
    },
  ],
  [
    "the config names an operation, and then nothing collides",
    {
      given: {
        "/phone_numbers": { get: "ListPhoneNumbers" },
        "/v2/whatsapp/phone_numbers": { get: "ListPhoneNumbers" },
      },
      overrides: [["GET /v2/whatsapp/phone_numbers", "ListWhatsappPhoneNumbers"]],
      want: { "GET /phone_numbers": "ListPhoneNumbers", "GET /v2/whatsapp/phone_numbers": "ListWhatsappPhoneNumbers" },
    },
  ],
];

describe("settleOperationIds", () => {
  it.each(CASES)("%s", (_name, { given, overrides = [], want }) => {
    const input = doc(given);
    const before = JSON.stringify(input);
    const map: OperationIdOverrides = new Map(overrides.map(([key, name]) => [key, { name, place }]));
    const { doc: settled, renamed } = settleOperationIds(input, map, "spec.yaml");
    expect(idsOf(settled)).toEqual(want);
    expect(JSON.stringify(input)).toBe(before);
    expect(renamed.length).toBe(Object.entries(want).filter(([key, id]) => id !== idsOf(input)[key]).length);
  });

  it("a config name for an operation the spec lacks, or one that collides, is an error naming the config's place", () => {
    const input = doc({ "/a": { get: "a" }, "/b": { get: "b" } });
    expect(() => settleOperationIds(input, new Map([["GET /c", { name: "c", place }]]), "spec.yaml")).toThrow(
      /operationIds names GET \/c, which is not an operation of the spec/,
    );
    expect(() => settleOperationIds(input, new Map([["GET /b", { name: "a", place }]]), "spec.yaml")).toThrow(
      /GET \/a and GET \/b would both be named "a"/,
    );
  });
});

/**
 * The change cases: one change each, on a copy of the seed spec, of the
 * full Telnyx spec (2023), or of a small spec built for moves of where a
 * schema is written (test/fixtures/api-diff/moves.openapi.yaml: refs, allOf,
 * inline objects, a deepObject filter), with the rules the report must give.
 * Cases named "Telnyx <date>" repeat, on these copies, a change that
 * Telnyx's published spec made between two consecutive versions
 * (test/fixtures/specs/telnyx-history/). The oracle test
 * (oracle.test.ts) checks each against the TypeScript compiler; the peer
 * comparison (bench/api-diff-peer.ts) runs api-smart-diff on the same table.
 *
 * `tsc` is given only for cases whose verdict comes from a `review` rule the
 * types show: whether the consumer (test/fixtures/api-diff/) still compiles,
 * and why. For every other case the rules decide: a type-visible breaking
 * rule must make the consumer fail to compile, anything else must not.
 */
import type { RuleId } from "../../scripts/api-diff/rules.js";

export type SpecName = "seed" | "full" | "moves";

export const SPECS: Record<SpecName, string> = {
  seed: "test/fixtures/seed/openapi.yaml",
  full: "test/fixtures/specs/telnyx-full.openapi.json",
  moves: "test/fixtures/api-diff/moves.openapi.yaml",
};

// Specs are edited as parsed documents: plain JSON data.
// biome-ignore lint/suspicious/noExplicitAny: a parsed spec is loose JSON that the cases edit deep inside; its types would restate the spec
export type Doc = Record<string, any>;

export interface DiffCase {
  name: string;
  spec: SpecName;
  edit(doc: Doc): void;
  /** Every rule the report must give, once per change (order does not matter). */
  rules: RuleId[];
  tsc?: { compiles: boolean; why: string };
}

const voiceClone = (doc: Doc) => doc.components.schemas.VoiceCloneData;
const listOp = (doc: Doc) => doc.paths["/voice_clones"].get;
const param = (doc: Doc, name: string) => doc.components.parameters[name];
const schema = (doc: Doc, name: string) => doc.components.schemas[name];
const queryParam = (name: string, required = false) => ({ name, in: "query", required, schema: { type: "string" } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const times = (n: number, rule: RuleId): RuleId[] => Array.from({ length: n }, () => rule);
const thingsList = (doc: Doc) => doc.paths["/things"].get.responses["200"].content["application/json"].schema;
const newThing = (doc: Doc) => doc.paths["/things"].post.requestBody.content["application/json"].schema;

export const CASES: DiffCase[] = [
  // Operations
  {
    name: "operation added",
    spec: "seed",
    edit: (d) =>
      (d.paths["/voice_clones"].post = {
        operationId: "createVoiceClone",
        tags: ["Voice Clones"],
        requestBody: {
          content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } },
        },
        responses: { "201": { description: "Created" } },
      }),
    rules: ["operation-added", "cli-command-added"],
  },
  {
    name: "operation removed",
    spec: "seed",
    edit: (d) => delete d.paths["/voice_clones"].get,
    rules: ["operation-removed", "paginator-removed", "cli-command-removed"],
  },
  {
    name: "operationId changed",
    spec: "seed",
    edit: (d) => (listOp(d).operationId = "listClones"),
    rules: ["operation-id-changed", "paginator-renamed"],
  },
  {
    name: "paginator turned off (x-pagination: false)",
    spec: "seed",
    edit: (d) => (listOp(d)["x-pagination"] = false),
    rules: ["paginator-removed"],
  },

  // Parameters
  {
    name: "optional query parameter added",
    spec: "seed",
    edit: (d) => listOp(d).parameters.push(queryParam("filter[language]")),
    rules: ["new-optional-request-parameter", "cli-flag-added"],
  },
  {
    name: "required query parameter added",
    spec: "seed",
    edit: (d) => listOp(d).parameters.push(queryParam("filter[language]", true)),
    rules: ["new-required-request-parameter", "new-required-cli-flag"],
  },
  {
    name: "query parameter removed",
    spec: "seed",
    edit: (d) => listOp(d).parameters.splice(2, 1),
    rules: ["request-parameter-removed", "cli-flag-removed"],
  },
  {
    name: "query parameter became required",
    spec: "seed",
    edit: (d) => (param(d, "FilterName").required = true),
    rules: ["request-parameter-became-required"],
  },
  {
    name: "query parameter became optional",
    spec: "full",
    edit: (d) => (d.paths["/detail_records"].get.parameters[0].required = false),
    rules: ["request-parameter-became-optional"],
  },
  {
    name: "query parameter type changed",
    spec: "seed",
    edit: (d) => (param(d, "FilterName").schema.type = "integer"),
    rules: ["request-parameter-type-changed"],
  },
  {
    name: "query parameter type widened",
    spec: "seed",
    edit: (d) => (param(d, "FilterName").schema.type = ["string", "integer"]),
    rules: ["request-parameter-type-widened"],
  },
  {
    name: "query enum value removed",
    spec: "seed",
    edit: (d) => param(d, "FilterProvider").schema.enum.splice(1, 1),
    rules: ["request-parameter-enum-value-removed"],
  },
  {
    name: "query enum value added",
    spec: "seed",
    edit: (d) => param(d, "FilterProvider").schema.enum.push("elevenlabs"),
    rules: ["request-parameter-enum-value-added"],
  },
  {
    name: "query maximum decreased",
    spec: "seed",
    edit: (d) => (param(d, "voice-designs_PageSize").schema.maximum = 100),
    rules: ["request-parameter-max-decreased"],
  },
  {
    name: "query minimum decreased",
    spec: "seed",
    edit: (d) => (param(d, "voice-designs_PageNumber").schema.minimum = 0),
    rules: ["request-parameter-min-decreased"],
  },
  {
    name: "query pattern added",
    spec: "seed",
    edit: (d) => (param(d, "FilterName").schema.pattern = "^[A-Za-z ]+$"),
    rules: ["request-parameter-pattern-changed"],
  },
  {
    name: "query format added",
    spec: "seed",
    edit: (d) => (param(d, "FilterName").schema.format = "uuid"),
    rules: ["request-parameter-format-changed"],
  },
  {
    name: "query additionalProperties closed",
    spec: "full",
    edit: (d) => (d.paths["/detail_records"].get.parameters[2].schema.additionalProperties = false),
    rules: ["request-additional-properties-narrowed"],
  },

  // Request bodies
  {
    name: "request body became optional",
    spec: "full",
    edit: (d) => (d.paths["/billing_groups"].post.requestBody.required = false),
    rules: ["request-body-became-optional"],
  },
  {
    name: "request body media type added",
    spec: "full",
    edit: (d) =>
      (d.paths["/billing_groups"].post.requestBody.content["application/x-www-form-urlencoded"] = {
        schema: { $ref: "#/components/schemas/NewBillingGroup" },
      }),
    rules: ["request-body-media-type-added"],
  },
  {
    name: "required request property added",
    spec: "full",
    edit: (d) =>
      Object.assign(schema(d, "NewBillingGroup"), {
        properties: { ...schema(d, "NewBillingGroup").properties, currency: { type: "string" } },
        required: ["currency"],
      }),
    rules: ["new-required-cli-flag", "new-required-request-property"],
  },
  {
    name: "optional request property added",
    spec: "full",
    edit: (d) => (schema(d, "NewBillingGroup").properties.currency = { type: "string" }),
    rules: ["cli-flag-added", "new-optional-request-property"],
  },
  {
    name: "request property removed",
    spec: "full",
    edit: (d) => delete schema(d, "RejectRequest").properties.client_state,
    rules: ["cli-flag-removed", "request-property-removed"],
  },
  {
    name: "request property became required",
    spec: "full",
    edit: (d) => (schema(d, "NewBillingGroup").required = ["name"]),
    rules: ["request-property-became-required"],
  },
  {
    name: "request property became optional",
    spec: "full",
    edit: (d) => delete schema(d, "RejectRequest").required,
    rules: ["request-property-became-optional"],
  },
  {
    name: "request property became nullable",
    spec: "full",
    edit: (d) => (schema(d, "NewBillingGroup").properties.name.nullable = true),
    rules: ["request-property-became-nullable"],
  },
  {
    name: "request property no longer nullable",
    spec: "full",
    edit: (d) => delete schema(d, "CreateFqdnRequest").properties.port.nullable,
    rules: ["request-property-became-not-nullable"],
  },
  {
    name: "request property type changed",
    spec: "full",
    edit: (d) => (schema(d, "NewBillingGroup").properties.name.type = "integer"),
    rules: ["request-property-type-changed"],
  },
  {
    name: "request enum value removed",
    spec: "full",
    edit: (d) => schema(d, "RejectRequest").properties.cause.enum.pop(),
    rules: ["request-property-enum-value-removed"],
  },
  {
    name: "request enum value added",
    spec: "full",
    edit: (d) => schema(d, "RejectRequest").properties.cause.enum.push("NORMAL_CLEARING"),
    rules: ["request-property-enum-value-added"],
  },
  {
    name: "request property default added",
    spec: "full",
    edit: (d) => (schema(d, "NewBillingGroup").properties.name.default = "Default group"),
    rules: ["request-property-default-added"],
  },
  {
    name: "request oneOf member removed",
    spec: "full",
    edit: (d) => schema(d, "CreateDocServiceDocumentRequest").oneOf.pop(),
    rules: ["cli-flag-removed", "request-union-member-removed"],
  },
  {
    name: "request oneOf member added",
    spec: "full",
    edit: (d) =>
      schema(d, "CreateDocServiceDocumentRequest").oneOf.push({
        type: "object",
        required: ["document_id"],
        properties: { document_id: { type: "string" } },
      }),
    rules: ["cli-flag-added", "request-union-member-added"],
  },

  // Responses
  {
    name: "response property removed",
    spec: "seed",
    edit: (d) => delete voiceClone(d).properties.name,
    rules: ["response-property-removed"],
  },
  {
    name: "optional response property added",
    spec: "seed",
    edit: (d) => (voiceClone(d).properties.accent = { type: "string" }),
    rules: ["response-optional-property-added"],
  },
  {
    name: "required response property added",
    spec: "seed",
    edit: (d) =>
      Object.assign(voiceClone(d), {
        properties: { ...voiceClone(d).properties, accent: { type: "string" } },
        required: ["accent"],
      }),
    rules: ["response-required-property-added"],
  },
  {
    name: "response property became required",
    spec: "seed",
    edit: (d) => (voiceClone(d).required = ["id"]),
    rules: ["response-property-became-required"],
  },
  // `Call` is the body of two operations (GET /calls/{call_control_id} and POST /calls): one change each.
  {
    name: "response property became optional",
    spec: "full",
    edit: (d) => schema(d, "Call").required.splice(1, 1),
    rules: ["response-property-became-optional", "response-property-became-optional"],
  },
  {
    name: "response property became nullable",
    spec: "seed",
    edit: (d) => (voiceClone(d).properties.name.type = ["string", "null"]),
    rules: ["response-property-became-nullable"],
  },
  {
    name: "response property no longer nullable",
    spec: "seed",
    edit: (d) => (voiceClone(d).properties.language.type = "string"),
    rules: ["response-property-became-not-nullable"],
  },
  {
    name: "response property type changed",
    spec: "seed",
    edit: (d) => (voiceClone(d).properties.source_voice_design_version.type = ["string", "null"]),
    rules: ["response-property-type-changed"],
  },
  {
    name: "response property type integer -> number",
    spec: "seed",
    edit: (d) => (schema(d, "voice-designs_PaginationMeta").properties.total_pages.type = "number"),
    rules: ["response-property-format-changed"],
  },
  {
    name: "response enum value added",
    spec: "seed",
    edit: (d) => voiceClone(d).properties.provider.enum.push("elevenlabs"),
    rules: ["response-property-enum-value-added"],
    tsc: {
      compiles: false,
      why: "the consumer's exhaustive switch on `provider` ends in a `never` check, which the new value fails (TS2322)",
    },
  },
  {
    name: "response enum value removed",
    spec: "seed",
    edit: (d) => voiceClone(d).properties.provider.enum.pop(),
    rules: ["response-property-enum-value-removed"],
    tsc: {
      compiles: false,
      why: 'the consumer\'s switch has a `case "Minimax":`, no longer comparable to the type (TS2678)',
    },
  },
  {
    name: "response format changed",
    spec: "seed",
    edit: (d) => (voiceClone(d).properties.id.format = "uri"),
    rules: ["response-property-format-changed"],
  },
  {
    name: "response maxLength added",
    spec: "seed",
    edit: (d) => (voiceClone(d).properties.name.maxLength = 64),
    rules: ["response-property-max-decreased"],
  },
  {
    name: "response property default added",
    spec: "seed",
    edit: (d) => (voiceClone(d).properties.language.default = "en"),
    rules: ["response-property-default-added"],
  },
  {
    name: "response additionalProperties allowed",
    spec: "seed",
    edit: (d) => (voiceClone(d).additionalProperties = true),
    rules: ["response-additional-properties-added"],
  },
  {
    name: "response oneOf member added",
    spec: "full",
    edit: (d) => schema(d, "DetailRecord").oneOf.push({ type: "object", properties: { usage: { type: "string" } } }),
    rules: ["response-union-member-added"],
    tsc: {
      compiles: false,
      why: "the consumer reads `record_type`, which every old shape has and the new one lacks (TS2339)",
    },
  },
  {
    name: "response oneOf member removed",
    spec: "full",
    edit: (d) => schema(d, "DetailRecord").oneOf.pop(),
    rules: ["response-union-member-removed"],
    tsc: {
      compiles: true,
      why: "the consumer reads fields every shape has; code narrowing on the removed shape's discriminator value would not compile",
    },
  },

  // Status codes and media types
  {
    name: "success status added",
    spec: "seed",
    edit: (d) =>
      (listOp(d).responses["202"] = {
        description: "Accepted",
        content: { "application/json": { schema: { type: "object", properties: { job_id: { type: "string" } } } } },
      }),
    rules: ["response-success-status-added"],
    tsc: {
      compiles: false,
      why: "`data` becomes a union with the 202 body, which the consumer's readList does not accept (TS2345)",
    },
  },
  {
    name: "success status removed",
    spec: "seed",
    edit: (d) => delete listOp(d).responses["200"],
    rules: ["response-success-status-removed", "paginator-removed"],
  },
  {
    name: "error status added",
    spec: "seed",
    edit: (d) =>
      (listOp(d).responses["404"] = {
        description: "Not found",
        content: { "application/json": { schema: { type: "object", properties: { message: { type: "string" } } } } },
      }),
    rules: ["response-error-status-added"],
    tsc: {
      compiles: false,
      why: "`error` becomes a union with the 404 body, which the consumer's readError does not accept (TS2345)",
    },
  },
  {
    name: "error status removed",
    spec: "seed",
    edit: (d) => delete listOp(d).responses["401"],
    rules: ["response-error-status-removed"],
    tsc: {
      compiles: false,
      why: "401 was the only documented error: `error` becomes `never`, and the consumer's `if (error && !response.ok)` narrows `response` to `never` (TS2339)",
    },
  },
  {
    name: "response media type added",
    spec: "seed",
    edit: (d) => (listOp(d).responses["200"].content["text/csv"] = { schema: { type: "string" } }),
    rules: ["response-media-type-added"],
    tsc: {
      compiles: false,
      why: "`data` of `client.GET` becomes `VoiceCloneListResponse | string` (TS2345); the paginator, which reads JSON only, still compiles",
    },
  },

  // Security and servers
  {
    name: "security scheme required as well",
    spec: "seed",
    edit: (d) =>
      Object.assign(d, {
        security: [{ bearerAuth: [], apiKey: [] }],
        components: {
          ...d.components,
          securitySchemes: {
            ...d.components.securitySchemes,
            apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
          },
        },
      }),
    rules: ["security-requirement-added", "security-requirement-removed"],
  },
  {
    name: "anonymous access allowed",
    spec: "seed",
    edit: (d) => d.security.push({}),
    rules: ["security-requirement-added"],
  },
  {
    name: "default server changed",
    spec: "seed",
    edit: (d) => (d.servers[0].url = "https://api.telnyx.com/v3"),
    rules: ["default-server-changed"],
  },
  {
    name: "server added",
    spec: "seed",
    edit: (d) => d.servers.push({ url: "https://api.eu.telnyx.com/v2" }),
    rules: ["server-added"],
  },

  // This package's surface
  {
    name: "CLI flag renamed by a new parameter",
    spec: "seed",
    edit: (d) => listOp(d).parameters.push(queryParam("filter-name")),
    rules: ["new-optional-request-parameter", "cli-flag-added", "cli-flag-renamed"],
  },
  {
    name: "CLI command renamed (tag)",
    spec: "seed",
    edit: (d) => (listOp(d).tags = ["Voice Library"]),
    rules: ["cli-command-renamed"],
  },
  {
    name: "root type added",
    spec: "seed",
    edit: (d) => (d.components.schemas.VoiceDesign = { type: "object", properties: { id: { type: "string" } } }),
    rules: ["root-type-added"],
  },
  {
    name: "root type removed (schema inlined)",
    spec: "seed",
    edit: (d) => {
      schema(d, "VoiceCloneListResponse").properties.meta = schema(d, "voice-designs_PaginationMeta");
      delete d.components.schemas["voice-designs_PaginationMeta"];
    },
    rules: ["root-type-removed"],
  },
  {
    name: "root type renamed (a new schema takes its name)",
    spec: "seed",
    edit: (d) =>
      (d.components.schemas.VoiceDesignsErrorResponse = {
        type: "object",
        properties: { message: { type: "string" } },
      }),
    rules: ["root-type-renamed", "root-type-added"],
  },

  // Where a schema is written never decides a verdict (moves.openapi.yaml)
  {
    name: "inline response object moved to a component, same content",
    spec: "moves",
    edit: (d) => {
      d.components.schemas.Summary = thingsList(d).properties.summary;
      thingsList(d).properties.summary = ref("Summary");
    },
    rules: ["root-type-added"],
  },
  {
    name: "$ref replaced by an inline copy, same content",
    spec: "moves",
    edit: (d) => (schema(d, "ThingEnvelope").properties.data = structuredClone(schema(d, "Thing"))),
    rules: [],
  },
  {
    name: "$ref replaced by an inline copy with a property removed and another retyped",
    spec: "moves",
    edit: (d) => {
      const core = structuredClone(schema(d, "ThingCore"));
      delete core.properties.voice;
      core.properties.name = { type: "integer" };
      schema(d, "ThingEnvelope").properties.data = core;
    },
    rules: ["response-property-removed", "response-property-type-changed", "response-property-removed"],
  },
  {
    name: "allOf whose $ref is swapped",
    spec: "moves",
    edit: (d) => (schema(d, "Thing").allOf[0] = ref("OtherCore")),
    rules: [
      ...times(3, "response-property-removed"),
      ...times(3, "response-property-removed"),
      ...times(3, "response-property-became-optional"),
      ...times(3, "response-property-became-optional"),
    ],
  },
  {
    name: "allOf merged into one object, same content",
    spec: "moves",
    edit: (d) =>
      (d.components.schemas.Thing = {
        type: "object",
        required: ["id", "name"],
        properties: { ...schema(d, "ThingCore").properties, tags: { type: "array", items: { type: "string" } } },
      }),
    rules: [],
  },
  {
    name: "change behind a chain of $refs",
    spec: "moves",
    edit: (d) => delete schema(d, "Owner").properties.email,
    rules: times(3, "response-property-removed"),
  },
  {
    name: "object -> oneOf [string, object] in a response",
    spec: "moves",
    edit: (d) => (schema(d, "ThingEnvelope").properties.data = { oneOf: [{ type: "string" }, ref("Thing")] }),
    rules: ["response-property-type-changed"],
  },
  {
    name: "deepObject query parameter's field became nullable",
    spec: "moves",
    edit: (d) => (d.paths["/things"].get.parameters[0].schema.properties.status.type = ["string", "null"]),
    rules: ["request-parameter-type-widened"],
  },
  {
    name: "deepObject query parameter's field retyped",
    spec: "moves",
    edit: (d) => (d.paths["/things"].get.parameters[0].schema.properties.status.type = "integer"),
    rules: ["request-parameter-type-changed"],
  },
  {
    name: "default added to an inline request body's property",
    spec: "moves",
    edit: (d) => (newThing(d).properties.size.default = 1),
    rules: [],
  },
  {
    name: "request body required absent -> false",
    spec: "moves",
    edit: (d) => (d.paths["/things"].post.requestBody.required = false),
    rules: [],
  },
  {
    name: "request body became required",
    spec: "moves",
    edit: (d) => (d.paths["/things"].post.requestBody.required = true),
    rules: ["request-body-became-required"],
  },
  {
    name: "path parameter renamed, with a change inside the operation",
    spec: "moves",
    edit: (d) => {
      const item = d.paths["/things/{thing_id}"];
      for (const op of [item.get, item.delete]) op.parameters[0].name = "id";
      d.paths["/things/{id}"] = item;
      delete d.paths["/things/{thing_id}"];
      d.components.schemas.ThingEnvelope = { type: "object", properties: { item: ref("Thing") } };
    },
    rules: [
      "operation-path-changed",
      "operation-path-changed",
      "cli-flag-renamed",
      "cli-flag-renamed",
      "response-property-removed",
      "response-optional-property-added",
    ],
  },
  {
    name: "operationId added where there was none",
    spec: "moves",
    edit: (d) => (d.paths["/things/{thing_id}"].delete.operationId = "deleteThing"),
    rules: ["operation-id-added"],
  },
  {
    name: "operationId removed",
    spec: "moves",
    edit: (d) => delete d.paths["/things/{thing_id}"].get.operationId,
    rules: ["operation-id-removed"],
  },
  {
    name: "error status added with a body type the operation has",
    spec: "moves",
    edit: (d) =>
      (d.paths["/things"].get.responses["500"] = {
        description: "Error.",
        content: { "application/json": { schema: ref("Error") } },
      }),
    rules: ["response-error-status-added-known-body"],
  },
  {
    name: "request property type widened",
    spec: "moves",
    edit: (d) => (newThing(d).properties.size.type = ["integer", "string"]),
    rules: ["request-property-type-widened"],
  },
  {
    name: "request additionalProperties allowed",
    spec: "moves",
    edit: (d) => (newThing(d).additionalProperties = true),
    rules: ["request-additional-properties-widened"],
  },
  {
    name: "new optional request body",
    spec: "moves",
    edit: (d) =>
      (d.paths["/things/{thing_id}"].delete.requestBody = {
        content: { "application/json": { schema: { type: "object", properties: { reason: { type: "string" } } } } },
      }),
    rules: ["cli-flag-added", "new-optional-request-body"],
  },
  {
    name: "new required request body",
    spec: "moves",
    edit: (d) =>
      (d.paths["/things/{thing_id}"].delete.requestBody = {
        required: true,
        content: { "application/json": { schema: { type: "object", properties: { reason: { type: "string" } } } } },
      }),
    rules: ["cli-flag-added", "new-required-request-body"],
  },
  {
    name: "request body removed",
    spec: "moves",
    edit: (d) => delete d.paths["/things"].post.requestBody,
    rules: ["cli-flag-removed", "cli-flag-removed", "request-body-removed"],
  },
  {
    name: "request body media type removed",
    spec: "full",
    edit: (d) =>
      (d.paths["/fqdns"].post.requestBody.content = {
        "application/xml": d.paths["/fqdns"].post.requestBody.content["application/json"],
      }),
    rules: [
      "cli-flag-removed",
      "cli-flag-removed",
      "cli-flag-removed",
      "cli-flag-removed",
      "request-body-media-type-added",
      "request-body-media-type-removed",
    ],
  },
  {
    name: "response property type narrowed",
    spec: "seed",
    edit: (d) => (voiceClone(d).properties.language.type = "null"),
    rules: ["response-property-type-narrowed"],
  },
  {
    name: "response property default removed",
    spec: "moves",
    edit: (d) => delete schema(d, "Owner").properties.name.default,
    rules: times(3, "response-property-default-removed"),
  },
  {
    name: "response media type replaced",
    spec: "moves",
    edit: (d) => (d.paths["/things"].get.responses["200"].content = { "text/plain": { schema: { type: "string" } } }),
    rules: ["response-media-type-removed", "response-media-type-added"],
  },
  {
    name: "error response media type removed",
    spec: "moves",
    edit: (d) => (d.paths["/things"].get.responses["404"].content = {}),
    rules: ["response-error-media-type-removed"],
    tsc: {
      compiles: true,
      why: "`error` becomes `never`; the consumer's `if (error) readError(error)` still compiles (never is assignable to anything); code reading `error.message` directly would not",
    },
  },
  {
    name: "paginator added (page-number parameters)",
    spec: "moves",
    edit: (d) =>
      d.paths["/things"].get.parameters.push(
        { name: "page[number]", in: "query", schema: { type: "integer" } },
        { name: "page[size]", in: "query", schema: { type: "integer" } },
      ),
    rules: [
      "paginator-added",
      "new-optional-request-parameter",
      "new-optional-request-parameter",
      "cli-flag-added",
      "cli-flag-added",
    ],
  },

  // Telnyx's own changes between consecutive published versions, repeated on these copies
  {
    name: "Telnyx 2026-06-15: operationId replaced by a generated snake_case id",
    spec: "seed",
    edit: (d) => (listOp(d).operationId = "list_voice_clones_voice_clones_get"),
    rules: ["operation-id-changed", "paginator-renamed"],
  },
  {
    name: "Telnyx 2026-06-16: a request union member requires one more property",
    spec: "full",
    edit: (d) =>
      Object.assign(schema(d, "DocServiceDocumentUploadURL"), {
        properties: { ...schema(d, "DocServiceDocumentUploadURL").properties, customer_reference: { type: "string" } },
        required: ["url", "customer_reference"],
      }),
    rules: ["cli-flag-added", "new-required-request-property"],
  },
  {
    name: "Telnyx 2026-06-26: a query parameter removed and the command renamed",
    spec: "seed",
    edit: (d) => {
      listOp(d).parameters.splice(2, 1);
      listOp(d).tags = ["Voice Library"];
    },
    rules: ["request-parameter-removed", "cli-flag-removed", "cli-command-renamed"],
  },
  {
    name: "Telnyx 2026-07-16: a property of list items removed",
    spec: "seed",
    edit: (d) => delete voiceClone(d).properties.provider_supported_models,
    rules: ["response-property-removed"],
  },

  // Nothing for a client
  {
    name: "descriptions and examples only",
    spec: "seed",
    edit: (d) => {
      voiceClone(d).description = "A clone.";
      listOp(d).summary = "List clones";
      schema(d, "voice-designs_PaginationMeta").example.total_pages = 9;
    },
    rules: [],
  },
];

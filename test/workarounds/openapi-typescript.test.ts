/**
 * One test per workaround in scripts/workarounds/openapi-typescript.ts: each
 * fails when openapi-typescript changes the behaviour worked around, so the
 * workaround can be revisited (or removed).
 */
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { nameOf, transformDocument } from "../../scripts/workarounds/openapi-typescript.js";

/** A small bundled document: refs to components only, a discriminator, `required` added over an allOf. */
function doc(): OpenAPI3 {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/pets/{id}": {
        get: {
          operationId: "getPet",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Pet: {
          oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
          discriminator: { propertyName: "kind" },
        },
        Cat: {
          type: "object",
          required: ["kind"],
          properties: { kind: { type: "string" }, lives: { type: "integer", default: 9 } },
        },
        Dog: { allOf: [{ $ref: "#/components/schemas/Base" }], required: ["name"] },
        Base: { type: "object", properties: { kind: { type: "string" }, name: { type: "string" } } },
      },
    },
  } as unknown as OpenAPI3;
}

describe("openapi-typescript workarounds", () => {
  it("1. openapiTS() changes the document it is given (its bundle, and the discriminator scan), so it gets a copy", async () => {
    const before = doc();
    const given = doc();
    await openapiTS(given, { silent: true });
    expect(given).not.toEqual(before);
    const mine = doc();
    const printed = astToString(await transformDocument(mine, {}));
    expect(mine).toEqual(before);
    expect(printed).toContain('kind: "Cat"'); // the discriminator's value reached the subschema
  });

  it("2. its own WithRequired still requires K extends keyof T (no union or undefined T)", async () => {
    const nodes = await openapiTS(doc(), { silent: true });
    const helper = nodes.find((node) => nameOf(node) === "WithRequired");
    expect(helper).toBeDefined();
    expect(astToString(helper as never)).toContain("K extends keyof T");
  });
});

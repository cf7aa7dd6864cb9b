/**
 * The lines of places in YAML text (scripts/api-diff/locate.ts): js-yaml's
 * event offsets give the same line and column as yaml's node ranges (the
 * slower way, kept for text js-yaml refuses), key by key and item by item.
 */
import { describe, expect, it } from "vitest";
import { yamlLines, yamlNodeLines } from "../../scripts/api-diff/locate.js";

const TEXT = `openapi: 3.1.0
"paths":
  '/a/{id}':
    get: {operationId: getA, responses: {'200': {description: ok}}}
  /b:
    post:
      parameters:
        - name: x
          in: query
        - {name: "y", in: header}
      responses:
        201: &created
          description: >-
            made
        0x10: *created
        true: |
          text
components:
  schemas:
    A: {type: object, properties: {a: {type: string}}}
    A: {type: array}
    ? [complex, key]
    : 1
    ~: null-key
`;

function pointers(
  node: unknown,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(path);
  if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node))
      pointers(value, [...path, Array.isArray(node) ? Number(key) : key], out);
  }
  return out;
}

describe("YAML lines", () => {
  it("js-yaml's event offsets place every key and item where yaml's node ranges do", () => {
    const fast = yamlLines(TEXT);
    const slow = yamlNodeLines(TEXT);
    const tree = {
      paths: {
        "/a/{id}": { get: { operationId: 1, responses: { "200": { description: 1 } } } },
        "/b": {
          post: {
            parameters: [
              { name: 1, in: 1 },
              { name: 1, in: 1 },
            ],
            responses: { "201": { description: 1 }, "16": { description: 1 }, true: 1 },
          },
        },
      },
      components: { schemas: { A: { type: 1, properties: { a: { type: 1 } } } } },
      openapi: 1,
      missing: 1,
      null: 1,
    };
    const all = pointers(tree);
    expect(all.length).toBeGreaterThan(25);
    for (const tokens of all) expect(fast(tokens), tokens.join("/")).toEqual(slow(tokens));
    expect(fast(["paths", "/b", "post", "parameters", 1, "name"])).toEqual({ line: 10, column: 12 });
    expect(fast(["paths", "/b", "post", "responses", "16", "description"])).toBeUndefined(); // an alias: its node is elsewhere
    expect(fast(["paths", "/b", "post", "responses", "16"])).toEqual({ line: 15, column: 9 });
  });
});

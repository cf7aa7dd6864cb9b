/**
 * What the engine compares is what a schema means, not where it is written:
 * every `$ref` in an operation is replaced by a copy of what it names, so an
 * inline schema moved to a component (or back) with the same content is the
 * same tree on both sides, and a change behind a ref is a change in the tree.
 * The engine then merges `allOf` on the resolved trees, so an `allOf` whose
 * `$ref` is swapped compares the merged fields.
 *
 * Recursion is bounded: a ref to a component that is already being resolved
 * on the way down (a recursive schema) stays a `$ref`, as does one nested
 * deeper than MAX_DEPTH refs; the engine compares those by name. A component
 * resolved without meeting either is resolved once and shared.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { resolvePointer } from "../spec/json-pointer.js";
import { isObject } from "../spec/openapi-walk.js";

const MAX_DEPTH = 32;

/** Where a resolved schema keeps the name of the component it came from. */
export const REF_NAME = "x-api-diff-ref";

/** Keywords beside a `$ref` that change nothing for a client; others make `allOf: [target, siblings]`. */
const ANNOTATIONS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "deprecated",
  "$comment",
  "readOnly",
  "writeOnly",
]);

export class RefResolver {
  readonly #doc: OpenApiDocument;
  readonly #done = new Map<string, unknown>();

  constructor(doc: OpenApiDocument) {
    this.#doc = doc;
  }

  /** A copy of `node` with its refs resolved (recursive ones kept). */
  resolve(node: unknown): unknown {
    return this.#walk(node, []).value;
  }

  /** `cut`: a ref was kept somewhere below (recursion or depth), so the result depends on the way down and is not shared. */
  #walk(node: unknown, stack: readonly string[]): { value: unknown; cut: boolean } {
    if (Array.isArray(node)) {
      let cut = false;
      const value = node.map((item) => {
        const r = this.#walk(item, stack);
        cut ||= r.cut;
        return r.value;
      });
      return { value, cut };
    }
    if (!isObject(node)) return { value: node, cut: false };
    if (typeof node.$ref === "string") return this.#ref(node, node.$ref, stack);
    let cut = false;
    const value: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      // Examples and extensions are data, not schemas: copied as they are.
      if (key === "example" || key === "examples" || key.startsWith("x-")) {
        value[key] = child;
        continue;
      }
      const r = this.#walk(child, stack);
      cut ||= r.cut;
      value[key] = r.value;
    }
    return { value, cut };
  }

  #ref(node: Record<string, unknown>, ref: string, stack: readonly string[]): { value: unknown; cut: boolean } {
    const { $ref: _ref, ...siblings } = node;
    const target = ref.startsWith("#") ? resolvePointer(this.#doc, ref) : undefined;
    if (target === undefined || stack.includes(ref) || stack.length >= MAX_DEPTH) return { value: node, cut: true };
    let resolved = this.#done.get(ref);
    let cut = false;
    if (resolved === undefined) {
      const r = this.#walk(target, [...stack, ref]);
      // The component's name stays with its content, for messages ("oneOf member added (ClientSideTool)"); the report judges no `x-` key.
      resolved = isObject(r.value) ? { ...r.value, [REF_NAME]: ref.split("/").pop() } : r.value;
      cut = r.cut;
      if (!cut) this.#done.set(ref, resolved);
    }
    const own = Object.keys(siblings).filter((key) => !ANNOTATIONS.has(key));
    if (own.length === 0) return { value: resolved, cut };
    const rest = this.#walk(siblings, stack);
    return { value: { allOf: [resolved, rest.value] }, cut: cut || rest.cut };
  }
}

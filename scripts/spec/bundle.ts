/**
 * One self-contained document for the code steps: a multi-file spec is
 * bundled by Redocly from the files the load step read (no other file, no
 * URL), then every ref is made one openapi-typescript can turn into a type
 * without reading anything: a ref to a component (`#/components/schemas/X`)
 * stays a ref; a ref anywhere else (into a schema's properties or items, into
 * `paths`, ...) is replaced by what it points at, as JSON Reference defines,
 * except a ref inside the very schema it points into (a recursive schema
 * reached by a path, `#/components/schemas/Tree/definitions/node`): that
 * schema moves to a component of its own (`Tree_definitions_node`) and every
 * ref to it becomes a ref to that component. `externalValue` (an example's
 * URL) is dropped, since tools would fetch it. The loaded files are never
 * changed: a new document comes out.
 */
import { relative } from "node:path";
import type { LoadedSpec } from "./load.js";
import { GenerateError, type Place } from "../errors.js";
import { pointerToken, pointerTokens, resolvePointer, unescapeToken } from "./json-pointer.js";
import { isObject } from "./openapi-walk.js";
import { isMappingRef } from "./ref-policy.js";
import { MAX_DEPTH } from "./parse-spec.js";
import { redocly } from "./redocly.js";

export type OpenApiDocument = Record<string, unknown>;

/** Nodes that inlining refs may add, counted as if every inlined copy were separate. */
export const MAX_INLINED_NODES = 1_000_000;
/** Deepest nesting after inlining (the load step allows MAX_DEPTH before it). */
export const MAX_NORMALIZED_DEPTH = 2 * MAX_DEPTH;
const COMPONENT_KINDS = new Set(["schemas", "responses", "parameters", "requestBodies", "headers", "pathItems"]);

export interface Bundled {
  doc: OpenApiDocument;
  /** Pointers of the recursive schemas that became components, in the order found. */
  hoisted: string[];
}

export async function bundleSpec(spec: LoadedSpec): Promise<Bundled> {
  const file = relative(process.cwd(), spec.root.path) || spec.root.path;
  const doc = spec.files.size === 1 ? spec.root.parsed : await bundleFiles(spec, file);
  return normalizeRefs(doc as OpenApiDocument, file);
}

async function bundleFiles(spec: LoadedSpec, file: string): Promise<unknown> {
  const { bundle, createConfig } = redocly();
  const { PreloadedResolver, createDocuments } = await import("./preloaded-resolver.js");
  const docs = createDocuments(spec, { forBundle: true });
  const result = await bundle({
    doc: docs.get(spec.root.path)!,
    externalRefResolver: new PreloadedResolver(docs),
    config: await createConfig({}),
    dereference: false,
  });
  const error = result.problems.find((p) => p.severity === "error");
  if (error) {
    const at = error.location[0];
    const where = at ? relative(process.cwd(), at.source.absoluteRef) || at.source.absoluteRef : file;
    throw new GenerateError(
      `bundling the spec's files failed: ${error.message}`,
      { file: where, pointer: at && "pointer" in at ? at.pointer : undefined },
      "fix the ref at that place",
    );
  }
  return result.bundle.parsed;
}

/** The document with refs that only name components, or a GenerateError. */
export function normalizeRefs(doc: OpenApiDocument, file: string): Bundled {
  const inlined = new Map<string, unknown>();
  const open: string[] = [];
  /** Pointer of a recursive schema -> the component it becomes, and its (normalized) schema. */
  const hoisted = new Map<string, { name: string; schema?: unknown }>();
  const taken = new Set(Object.keys(componentSchemas(doc)));
  const sizes = new WeakMap<object, number>();
  const heights = new WeakMap<object, number>();
  let added = 0;
  const fail = (message: string, place: Place, fix: string) => new GenerateError(message, { file, ...place }, fix);

  const inline = (ref: string, depth: number): unknown => {
    if (open.includes(ref)) {
      // Inside its own target: a recursive schema, which only a named type can express.
      if (!hoisted.has(ref)) hoisted.set(ref, { name: componentName(ref, taken) });
      return { $ref: `#/components/schemas/${pointerToken(hoisted.get(ref)!.name)}` };
    }
    let value = inlined.get(ref);
    if (value === undefined) {
      const target = resolvePointer(doc, ref);
      if (target === undefined)
        throw fail(
          `$ref ${JSON.stringify(ref)} does not resolve`,
          { pointer: ref },
          "fix the ref, or add the component it names",
        );
      open.push(ref);
      value = visit(target, "$ref", depth);
      open.pop();
      const component = hoisted.get(ref);
      if (component) {
        component.schema = value;
        value = { $ref: `#/components/schemas/${pointerToken(component.name)}` };
      }
      inlined.set(ref, value);
    }
    if (depth + heightOf(value, heights) > MAX_NORMALIZED_DEPTH) {
      throw fail(
        `inlining refs into the middle of schemas nests the spec more than ${MAX_NORMALIZED_DEPTH} deep`,
        { pointer: ref },
        "move nested parts to #/components and $ref them there",
      );
    }
    added += sizeOf(value, sizes);
    if (added > MAX_INLINED_NODES) {
      throw fail(
        `refs into the middle of schemas expand the spec by more than ${MAX_INLINED_NODES.toLocaleString("en")} nodes`,
        { pointer: ref },
        "move the shared parts to #/components and $ref them there",
      );
    }
    return value;
  };

  const visit = (node: unknown, parentKey: string | number, depth: number): unknown => {
    if (node === null || typeof node !== "object") return node;
    if (depth > MAX_NORMALIZED_DEPTH) {
      throw fail(
        `inlining refs into the middle of schemas nests the spec more than ${MAX_NORMALIZED_DEPTH} deep`,
        {},
        "move nested parts to #/components and $ref them there",
      );
    }
    if (Array.isArray(node)) {
      const items = node.map((item, i) => visit(item, i, depth + 1));
      return items.some((item, i) => item !== node[i]) ? items : node;
    }
    const record = node as Record<string, unknown>;
    const entries: [string, unknown][] = [];
    let changed = false;
    let replacement: unknown;
    for (const [key, value] of Object.entries(record)) {
      if (key === "$ref" && typeof value === "string") {
        if (!value.startsWith("#"))
          throw fail(
            `$ref ${JSON.stringify(value)} is still external after bundling`,
            {},
            "report this: the load step should have refused or bundled it",
          );
        const component = componentRef(value);
        if (component === undefined) replacement = inline(value, depth);
        else if (component !== value) {
          entries.push([key, component]);
          changed = true;
        } else entries.push([key, value]);
        continue;
      }
      if (key === "externalValue" && typeof value === "string") {
        changed = true;
        continue;
      }
      if (parentKey === "discriminator" && (key === "mapping" || key === "defaultMapping")) checkMapping(value, fail);
      const next = visit(value, key, depth + 1);
      if (next !== value) changed = true;
      entries.push([key, next]);
    }
    if (replacement !== undefined) {
      // A ref with siblings (OpenAPI 3.1): the siblings annotate the target.
      if (entries.length === 0 || replacement === null || typeof replacement !== "object" || Array.isArray(replacement))
        return replacement;
      return Object.fromEntries([...Object.entries(replacement), ...entries]);
    }
    return changed ? Object.fromEntries(entries) : node;
  };

  let normalized = visit(doc, "", 0) as OpenApiDocument;
  if (hoisted.size === 0) return { doc: normalized, hoisted: [] };
  // Where each hoisted schema was written, a ref to its component now stands (one definition, not two).
  for (const [pointer, { name }] of hoisted)
    normalized = replaceAt(normalized, pointer, {
      $ref: `#/components/schemas/${pointerToken(name)}`,
    }) as OpenApiDocument;
  const components = isObject(normalized.components) ? normalized.components : {};
  const schemas = {
    ...componentSchemas(normalized),
    ...Object.fromEntries([...hoisted.values()].map((h) => [h.name, h.schema])),
  };
  return { doc: { ...normalized, components: { ...components, schemas } }, hoisted: [...hoisted.keys()] };
}

/** `root` with the object at `pointer` replaced by `value`, copying the objects on the way (the rest is shared); unchanged when the path is not there. */
function replaceAt(root: unknown, pointer: string, value: unknown): unknown {
  const tokens = pointerTokens(pointer) ?? [];
  const step = (node: unknown, i: number): unknown => {
    const token = tokens[i];
    if (token === undefined || !isObject(node) || typeof node.$ref === "string" || !Object.hasOwn(node, token))
      return node;
    return { ...node, [token]: i === tokens.length - 1 ? value : step(node[token], i + 1) };
  };
  return step(root, 0);
}

function componentSchemas(doc: OpenApiDocument): Record<string, unknown> {
  return isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
}

/**
 * A component name for a schema found at `pointer`: its tokens after
 * `#/components/<kind>/`, joined by `_`, with characters outside OpenAPI's
 * component-name set (`A-Z a-z 0-9 . _ -`) as `_`; `_2`, `_3`, ... when taken.
 */
function componentName(pointer: string, taken: Set<string>): string {
  const tokens = pointerTokens(pointer) ?? [];
  const path = tokens[0] === "components" && tokens.length > 2 ? tokens.slice(2) : tokens;
  const base = path.join("_").replace(/[^A-Za-z0-9._-]/g, "_");
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

/** `#/components/<kind>/<name>` in canonical form (no %-escapes), or undefined for any other ref. */
function componentRef(ref: string): string | undefined {
  const tokens = ref.slice(2).split("/");
  if (!ref.startsWith("#/") || tokens.length !== 3 || tokens[0] !== "components" || !COMPONENT_KINDS.has(tokens[1]!))
    return undefined;
  const name = unescapeToken(tokens[2]!);
  if (name === undefined) return undefined;
  return `#/components/${tokens[1]}/${pointerToken(name)}`;
}

/** Discriminator mapping refs must be internal by now (Redocly would load anything else). */
function checkMapping(value: unknown, fail: (message: string, place: Place, fix: string) => GenerateError): void {
  for (const target of typeof value === "string" ? [value] : isObject(value) ? Object.values(value) : []) {
    if (typeof target === "string" && isMappingRef(target) && !target.startsWith("#")) {
      throw fail(
        `discriminator mapping ${JSON.stringify(target)} is still external after bundling`,
        {},
        "map to #/components/schemas/<Name>",
      );
    }
  }
}

/** Nesting depth of a value (a scalar is 0), memoized per object. */
function heightOf(value: unknown, heights: WeakMap<object, number>): number {
  if (value === null || typeof value !== "object") return 0;
  const known = heights.get(value);
  if (known !== undefined) return known;
  let height = 0;
  for (const child of Array.isArray(value) ? value : Object.values(value))
    height = Math.max(height, heightOf(child, heights));
  heights.set(value, height + 1);
  return height + 1;
}

/** Node count of a value as a tree (shared objects counted each time), memoized per object. */
function sizeOf(value: unknown, sizes: WeakMap<object, number>): number {
  if (value === null || typeof value !== "object") return 1;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  let size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) size += sizeOf(child, sizes);
  sizes.set(value, size);
  return size;
}

/**
 * Where a change is: the engine reports paths in its merged view (refs
 * inlined, `allOf` merged, an operation's parameters merged with its path
 * item's). This walks such a path through a real document, following `$ref`s
 * (across files for the source), looking into `allOf` parts for what the
 * merged view put together, and finding a parameter by name and location:
 * - in the bundled document, for the JSON pointer reported (where to edit:
 *   `#/components/schemas/VoiceCloneData/properties/name`);
 * - in the spec's files, for `file:line` (JSON through jsonc-parser, YAML
 *   through js-yaml's event offsets, else yaml's node ranges when js-yaml
 *   refuses the text; each file parsed once, only when asked).
 * Something the head no longer has is placed at the deepest part it still has.
 */
import { dirname, resolve } from "node:path";
import { shownPath } from "../paths.js";
import { parseTree, findNodeAtLocation, type Node as JsonNode } from "jsonc-parser";
import type { Node as YamlNode } from "yaml";
import type { Event as YamlEvent } from "js-yaml";
import type { OpenApiDocument } from "../spec/bundle.js";
import type { LoadedSpec } from "../spec/load.js";
import { pointerOf, unescapeToken } from "../spec/json-pointer.js";
import { lazyRequire } from "../lazy-require.js";
import { isObject } from "../spec/openapi-walk.js";
import type { SourceLocation } from "./change.js";

const yaml = lazyRequire<typeof import("yaml")>("yaml");
const jsYaml = lazyRequire<typeof import("js-yaml")>("js-yaml");

/** A parameter, found by name and location among an operation's and its path item's parameters. */
export interface ParamToken {
  name: string;
  in: string;
}

/** A path as the engine reports it, with parameters named instead of indexed: `["paths", p, "get", {name, in}, "schema"]`. */
export type LocatePath = readonly (string | number | ParamToken)[];

interface Position {
  file: string;
  tokens: (string | number)[];
  node: unknown;
  parent?: Position;
}

interface Walked {
  at: Position;
  complete: boolean;
}

/** Resolves a `$ref` found in `file` to its file, pointer tokens and node; undefined when it does not resolve. */
type Follow = (ref: string, file: string) => Omit<Position, "parent"> | undefined;

export function isParamToken(token: unknown): token is ParamToken {
  return typeof token === "object" && token !== null && "name" in token && "in" in token;
}

/**
 * The JSON pointer of `path` in a bundled document (refs there only name
 * components). The last step is not followed through a `$ref`: a property
 * whose schema is shared is placed at its key (`.../properties/repository`),
 * not at the shared component.
 */
export function pointerIn(doc: OpenApiDocument, path: LocatePath): string {
  return pointerOf(walk({ file: "", tokens: [], node: doc }, path, 0, bundledFollow(doc), false).at.tokens);
}

function bundledFollow(doc: OpenApiDocument): Follow {
  return (ref) => {
    const tokens = pointerTokens(ref);
    const node = tokens && nodeAt(doc, tokens);
    return tokens && node !== undefined ? { file: "", tokens, node } : undefined;
  };
}

/** The node at `path` in a bundled document; undefined when the document has nothing there. */
export function nodeIn(doc: OpenApiDocument, path: LocatePath): unknown {
  const walked = walk({ file: "", tokens: [], node: doc }, path, 0, bundledFollow(doc));
  return walked.complete ? walked.at.node : undefined;
}

/** Finds lines of paths in a loaded spec's files. */
export class SourceLocator {
  readonly #spec: LoadedSpec;
  readonly #cwd: string;
  readonly #lines = new Map<string, (tokens: readonly (string | number)[]) => Position1 | undefined>();
  readonly #shown: (file: string) => string;

  /** `shown`: how a file is named in the report (default: relative to `cwd`). */
  constructor(spec: LoadedSpec, cwd: string, shown?: (file: string) => string) {
    this.#spec = spec;
    this.#cwd = cwd;
    this.#shown = shown ?? ((file) => shownPath(this.#cwd, file));
  }

  locate(path: LocatePath): SourceLocation | undefined {
    const files = this.#spec.files;
    const follow: Follow = (ref, from) => {
      const hash = ref.indexOf("#");
      const filePart = hash === -1 ? ref : ref.slice(0, hash);
      const file = filePart === "" ? from : resolve(dirname(from), filePart);
      const tokens = pointerTokens(hash === -1 ? "#" : ref.slice(hash));
      const parsed = files.get(file)?.parsed;
      const node = tokens && parsed !== undefined ? nodeAt(parsed, tokens) : undefined;
      return tokens && node !== undefined ? { file, tokens, node } : undefined;
    };
    const { at } = walk(
      { file: this.#spec.root.path, tokens: [], node: this.#spec.root.parsed },
      path,
      0,
      follow,
      false,
    );
    const position = this.#lineFinder(at.file)(at.tokens);
    return position === undefined ? undefined : { file: this.#shown(at.file), ...position };
  }

  #lineFinder(file: string): (tokens: readonly (string | number)[]) => Position1 | undefined {
    let finder = this.#lines.get(file);
    if (!finder) {
      const text = this.#spec.files.get(file)?.text ?? "";
      finder = /^\s*\{/.test(text) ? jsonLines(text) : yamlLines(text);
      this.#lines.set(file, finder);
    }
    return finder;
  }
}

function walk(start: Position, path: LocatePath, from: number, follow: Follow, followLast = true): Walked {
  let at = followRefs(start, follow);
  // Schemas holding a oneOf/anyOf passed on the way, and where the path goes on after the member's index.
  const unions: { holder: Position; next: number }[] = [];
  for (let i = from; i < path.length; i++) {
    const token = path[i]!;
    if ((token === "oneOf" || token === "anyOf") && typeof path[i + 1] === "number")
      unions.push({ holder: at, next: i + 2 });
    const last = i === path.length - 1 && !followLast;
    const next = isParamToken(token)
      ? parameter(at, token, follow)
      : child(at, token, last ? (_ref) => undefined : follow);
    if (next) {
      at = next;
      continue;
    }
    // The engine moves a schema's own properties into each of its oneOf/anyOf members, as
    // `allOf: [member, own properties]`: part 0 is the member, part 1 the schema holding the oneOf.
    const combiner = at.parent?.tokens[at.parent.tokens.length - 1];
    if (
      token === "allOf" &&
      (combiner === "oneOf" || combiner === "anyOf") &&
      isObject(at.node) &&
      !("allOf" in at.node) &&
      (path[i + 1] === 0 || path[i + 1] === 1)
    ) {
      const holder = path[i + 1] === 0 ? at : at.parent?.parent;
      if (holder) return walk(holder, path, i + 2, follow, followLast);
    }
    // The merged view put `allOf` parts together: look for the rest of the path in each part.
    const parts = isObject(at.node) && Array.isArray(at.node.allOf) ? at.node.allOf : [];
    for (let k = 0; k < parts.length; k++) {
      const part = walk(
        { file: at.file, tokens: [...at.tokens, "allOf", k], node: parts[k], parent: at },
        path,
        i,
        follow,
        followLast,
      );
      if (part.complete) return part;
    }
    // The key was found, but what follows it is in an `allOf` part of the node holding it (a schema with its own
    // `properties` and an allOf part with more): look for the key and the rest in each part of that node.
    const holder = at.parent;
    const holderParts =
      i > from && holder && isObject(holder.node) && Array.isArray(holder.node.allOf) ? holder.node.allOf : [];
    for (let k = 0; k < holderParts.length; k++) {
      const part = walk(
        { file: holder!.file, tokens: [...holder!.tokens, "allOf", k], node: holderParts[k], parent: holder },
        path,
        i - 1,
        follow,
        followLast,
      );
      if (part.complete) return part;
    }
    // The engine merges a schema's own keys into each of its oneOf/anyOf members: what a member lacks may be the holder's.
    for (const { holder: union, next } of unions.reverse()) {
      const own = walk(union, path, next, follow, followLast);
      // Complete, or stopped at the same key as here (its `properties`): for what is gone, the holder's is where it was.
      if (own.complete || own.at.tokens[own.at.tokens.length - 1] === at.tokens[at.tokens.length - 1]) return own;
    }
    return { at, complete: false };
  }
  return { at, complete: true };
}

function child(at: Position, token: string | number, follow: Follow): Position | undefined {
  const node = at.node;
  const key = typeof token === "number" ? token : String(token);
  if (Array.isArray(node) ? typeof key === "number" && key < node.length : isObject(node) && Object.hasOwn(node, key)) {
    return followRefs(
      { file: at.file, tokens: [...at.tokens, key], node: (node as Record<string | number, unknown>)[key], parent: at },
      follow,
    );
  }
  return undefined;
}

/** In an operation: its own parameter of that name and location, else its path item's. */
function parameter(operation: Position, token: ParamToken, follow: Follow): Position | undefined {
  for (const holder of [operation, operation.parent]) {
    const list = holder && child(holder, "parameters", follow);
    if (!list || !Array.isArray(list.node)) continue;
    for (let k = 0; k < list.node.length; k++) {
      const param = child(list, k, follow);
      if (param && isObject(param.node) && param.node.name === token.name && param.node.in === token.in) return param;
    }
  }
  return undefined;
}

function followRefs(at: Position, follow: Follow): Position {
  let current = at;
  for (let hops = 0; hops < 64 && isObject(current.node) && typeof current.node.$ref === "string"; hops++) {
    const target = follow(current.node.$ref, current.file);
    if (!target) break;
    current = { ...target, parent: current.parent };
  }
  return current;
}

function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === "#" || pointer === "") return [];
  if (!pointer.startsWith("#/")) return undefined;
  const tokens = pointer.slice(2).split("/").map(unescapeToken);
  return tokens.every((token) => token !== undefined) ? (tokens as string[]) : undefined;
}

function nodeAt(root: unknown, tokens: readonly string[]): unknown {
  let node = root;
  for (const token of tokens) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Line and column (1-based) of the key (or item) at `tokens` in JSON text. */
function jsonLines(text: string): (tokens: readonly (string | number)[]) => Position1 | undefined {
  const tree = parseTree(text);
  const lineOf = lineCounter(text);
  return (tokens) => {
    if (!tree) return undefined;
    const node: JsonNode | undefined = tokens.length === 0 ? tree : findNodeAtLocation(tree, [...tokens]);
    if (!node) return undefined;
    return lineOf(node.parent?.type === "property" ? node.parent.offset : node.offset);
  };
}

/** Line and column (1-based) of the key (or item) at `tokens` in YAML text. */
export function yamlLines(text: string): (tokens: readonly (string | number)[]) => Position1 | undefined {
  let root: Offsets | undefined;
  try {
    root = offsetTree(text, jsYaml().parseEvents(text, {}));
  } catch {
    return yamlNodeLines(text); // js-yaml refuses what yaml may read: the spec loaded through the positional parser
  }
  const lineOf = lineCounter(text);
  return (tokens) => {
    let node = root;
    let offset = node?.start;
    for (const token of tokens) {
      if (node?.keys) {
        const entry = node.keys.get(String(token));
        if (!entry) return undefined;
        offset = entry.at;
        node = entry.node;
      } else if (node?.items && typeof token === "number") {
        node = node.items[token];
        offset = node?.start ?? offset;
      } else {
        return undefined;
      }
    }
    return offset === undefined ? undefined : lineOf(offset);
  };
}

/** Where a YAML node starts, and for a mapping or a sequence where each key or item does. */
interface Offsets {
  start: number;
  keys?: Map<string, { at: number; node: Offsets | undefined }>;
  items?: (Offsets | undefined)[];
}

/** The offsets of every node, from js-yaml's flat event stream (a mapping's events alternate key, value). */
function offsetTree(text: string, events: YamlEvent[]): Offsets | undefined {
  const { EVENT_ID, SCALAR_STYLE } = jsYaml();
  let root: Offsets | undefined;
  const open: { node: Offsets; key?: { text: string; at: number } }[] = [];
  const add = (node: Offsets, keyText?: string) => {
    const parent = open[open.length - 1];
    if (!parent) {
      root ??= node;
      return;
    }
    if (parent.node.items) {
      parent.node.items.push(node);
      return;
    }
    if (!parent.key) {
      parent.key = { text: keyText ?? "\0", at: node.start }; // a key; a complex one matches no token
      return;
    }
    if (!parent.node.keys!.has(parent.key.text)) parent.node.keys!.set(parent.key.text, { at: parent.key.at, node }); // the first of duplicates, as yaml's find
    delete parent.key;
  };
  for (const event of events) {
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const node: Offsets =
        event.type === EVENT_ID.MAPPING ? { start: event.start, keys: new Map() } : { start: event.start, items: [] };
      add(node);
      open.push({ node });
    } else if (event.type === EVENT_ID.SCALAR) {
      const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
      add({ start: event.valueStart - (quoted ? 1 : 0) }, scalarKey(text, event));
    } else if (event.type === EVENT_ID.ALIAS) {
      add({ start: event.anchorStart - 1 });
    } else if (event.type === EVENT_ID.POP && open.length > 0) {
      open.pop();
    }
  }
  return root;
}

/** A scalar as a mapping key reads (as yaml's `String(key.value)`): plain ones through the core schema (`0x10` is "16"). */
function scalarKey(text: string, event: Extract<YamlEvent, { valueStart: number }>): string {
  const { getScalarValue, SCALAR_STYLE, NOT_RESOLVED, nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag } = jsYaml();
  const value = getScalarValue(text, event);
  if (event.style !== SCALAR_STYLE.PLAIN || event.tagStart !== -1) return value;
  for (const tag of [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag]) {
    const resolved = tag.resolve(value, false, tag.tagName);
    if (resolved !== NOT_RESOLVED) return String(resolved);
  }
  return value;
}

/** The same through yaml's node tree (several times slower), for text js-yaml refuses. */
export function yamlNodeLines(text: string): (tokens: readonly (string | number)[]) => Position1 | undefined {
  const { isMap, isSeq, isScalar, parseDocument } = yaml();
  const doc = parseDocument(text, { uniqueKeys: false, merge: true, keepSourceTokens: false });
  const lineOf = lineCounter(text);
  return (tokens) => {
    let node: YamlNode | null | undefined = doc.contents;
    let offset = node?.range?.[0];
    for (const token of tokens) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === String(token),
        );
        if (!pair) return undefined;
        offset = (pair.key as YamlNode | null)?.range?.[0] ?? offset;
        node = pair.value as YamlNode | null;
      } else if (isSeq(node) && typeof token === "number") {
        node = node.items[token] as YamlNode | undefined;
        offset = node?.range?.[0] ?? offset;
      } else {
        return undefined;
      }
    }
    return offset === undefined ? undefined : lineOf(offset);
  };
}

/** Line and column, both 1-based. */
interface Position1 {
  line: number;
  column: number;
}

/** Offset -> line and column (1-based), by binary search over the line starts. */
function lineCounter(text: string): (offset: number) => Position1 {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

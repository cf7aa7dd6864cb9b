/**
 * YAML text -> plain JSON-compatible data, safely, in time linear in the
 * text. The happy path is parse-yaml-fast.ts (no positions); when it gives
 * up, this positional parser reads the text and decides. `yaml` builds the node tree (its own unique-key check and `toJS` are
 * quadratic, so neither is used); our walk turns it into plain data with
 * duplicate keys refused, aliases and `<<` merges resolved once each
 * (shared, never copied) and counted against a budget, so an alias bomb
 * fails at once instead of eating memory.
 */
import type { Node } from "yaml";
import { GenerateError } from "../errors.js";
import { MAX_DEPTH } from "./parse-json.js";
import { lazyRequire } from "../lazy-require.js";
import { parseYamlFast } from "./parse-yaml-fast.js";

/** A JSON spec never needs `yaml` (~30 ms of start-up). */
const yaml = lazyRequire<typeof import("yaml")>("yaml");

/** Nodes that YAML aliases and merges may add to the document, counted as if each were copied. */
export const MAX_ALIAS_NODES = 1_000_000;

export function parseYaml(text: string, file: string): unknown {
  return parseYamlFast(text) ?? parseYamlWithPositions(text, file);
}

/** The positional parser: yaml's node tree and our walk, which names the line of each problem. */
export function parseYamlWithPositions(text: string, file: string): unknown {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    uniqueKeys: false,
    merge: true,
    strict: true,
    prettyErrors: false,
    lineCounter: lines,
  });
  const at = (offset: number | undefined) => {
    const pos = lines.linePos(offset ?? 0);
    return { file, line: pos.line || 1, column: pos.col || 1 };
  };
  const problem = doc.errors[0];
  if (problem) {
    if (problem.code === "RESOURCE_EXHAUSTION") {
      throw new GenerateError(
        "the YAML is nested too deeply to parse",
        at(problem.pos[0]),
        "flatten the document: move nested schemas to #/components and $ref them",
      );
    }
    throw new GenerateError(
      `invalid YAML: ${problem.message.split("\n")[0]!.trim()}`,
      at(problem.pos[0]),
      "fix the YAML syntax at that place",
    );
  }
  return new YamlToPlain((node, message, fix) => new GenerateError(message, at(node?.range?.[0]), fix)).value(
    doc.contents,
  );
}

type Fail = (node: Node | null | undefined, message: string, fix: string) => GenerateError;

/** The walk from yaml's node tree to plain data. */
class YamlToPlain {
  /** The latest node carrying each anchor, in document order. */
  readonly #anchors = new Map<string, Node>();
  /** Converted anchored nodes with their expanded size, so each alias costs O(1). */
  readonly #done = new Map<Node, { value: unknown; size: number }>();
  /** Anchored nodes still being converted: an alias to one of them is a loop. */
  readonly #open = new Set<Node>();
  #added = 0;

  readonly #yaml = yaml();

  constructor(readonly fail: Fail) {}

  value(node: Node | null | undefined): unknown {
    return this.#convert(node, 0).value;
  }

  #convert(node: Node | null | undefined, depth: number): { value: unknown; size: number } {
    if (node === null || node === undefined) return { value: null, size: 1 };
    if (this.#yaml.isAlias(node)) return this.#alias(node);
    if ((this.#yaml.isMap(node) || this.#yaml.isSeq(node)) && depth >= MAX_DEPTH)
      throw this.fail(
        node,
        `objects and arrays are nested more than ${MAX_DEPTH} deep`,
        "flatten the document: move nested schemas to #/components and $ref them",
      );
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      this.#anchors.set(anchor, node);
      this.#open.add(node);
    }
    let result: { value: unknown; size: number };
    if (this.#yaml.isScalar(node)) result = { value: this.#scalar(node), size: 1 };
    else if (this.#yaml.isSeq(node)) {
      const items = node.items.map((item) => this.#convert(item as Node, depth + 1));
      result = { value: items.map((r) => r.value), size: items.reduce((sum, r) => sum + r.size, 1) };
    } else if (this.#yaml.isMap(node)) result = this.#map(node.items, depth);
    else throw this.fail(node, "unsupported YAML node", "use plain mappings, sequences and scalars");
    if (anchor) {
      this.#open.delete(node);
      this.#done.set(node, result);
    }
    return result;
  }

  #alias(node: Node & { source: string }): { value: unknown; size: number } {
    const target = this.#anchors.get(node.source);
    if (!target)
      throw this.fail(
        node,
        `alias *${node.source} has no anchor &${node.source} before it`,
        "define the anchor before using it, or use a $ref",
      );
    if (this.#open.has(target))
      throw this.fail(
        node,
        `alias *${node.source} is inside the node it refers to (a loop)`,
        "replace the alias with a $ref",
      );
    const done = this.#done.get(target)!;
    this.#count(node, done.size);
    return done;
  }

  #count(node: Node, size: number): void {
    this.#added += size;
    if (this.#added > MAX_ALIAS_NODES) {
      throw this.fail(
        node,
        `YAML aliases and merges expand the document by more than ${MAX_ALIAS_NODES.toLocaleString("en")} nodes (an alias bomb?)`,
        "replace the anchors and aliases (&name / *name) with $ref",
      );
    }
  }

  #map(pairs: readonly unknown[], depth: number): { value: unknown; size: number } {
    const out: Record<string, unknown> = {};
    const own = new Set<string>();
    let size = 1;
    for (const pair of pairs) {
      if (!this.#yaml.isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      if (
        this.#yaml.isScalar(keyNode) &&
        (keyNode.value === "<<" || (typeof keyNode.value === "symbol" && keyNode.value.description === "<<")) &&
        keyNode.type === "PLAIN"
      ) {
        size += this.#merge(out, pair.value as Node, depth);
        continue;
      }
      const key = this.#key(keyNode, depth);
      if (own.has(key))
        throw this.fail(
          keyNode,
          `duplicate key ${JSON.stringify(key)} in the same mapping`,
          "remove or rename one of the two keys",
        );
      own.add(key);
      const value = this.#convert(pair.value as Node | null, depth + 1);
      define(out, key, value.value);
      size += value.size;
    }
    return { value: out, size };
  }

  /** `<<: *base` or `<<: [*a, *b]`: keys not already set are added (earlier sources win). */
  #merge(out: Record<string, unknown>, value: Node | null, depth: number): number {
    const sources = this.#yaml.isSeq(value) ? (value.items as Node[]) : [value];
    let size = 0;
    for (const source of sources) {
      const merged = this.#convert(source, depth + 1);
      if (merged.value === null || typeof merged.value !== "object" || Array.isArray(merged.value)) {
        throw this.fail(
          source,
          "a `<<` merge takes a mapping or a list of mappings",
          "merge only mappings (or use allOf)",
        );
      }
      for (const [k, v] of Object.entries(merged.value)) {
        if (!Object.hasOwn(out, k)) define(out, k, v);
      }
      size += merged.size; // an alias source was counted against the budget by #alias
    }
    return size;
  }

  #key(node: Node | null, depth: number): string {
    const key = node === null ? null : this.#convert(node, depth + 1).value;
    if (key !== null && typeof key === "object")
      throw this.fail(node, "a mapping key is itself a mapping or sequence", "use plain string keys");
    return key === null ? "" : String(key);
  }

  #scalar(node: Node & { value: unknown; source?: string }): unknown {
    const value = node.value;
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw this.fail(
        node,
        `${String(node.source ?? value)} is not a JSON number`,
        "write a finite number, or quote it to make it a string",
      );
    }
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      return value;
    return String(node.source ?? value); // YAML 1.1 dates, binary, ...: their text
  }
}

/** Sets an own property even for `__proto__`. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

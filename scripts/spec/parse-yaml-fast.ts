/**
 * The happy path of the YAML load: js-yaml 5 reads the text straight to plain
 * data, several times faster than yaml's node tree (0.4 s against 2.5 s on
 * the real 4.2 MB spec), but it keeps no positions. So it only answers when
 * the document needs none of what parse-yaml.ts decides with positions:
 * anything unusual makes it give up (`undefined`), and the positional parser
 * then reads the text and either returns the same data or names the line.
 *
 * It gives up on: any alias (the alias budget is the positional walk's), a
 * `<<` or null or complex mapping key (merges and key spelling are the
 * positional walk's), a duplicate key, nesting deeper than MAX_DEPTH, an
 * explicit `!!int`/`!!float`/`!!bool`/`!!null` tag or any other tag than
 * `!!str`/`!!seq`/`!!map`, a number that is not finite, and every YAML error.
 * The scalars it reads are YAML 1.2's core schema, as yaml's default.
 */
import type { MappingTagDefinition, ScalarTagDefinition } from "js-yaml";
import { lazyRequire } from "../lazy-require.js";
import { MAX_DEPTH } from "./parse-json.js";

const jsYaml = lazyRequire<typeof import("js-yaml")>("js-yaml");

/** Thrown inside a js-yaml tag to give the document to the positional parser. */
class NeedsPositions extends Error {}

/** A number the core schema reads, finite or not (an int too long for a double is one too). */
const CORE_NUMBER =
  /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;

let schema: import("js-yaml").Schema | undefined;

/** Plain data for the text, or undefined when only the positional parser may decide. */
export function parseYamlFast(text: string): unknown {
  const { load } = jsYaml();
  try {
    schema ??= coreSchema();
    return load(text, { schema, maxAliases: 0, maxDepth: MAX_DEPTH });
  } catch {
    return undefined; // NeedsPositions, a YAMLException, or a stack overflow: all the positional parser's to name
  }
}

function coreSchema(): import("js-yaml").Schema {
  const {
    Schema,
    strTag,
    seqTag,
    mapTag,
    nullCoreTag,
    boolCoreTag,
    intCoreTag,
    floatCoreTag,
    defineMappingTag,
    defineScalarTag,
    NOT_RESOLVED,
  } = jsYaml();
  /** Plain scalars only: an explicit tag is resolved differently by yaml (`!!int 0b1` is 0 there). */
  const implicitOnly = <T>(tag: ScalarTagDefinition<T>, lastNumberTag = false) =>
    defineScalarTag(tag.tagName, {
      implicit: true,
      implicitFirstChars: tag.implicitFirstChars,
      identify: tag.identify,
      resolve(source, isExplicit, tagName) {
        if (isExplicit) throw new NeedsPositions();
        const value = tag.resolve(source, isExplicit, tagName);
        // After the int tag: a number text still unresolved, or resolved to ±Infinity or NaN, is yaml's non-finite number.
        if (lastNumberTag && (value === NOT_RESOLVED ? CORE_NUMBER.test(source) : !Number.isFinite(value)))
          throw new NeedsPositions();
        return value;
      },
    });
  const map = mapTag as MappingTagDefinition<Record<string, unknown>>;
  const plainKeysOnly = defineMappingTag(map.tagName, {
    create: map.create,
    identify: map.identify,
    has: map.has,
    keys: map.keys,
    get: map.get,
    addPair(carrier, key, value) {
      if (key === null || typeof key === "object" || key === "<<") throw new NeedsPositions();
      return map.addPair(carrier, key, value);
    },
  });
  return new Schema([
    strTag,
    seqTag,
    plainKeysOnly,
    implicitOnly(nullCoreTag),
    implicitOnly(boolCoreTag),
    implicitOnly(intCoreTag),
    implicitOnly(floatCoreTag, true),
  ]);
}

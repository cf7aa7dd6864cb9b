/**
 * The pagination config file: paging rules kept in this repository, outside
 * the spec (a vendor's spec is not ours to edit). YAML, by default
 * `pagination.yaml` beside the spec, or `--pagination <file>`:
 *
 *   all:                    # rules for every GET operation, used where they fit
 *     items: _embedded.*
 *     nextCursor: meta.next
 *   operations:             # rules for one operation: "GET /path" or its operationId
 *     GET /things: { style: cursor, cursorParam: after, nextCursor: { lastItem: id } }
 *     listOldThings: false  # no paginator
 *
 * The keys are the vocabulary of scripts/pagination/vocabulary.ts. An unknown
 * key, an operation the spec lacks, or a rule that matches nothing is an
 * error naming its location in the file (exit 2).
 *
 * The file is untrusted input, read with the spec's own checks
 * (scripts/spec/read-file.ts): a regular file (not a device, FIFO or
 * socket), at most 1 MB, UTF-8; and the one found beside the spec must
 * resolve, through any symbolic link, inside the spec's folder, as a file a
 * spec's `$ref` names must.
 */
import { lstatSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { GenerateError, type Place } from "../errors.js";
import { pointerOf } from "../spec/json-pointer.js";
import { parseYaml } from "../spec/parse-yaml.js";
import { readRegularFile, utf8Text } from "../spec/read-file.js";
import { isInside } from "../spec/ref-policy.js";
import { isObject, type OperationRef } from "../spec/openapi-walk.js";
import { readRules, type PagingRules } from "./vocabulary.js";
import type { OperationIdOverrides } from "../naming/operation-ids.js";
import { operationLabel } from "../spec/operation-label.js";

export const CONFIG_FILE_NAME = "pagination.yaml";
const MAX_BYTES = 1024 * 1024;
const TOP_KEYS = ["all", "operations", "operationIds"];

export interface OperationRules {
  /** The key as written: `GET /things` or an operationId. */
  readonly key: string;
  readonly rules: PagingRules | false;
  readonly place: Place;
}

export interface PagingConfig {
  /** The file, as messages name it. */
  readonly file: string;
  /** Rules for the whole spec, used where they fit. */
  readonly all: PagingRules;
  readonly operations: readonly OperationRules[];
  /** `operationIds`: names for operations, by `METHOD /path` (see scripts/naming/operation-ids.ts). */
  readonly operationIds: OperationIdOverrides;
}

/** The config file to read: the one given (`--pagination`), else `pagination.yaml` beside the spec when there is one. */
export function pagingConfigPath(spec: string, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  const beside = join(dirname(spec), CONFIG_FILE_NAME);
  return lstatSync(beside, { throwIfNoEntry: false }) === undefined ? undefined : beside;
}

/**
 * Reads and checks the file's shape; which operations it names is checked
 * against the spec by `rulesByOperation`. `insideDir`: the folder the file
 * must resolve inside (the spec's, for the file found beside it).
 */
export function readPagingConfig(path: string, label: string, insideDir?: string): PagingConfig {
  const place = (tokens: string[]): Place => ({ file: label, pointer: pointerOf(tokens) });
  const fix =
    insideDir === undefined
      ? "check the --pagination path"
      : `make ${CONFIG_FILE_NAME} a regular file in the spec's folder, or remove it`;
  if (insideDir !== undefined) checkInside(path, insideDir, label, fix);
  const bytes = readRegularFile(path, MAX_BYTES, (problem) => {
    if (problem.kind === "not-a-file")
      return new GenerateError(
        "the pagination config is not a regular file (a device, FIFO or socket is never read)",
        { file: label },
        fix,
      );
    if (problem.kind === "too-large")
      return new GenerateError(
        `the pagination config is larger than ${MAX_BYTES / 1024} KB`,
        { file: label },
        "keep only paging rules in it",
      );
    return new GenerateError(
      problem.code === "ENOENT"
        ? "the pagination config file does not exist"
        : `cannot read the pagination config: ${problem.why}`,
      { file: label },
      fix,
    );
  });
  const text = utf8Text(bytes);
  if (text === undefined)
    throw new GenerateError("the pagination config is not valid UTF-8 text", { file: label }, "save it as UTF-8 YAML");
  const parsed = parseYaml(text, label) ?? {};
  if (!isObject(parsed))
    throw new GenerateError(
      "the pagination config must be a mapping with `all` and `operations`",
      { file: label },
      "see README: Pagination rules",
    );
  const unknown = Object.keys(parsed).find((key) => !TOP_KEYS.includes(key));
  if (unknown !== undefined)
    throw new GenerateError(
      `${unknown} is not a known key (known: ${TOP_KEYS.join(", ")})`,
      place([unknown]),
      "see README: Pagination rules",
    );
  const all =
    parsed.all === undefined ? {} : readRules(parsed.all, { name: "all", place: place(["all"]), specWide: true });
  const operations: OperationRules[] = [];
  if (parsed.operations !== undefined) {
    if (!isObject(parsed.operations))
      throw new GenerateError(
        "operations must be a mapping from `GET /path` or an operationId to rules",
        place(["operations"]),
        "see README: Pagination rules",
      );
    for (const [key, value] of Object.entries(parsed.operations)) {
      const at = place(["operations", key]);
      operations.push({ key, rules: readRules(value, { name: `operations.${key}`, place: at }), place: at });
    }
  }
  return {
    file: label,
    all: all as PagingRules,
    operations,
    operationIds: readOperationIds(parsed.operationIds, place),
  };
}

/** `operationIds: { "GET /path": Name }`; whether each names an operation of the spec is checked when the names are settled. */
function readOperationIds(value: unknown, place: (tokens: string[]) => Place): OperationIdOverrides {
  const out = new Map<string, { name: string; place: Place }>();
  if (value === undefined) return out;
  if (!isObject(value))
    throw new GenerateError(
      "operationIds must be a mapping from `METHOD /path` to a name",
      place(["operationIds"]),
      "see README: Real-spec defects",
    );
  for (const [key, name] of Object.entries(value)) {
    const at = place(["operationIds", key]);
    if (!/^[A-Za-z]+ (\/|webhook ).*/.test(key))
      throw new GenerateError(
        `operationIds.${key}: the key must be \`METHOD /path\` (or \`POST webhook <name>\`)`,
        at,
        "write the operation as `GET /path`",
      );
    if (typeof name !== "string" || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(name))
      throw new GenerateError(
        `operationIds.${key} must be a name of letters, digits, \`_\`, \`.\` or \`-\`, starting with a letter`,
        at,
        "write a name such as ListWhatsappPhoneNumbers",
      );
    out.set(
      key.replace(/^[A-Za-z]+/, (m) => m.toUpperCase()),
      { name, place: at },
    );
  }
  return out;
}

/** Each operation's rules from the config, by `operationKey`; an entry naming no GET operation is an error. */
export function rulesByOperation(
  config: PagingConfig,
  operations: readonly OperationRef[],
): Map<string, OperationRules> {
  const out = new Map<string, OperationRules>();
  for (const entry of config.operations) {
    const op = findOperation(entry.key, operations);
    if (op === undefined) {
      throw new GenerateError(
        `operations.${entry.key} matches no operation of the spec`,
        entry.place,
        "write `GET /path` as the spec's paths have it, or the operation's operationId",
      );
    }
    if (op.method !== "get")
      throw new GenerateError(
        `operations.${entry.key} is a ${op.method.toUpperCase()}: only GET operations page`,
        entry.place,
        "remove the entry",
      );
    const key = operationKey(op);
    if (out.has(key))
      throw new GenerateError(
        `operations.${entry.key} names ${key} a second time (as ${out.get(key)!.key})`,
        entry.place,
        "keep one entry per operation",
      );
    out.set(key, entry);
  }
  return out;
}

/** The file, through any symbolic link, must be inside `dir` (its real path). */
function checkInside(path: string, dir: string, label: string, fix: string): void {
  let real: string;
  let realDir: string;
  try {
    real = realpathSync(path);
    realDir = realpathSync(dir);
  } catch {
    return; // a dangling link: reading it reports that
  }
  if (!isInside(realDir, real))
    throw new GenerateError(
      "the pagination config is refused: it resolves (through a symbolic link) outside the spec's folder",
      { file: label },
      fix,
    );
}

/** `GET /things`: how detection results are keyed. */
export function operationKey(op: { method: string; path: string }): string {
  return operationLabel(op.method, op.path);
}

function findOperation(key: string, operations: readonly OperationRef[]): OperationRef | undefined {
  const match = /^([A-Za-z]+)\s+(\/.*)$/.exec(key);
  if (match) return operations.find((op) => op.method === match[1]!.toLowerCase() && op.path === match[2]);
  return operations.find((op) => op.operation.operationId === key);
}

/**
 * The engine's differences inside operations -> changes: parameters (added,
 * removed, required or not; their schemas), request bodies (added, removed,
 * required or not, media types; their schemas) and responses (status codes,
 * media types; their schemas). Schema changes go to schema-changes.ts with
 * their site: which operation, written (request) or read (response), where.
 * Operations themselves, security and servers are compared elsewhere
 * (operations.ts, security.ts, servers.ts); annotations are not changes.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { isObject } from "../spec/openapi-walk.js";
import type { FoundChange } from "./change.js";
import type { EngineDiff, PathToken } from "./engine.js";
import type { ParamToken } from "./locate.js";
import { couldNotJudge, judged } from "./could-not-judge.js";
import { operationLabel } from "../spec/operation-label.js";
import type { RuleId } from "./rules.js";
import { schemaChanges, type Lookup, type SchemaDiff } from "./schema-changes.js";
import type { SchemaSite } from "./schema-site.js";

/** `base`: the document the engine compared as the base (its parameter lists are what the engine's indexes count). */
export function operationDiffChanges(
  diffs: readonly EngineDiff[],
  base: OpenApiDocument,
  lookup: Lookup,
): FoundChange[] {
  const found: FoundChange[] = [];
  const schemas: SchemaDiff[] = [];
  for (const diff of diffs) {
    const [root, path, method, section] = diff.path;
    if (root !== "paths" || typeof path !== "string" || typeof method !== "string" || diff.path.length < 4) continue;
    const op = { path, method, label: operationLabel(method, path) };
    const [before, schemasBefore] = [found.length, schemas.length];
    found.push(
      ...judged(diff.path, "this difference", () => {
        const out: FoundChange[] = [];
        if (section === "parameters") parameterDiff(diff, op, base, out, schemas);
        else if (section === "requestBody") requestBodyDiff(diff, op, out, schemas);
        else if (section === "responses") responseDiff(diff, op, out, schemas, lookup);
        return out;
      }),
    );
    // The engine failed to classify it and our rules gave nothing for it (schema differences are checked per group, in schemaChanges).
    const judgedHere = found.length > before || schemas.length > schemasBefore;
    if (diff.classifyError !== undefined && !judgedHere)
      found.push(couldNotJudge(diff.path, "this difference", diff.classifyError));
  }
  return [...found, ...schemaChanges(schemas, lookup)];
}

interface Op {
  path: string;
  method: string;
  label: string;
}

function parameterDiff(
  diff: EngineDiff,
  op: Op,
  base: OpenApiDocument,
  found: FoundChange[],
  schemas: SchemaDiff[],
): void {
  const index = diff.path[4];
  const rest = diff.path.slice(5);
  if (rest.length === 0) {
    // Whole parameters added or removed (the engine matches them by name and location), or the whole list.
    if (diff.action !== "add" && diff.action !== "remove") return;
    const value = diff.action === "add" ? diff.after : diff.before;
    for (const param of index === undefined && Array.isArray(value) ? value : [value]) {
      if (!isObject(param)) continue;
      const token = { name: String(param.name), in: String(param.in) };
      const rule: RuleId =
        diff.action === "remove"
          ? "request-parameter-removed"
          : param.required === true
            ? "new-required-request-parameter"
            : "new-optional-request-parameter";
      const what = diff.action === "remove" ? "removed" : `added${param.required === true ? " (required)" : ""}`;
      found.push(
        change(
          op,
          rule,
          `${paramName(token)}: ${what}`,
          diff.action === "remove" ? "base" : "head",
          ["paths", op.path, op.method, token],
          diff,
        ),
      );
    }
    return;
  }
  // Inside a parameter the engine's index counts the base's list (scope.ts merged it).
  const operation = (base.paths as Record<string, Record<string, { parameters?: unknown[] }>>)[op.path]?.[op.method];
  const param = typeof index === "number" ? operation?.parameters?.[index] : undefined;
  if (!isObject(param)) return;
  const token: ParamToken = { name: String(param.name), in: String(param.in) };
  if (rest[0] === "required") {
    const required = diff.after === true;
    found.push(
      change(
        op,
        required ? "request-parameter-became-required" : "request-parameter-became-optional",
        `${paramName(token)}: became ${required ? "required" : "optional"}`,
        "head",
        ["paths", op.path, op.method, token, "required"],
        diff,
      ),
    );
  } else if (rest[0] === "schema") {
    const site: SchemaSite = {
      operation: op.label,
      direction: "request",
      where: paramName(token),
      parameter: true,
      enginePath: diff.path.slice(0, 6),
      locatePath: ["paths", op.path, op.method, token, "schema"],
    };
    schemas.push({ site, tokens: diff.path.slice(6), diff });
  }
}

function requestBodyDiff(diff: EngineDiff, op: Op, found: FoundChange[], schemas: SchemaDiff[]): void {
  const [, , , , key, mediaType, schema] = diff.path;
  const at = ["paths", op.path, op.method, "requestBody"];
  if (key === "content" && diff.path.length === 5 && diff.action === "rename") {
    // The engine pairs media types by wildcard (`*/*` with `application/octet-stream`): a wildcard that covers
    // the old type accepts more (one safe change); otherwise, for the types, one went and one came.
    if (coversMediaType(String(diff.after), String(diff.before))) {
      found.push(
        change(
          op,
          "request-body-media-type-added",
          `request body media type \`${String(diff.before)}\` -> \`${String(diff.after)}\` (accepts more)`,
          "head",
          [...at, "content", String(diff.after)],
          diff,
        ),
      );
      return;
    }
    found.push(
      change(
        op,
        "request-body-media-type-removed",
        `request body media type \`${String(diff.before)}\` removed`,
        "base",
        [...at, "content", String(diff.before)],
        diff,
      ),
    );
    found.push(
      change(
        op,
        "request-body-media-type-added",
        `request body media type \`${String(diff.after)}\` added`,
        "head",
        [...at, "content", String(diff.after)],
        diff,
      ),
    );
  } else if (diff.path.length === 4 && (diff.action === "add" || diff.action === "remove")) {
    const body = diff.action === "add" ? diff.after : diff.before;
    const required = isObject(body) && body.required === true;
    const rule: RuleId =
      diff.action === "remove"
        ? "request-body-removed"
        : required
          ? "new-required-request-body"
          : "new-optional-request-body";
    found.push(
      change(
        op,
        rule,
        diff.action === "remove" ? "request body removed" : `request body added${required ? " (required)" : ""}`,
        diff.action === "remove" ? "base" : "head",
        at,
        diff,
      ),
    );
  } else if (key === "required") {
    const required = diff.after === true;
    if (required === (diff.before === true)) return; // absent <-> false: optional either way
    found.push(
      change(
        op,
        required ? "request-body-became-required" : "request-body-became-optional",
        `the request body became ${required ? "required" : "optional"}`,
        "head",
        [...at, "required"],
        diff,
      ),
    );
  } else if (
    key === "content" &&
    typeof mediaType === "string" &&
    diff.path.length === 6 &&
    diff.action !== "replace"
  ) {
    const added = diff.action === "add";
    found.push(
      change(
        op,
        added ? "request-body-media-type-added" : "request-body-media-type-removed",
        `request body media type \`${mediaType}\` ${added ? "added" : "removed"}`,
        added ? "head" : "base",
        [...at, "content", mediaType],
        diff,
      ),
    );
  } else if (key === "content" && typeof mediaType === "string" && schema === "schema") {
    const site: SchemaSite = {
      operation: op.label,
      direction: "request",
      where: `request body (${mediaType})`,
      parameter: false,
      enginePath: diff.path.slice(0, 7),
      locatePath: [...at, "content", mediaType, "schema"],
    };
    schemas.push({ site, tokens: diff.path.slice(7), diff });
  }
}

function responseDiff(diff: EngineDiff, op: Op, found: FoundChange[], schemas: SchemaDiff[], lookup: Lookup): void {
  const [, , , , status, key, mediaType, schema] = diff.path;
  const code = String(status);
  const success = /^2/.test(code);
  const at = ["paths", op.path, op.method, "responses", code];
  if (key === "content" && diff.path.length === 6 && diff.action === "rename") {
    // The engine pairs media types by wildcard: for the types, one went and one came.
    const removed: RuleId = success ? "response-media-type-removed" : "response-error-media-type-removed";
    found.push(
      change(
        op,
        removed,
        `${code} response media type \`${String(diff.before)}\` removed`,
        "base",
        [...at, "content", String(diff.before)],
        diff,
      ),
    );
    found.push(
      change(
        op,
        "response-media-type-added",
        `${code} response media type \`${String(diff.after)}\` added`,
        "head",
        [...at, "content", String(diff.after)],
        diff,
      ),
    );
  } else if (diff.path.length === 5 && diff.action !== "replace" && diff.action !== "rename") {
    const added = diff.action === "add";
    const errorRule: RuleId = added
      ? hasKnownErrorBody(op, code, lookup)
        ? "response-error-status-added-known-body"
        : "response-error-status-added"
      : "response-error-status-removed";
    const rule: RuleId = success
      ? added
        ? "response-success-status-added"
        : "response-success-status-removed"
      : errorRule;
    found.push(change(op, rule, `${code} response ${added ? "added" : "removed"}`, added ? "head" : "base", at, diff));
  } else if (key === "content" && diff.path.length <= 7 && diff.action !== "replace") {
    // One media type, or a whole `content` (a body where there was none, or none where there was one).
    const added = diff.action === "add";
    const types =
      diff.path.length === 7
        ? [String(mediaType)]
        : Object.keys(isObject(added ? diff.after : diff.before) ? ((added ? diff.after : diff.before) as object) : {});
    const rule: RuleId = added
      ? "response-media-type-added"
      : success
        ? "response-media-type-removed"
        : "response-error-media-type-removed";
    for (const type of types)
      found.push(
        change(
          op,
          rule,
          `${code} response media type \`${type}\` ${added ? "added" : "removed"}`,
          added ? "head" : "base",
          [...at, "content", type],
          diff,
        ),
      );
  } else if (key === "content" && typeof mediaType === "string" && schema === "schema") {
    const site: SchemaSite = {
      operation: op.label,
      direction: "response",
      where: `${code} response (${mediaType})`,
      parameter: false,
      enginePath: diff.path.slice(0, 8),
      locatePath: [...at, "content", mediaType, "schema"],
    };
    schemas.push({ site, tokens: diff.path.slice(8), diff });
  }
}

// A wildcard media type covers the types it names (any type, or any application type); a type covers itself.
function coversMediaType(outer: string, inner: string): boolean {
  const [o, i] = [outer, inner].map((t) => t.split(";")[0]!.trim().toLowerCase().split("/"));
  return (o![0] === "*" || o![0] === i![0]) && (o![1] === "*" || o![1] === i![1]);
}

/** A status is an error for openapi-fetch (its body goes to `error`): 4xx, 5xx, their ranges, and `default`. */
function isErrorStatus(code: string): boolean {
  return /^[45]/.test(code) || code === "default";
}

/**
 * The added error status's bodies are each, media type and schema alike, a
 * body one of the operation's base error statuses already has (after
 * bundling, a shared schema is the same `$ref`): the `error` union is the same.
 */
function hasKnownErrorBody(op: Op, code: string, lookup: Lookup): boolean {
  const responses = ["paths", op.path, op.method, "responses"];
  const bodies = (side: "base" | "head", status: string) => {
    const response = lookup.node(side, [...responses, status]);
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    return Object.entries(content).map(([type, media]) =>
      JSON.stringify([type, isObject(media) ? media.schema : undefined]),
    );
  };
  const before = lookup.node("base", responses);
  const known = new Set(
    Object.keys(isObject(before) ? before : {}).flatMap((status) =>
      isErrorStatus(status) ? bodies("base", status) : [],
    ),
  );
  const mine = bodies("head", code);
  return mine.length > 0 && mine.every((body) => known.has(body));
}

function paramName(token: ParamToken): string {
  return `${token.in} parameter \`${token.name}\``;
}

function change(
  op: Op,
  rule: RuleId,
  message: string,
  side: "head" | "base",
  path: readonly (PathToken | ParamToken)[],
  diff: EngineDiff,
): FoundChange {
  return { rule, operation: op.label, message, at: { side, path }, peer: diff.peer };
}

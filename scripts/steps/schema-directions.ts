/**
 * Which way each part of the spec travels, for the types step: sent by the
 * client (request bodies and parameters of `paths`, answers to webhooks) or
 * received by it (responses, webhook payloads), and which schemas a
 * `multipart/form-data` request body reaches. openapi-typescript's hooks
 * name the place of each schema by its path (`#/components/schemas/Message/to`,
 * `#/paths/~1calls/post/requestBody/content/application~1json/to`); a
 * component's direction is where it is used, found by following `$ref`s from
 * the operations (OpenAPI 3.1 §4.8.10 Request Body, §4.8.16 Response,
 * §4.8.1 `webhooks`).
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { pointerTokens, unescapeToken } from "../spec/json-pointer.js";
import { HTTP_METHODS, isObject } from "../spec/openapi-walk.js";

export type Direction = "request" | "response";

/** Where a path of openapi-typescript's points: which ways it travels, and whether it is in a multipart request body. */
export interface Place {
  directions: ReadonlySet<Direction>;
  multipart: boolean;
}

interface Usage {
  directions: Set<Direction>;
  multipart: boolean;
}

const MULTIPART = /^multipart\/form-data(?:;|$)/i;
const NOWHERE: Place = { directions: new Set(), multipart: false };

export interface SchemaDirections {
  /** The place of an openapi-typescript path (`TransformNodeOptions.path`). */
  placeOf(path: string | undefined): Place;
}

export function schemaDirections(doc: OpenApiDocument): SchemaDirections {
  const usage = new Map<string, Usage>(); // "<kind>/<name>" of a component -> how it is used
  const mark = (node: unknown, direction: Direction, multipart: boolean) =>
    markRefs(doc, node, direction, multipart, usage);
  const incomingItems = new Map<string, boolean>(); // components/pathItems name -> used from webhooks only
  for (const [section, incoming] of [
    ["paths", false],
    ["webhooks", true],
  ] as const) {
    const items = doc[section];
    if (!isObject(items)) continue;
    for (const item of Object.values(items)) {
      const name =
        isObject(item) && typeof item.$ref === "string"
          ? /^#\/components\/pathItems\/([^/]+)$/.exec(item.$ref)?.[1]
          : undefined;
      const target =
        name === undefined
          ? item
          : (doc.components as { pathItems?: Record<string, unknown> }).pathItems?.[unescapeToken(name) ?? name];
      if (name !== undefined)
        incomingItems.set(
          unescapeToken(name) ?? name,
          incoming && incomingItems.get(unescapeToken(name) ?? name) !== false,
        );
      walkPathItem(target, incoming, mark);
    }
  }
  return {
    placeOf(path) {
      const tokens = pointerTokens(path ?? "#") ?? [];
      const [root, kind, name] = tokens;
      if (root === "paths") return placeInOperation(tokens.slice(2), false);
      if (root === "webhooks") return placeInOperation(tokens.slice(2), true);
      if (root !== "components" || kind === undefined || name === undefined) return NOWHERE;
      // A path item under components: placed like one under `paths` (or `webhooks`, when only they use it).
      if (kind === "pathItems") return placeInOperation(tokens.slice(3), incomingItems.get(name) === true);
      return usage.get(refOf(kind, name)) ?? NOWHERE;
    },
  };
}

/**
 * An inline schema's place from its path below a path item: `parameters` and
 * `requestBody` are sent by the client, `responses` received; a webhook's
 * are the other way round (the server sends the request, the client answers).
 */
function placeInOperation(rest: string[], incoming: boolean): Place {
  const part = rest[0] === "parameters" ? "parameters" : rest[1];
  const sent =
    part === "parameters" || part === "requestBody" ? !incoming : part === "responses" ? incoming : undefined;
  if (sent === undefined) return NOWHERE;
  const multipart = part === "requestBody" && !incoming && rest[2] === "content" && MULTIPART.test(rest[3] ?? "");
  return { directions: new Set([sent ? "request" : "response"]), multipart };
}

type Mark = (node: unknown, direction: Direction, multipart: boolean) => void;

function walkPathItem(item: unknown, incoming: boolean, mark: Mark): void {
  if (!isObject(item)) return;
  const sent: Direction = incoming ? "response" : "request";
  const received: Direction = incoming ? "request" : "response";
  mark(item.parameters, sent, false);
  for (const method of HTTP_METHODS) {
    const operation = item[method];
    if (!isObject(operation)) continue;
    mark(operation.parameters, sent, false);
    const body = operation.requestBody;
    if (isObject(body) && isObject(body.content)) {
      for (const [type, media] of Object.entries(body.content))
        mark(media, sent, sent === "request" && MULTIPART.test(type));
    } else mark(body, sent, false);
    mark(operation.responses, received, false);
    if (isObject(operation.callbacks)) {
      // A callback is a request the server sends: its directions flip.
      for (const callback of Object.values(operation.callbacks))
        if (isObject(callback)) for (const cbItem of Object.values(callback)) walkPathItem(cbItem, !incoming, mark);
    }
  }
}

/** Marks every component `node` reaches through `$ref`s (transitively) as used in `direction`. */
function markRefs(
  doc: OpenApiDocument,
  node: unknown,
  direction: Direction,
  multipart: boolean,
  usage: Map<string, Usage>,
): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      stack.push(...current);
      continue;
    }
    if (!isObject(current)) continue;
    const ref = current.$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/")) {
      const [, kind, name] = pointerTokens(ref) ?? [];
      if (kind !== undefined && name !== undefined) {
        const key = refOf(kind, name);
        const seen = usage.get(key);
        if (seen === undefined || !seen.directions.has(direction) || (multipart && !seen.multipart)) {
          const entry = seen ?? { directions: new Set<Direction>(), multipart: false };
          entry.directions.add(direction);
          entry.multipart ||= multipart;
          usage.set(key, entry);
          const components = doc.components as Record<string, Record<string, unknown>> | undefined;
          stack.push(components?.[kind]?.[name]);
        }
      }
    }
    for (const [key, value] of Object.entries(current))
      if (key !== "$ref" && typeof value === "object") stack.push(value);
  }
}

function refOf(kind: string, name: string): string {
  return `${kind}/${name}`;
}

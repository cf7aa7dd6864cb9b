/**
 * Names of the generated CLI's commands and flags (documented in the README).
 *
 * - resource: the operation's first tag, kebab-cased (`Voice Clones` ->
 *   `voice-clones`); without a tag, the first path segment that is neither a
 *   `{parameter}` nor a version (`/v2/voice_clones/{id}` -> `voice-clones`);
 *   `/` alone -> `root`.
 * - action: `list` for a paginated GET; otherwise the operationId's words
 *   without the resource's words (plural or singular), kebab-cased
 *   (`getVoiceClone` -> `get`, `createVoiceCloneFromDesign` ->
 *   `create-from-design`); with no operationId, or nothing left, the method's
 *   verb (get: `get` on `.../{id}`, else `list`; post `create`; put and patch
 *   `update`; delete `delete`; others the method) followed by the path's static
 *   segments after the resource's. Commands of one resource that would share
 *   an action all take their whole operationId (or method and path) instead.
 * - flag: the parameter's name kebab-cased (`page[size]` -> `page-size`,
 *   `filter[created_at][gte]` -> `filter-created-at-gte`); a name the CLI
 *   keeps for itself (`--limit`, `--format`, ...) gets the parameter's
 *   location in front (`--query-limit`).
 */
import { words } from "./identifiers.js";

/**
 * Flag names the CLI keeps for itself (src/cli/global-flags.ts; a test checks
 * the two agree). Kept here, not imported from src/, because the generator's
 * bundle (scripts/run.mjs) is rebuilt only when a file in scripts/ changes.
 */
export const RESERVED_FLAGS: readonly string[] = ["api-key", "base-url", "data", "format", "help", "limit", "max-pages", "version"];

export function kebab(text: string): string {
  return words(text)
    .map((w) => w.toLowerCase())
    .join("-");
}

const VERSION = /^v\d+(?:\.\d+)*$/i;

export function staticSegments(path: string): string[] {
  return path.split("/").filter((s) => s !== "" && !/^\{.*\}$/.test(s));
}

export function resourceName(tags: unknown, path: string): string {
  const tag = Array.isArray(tags) && typeof tags[0] === "string" ? kebab(tags[0]) : "";
  if (tag !== "") return tag;
  const segment = staticSegments(path).find((s) => !VERSION.test(s) && kebab(s) !== "");
  return segment === undefined ? "root" : kebab(segment);
}

const VERBS: Record<string, string> = { post: "create", put: "update", patch: "update", delete: "delete" };

/** The method's verb plus the static path segments after the resource's segment. */
export function methodAction(method: string, path: string, resource: string): string {
  const segments = staticSegments(path).filter((s) => !VERSION.test(s));
  const at = segments.findIndex((s) => kebab(s) === resource);
  const rest = (at === -1 ? [] : segments.slice(at + 1)).map(kebab).filter(Boolean);
  const verb = method === "get" ? (/\}\/?$/.test(path) ? "get" : "list") : (VERBS[method] ?? method);
  return [verb, ...rest].join("-");
}

/** `getVoiceClone` in `voice-clones` -> `get`; empty when nothing but the resource is left. */
export function operationAction(operationId: string, resource: string): string {
  const own = words(operationId).map((w) => w.toLowerCase());
  const plural = resource.split("-");
  for (const candidate of [plural, singular(plural)]) {
    const at = indexOfRun(own, candidate);
    if (at !== -1) return [...own.slice(0, at), ...own.slice(at + candidate.length)].join("-");
  }
  return own.join("-");
}

export function actionName(op: { paginated: boolean; method: string; path: string; operationId?: string }, resource: string): string {
  if (op.paginated) return "list";
  const fromId = op.operationId === undefined ? "" : operationAction(op.operationId, resource);
  return fromId !== "" ? fromId : methodAction(op.method, op.path, resource);
}

/** The name used when two commands of one resource collide: the whole operationId, or method and path. */
export function fullActionName(op: { method: string; path: string; operationId?: string }): string {
  const fromId = op.operationId === undefined ? "" : kebab(op.operationId);
  return fromId !== "" ? fromId : kebab(`${op.method} ${op.path}`);
}

export function flagName(param: string, location: string, reserved: readonly string[]): string {
  const name = kebab(param);
  return reserved.includes(name) ? `${location}-${name}` : name;
}

function singular(parts: string[]): string[] {
  const last = parts[parts.length - 1] ?? "";
  const one = /ies$/.test(last) ? `${last.slice(0, -3)}y` : /(?:s|x|z|ch|sh)es$/.test(last) ? last.slice(0, -2) : /[^s]s$/.test(last) ? last.slice(0, -1) : last;
  return [...parts.slice(0, -1), one];
}

function indexOfRun(list: string[], run: string[]): number {
  if (run.length === 0) return -1;
  for (let i = 0; i + run.length <= list.length; i++) {
    if (run.every((w, j) => list[i + j] === w)) return i;
  }
  return -1;
}

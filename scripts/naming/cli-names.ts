/**
 * Names of the generated CLI's commands and flags (documented in the README).
 *
 * - resource: the operation's first tag, kebab-cased (`Voice Clones` ->
 *   `voice-clones`, `TeXML Applications` -> `texml-applications`: a tag with
 *   spaces is split at its spaces and punctuation only; one without is split
 *   at case changes too, `numberOrders` -> `number-orders`; a plural acronym
 *   stays one word, `FQDNs` -> `fqdns`); without a tag, the first path
 *   segment that is neither a `{parameter}` nor a version
 *   (`/v2/voice_clones/{id}` -> `voice-clones`); `/` alone -> `root`.
 * - action: `list` for a paginated GET; otherwise the operationId's words
 *   without the resource's words, kebab-cased (`getVoiceClone` -> `get`,
 *   `createVoiceCloneFromDesign` -> `create-from-design`; in `call-commands`,
 *   `callAnswer` -> `answer`). The resource's words are removed as one run
 *   (plural or singular last word), else the longest part of them found.
 *   An operationId that spells out its path and method (FastAPI's, e.g.
 *   `get_assistant_public_assistants__assistant_id__get`: spellsOutPath) is
 *   set aside for the method and path rule below.
 *   With no operationId, or nothing left, the method's verb (get: `get` on
 *   `.../{id}`, else `list`; post `create`; put and patch `update`; delete
 *   `delete`; others the method) followed by the path's static segments after
 *   the resource's segment (all of them when the path lacks it).
 *   Commands of one resource that would share an action step down, together,
 *   to the next name: `list` -> the operationId rule -> the whole operationId
 *   (or method and path) kebab-cased; a clash after that is an error.
 * - flag: the parameter's name kebab-cased (`page[size]` -> `page-size`,
 *   `filter[created_at][gte]` -> `filter-created-at-gte`; a name without
 *   ASCII letters or digits -> its location, `query` or `path`); a name the
 *   CLI keeps for itself (`--limit`, `--format`, ...) gets the parameter's
 *   location in front (`--query-limit`). Flags of one operation never
 *   clash (flagNames): a name shared by a path and a query parameter gets
 *   the location in front of each (`--path-list-id`, `--query-list-id`); a
 *   name still shared stays with the first parameter in code-unit order of
 *   the parameters' names, the others get `-2`, `-3`, ... (`StartTime`,
 *   `StartTime<`, `StartTime>` -> `--start-time`, `--start-time-2`,
 *   `--start-time-3`). The flag still sends the parameter's own name.
 */
import { GLOBAL_FLAGS } from "../../src/cli/global-flags.js";
import { words } from "./identifiers.js";
import { byCodeUnit } from "../spec/openapi-walk.js";

/** Flag names the CLI keeps for itself: its global flags, and `version`, kept free for a `--version`. */
export const RESERVED_FLAGS: readonly string[] = [...Object.keys(GLOBAL_FLAGS), "version"];

/** Lower-case words joined by `-`; a plural acronym stays one word (`FQDNs` -> `fqdns`). */
export function kebab(text: string): string {
  return words(text.replace(/([A-Z]{2,})s(?![a-z])/g, "$1S"))
    .map((w) => w.toLowerCase())
    .join("-");
}

const VERSION = /^v\d+(?:\.\d+)*$/i;

export function staticSegments(path: string): string[] {
  return path.split("/").filter((s) => s !== "" && !/^\{.*\}$/.test(s));
}

/** A tag is prose: with separators, only they split it (`WhatsApp Media` -> `whatsapp-media`). */
export function tagName(tag: string): string {
  return /[^A-Za-z0-9]/.test(tag.trim())
    ? tag
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
        .join("-")
    : kebab(tag);
}

export function resourceName(tags: unknown, path: string): string {
  const tag = Array.isArray(tags) && typeof tags[0] === "string" ? tagName(tags[0]) : "";
  if (tag !== "") return tag;
  const segment = staticSegments(path).find((s) => !VERSION.test(s) && kebab(s) !== "");
  return segment === undefined ? "root" : kebab(segment);
}

const VERBS: Record<string, string> = { post: "create", put: "update", patch: "update", delete: "delete" };

/** The method's verb plus the static path segments after the resource's segment. */
export function methodAction(method: string, path: string, resource: string): string {
  const segments = staticSegments(path).filter((s) => !VERSION.test(s));
  const at = segments.findIndex((s) => kebab(s) === resource);
  const rest = segments
    .slice(at + 1)
    .map(kebab)
    .filter(Boolean);
  const verb = method === "get" ? (/\}\/?$/.test(path) ? "get" : "list") : (VERBS[method] ?? method);
  return [verb, ...rest].join("-");
}

/** `getVoiceClone` in `voice-clones` -> `get`; empty when nothing but the resource is left. */
export function operationAction(operationId: string, resource: string): string {
  const own = words(operationId).map((w) => w.toLowerCase());
  for (const run of resourceRuns(resource.split("-"))) {
    const at = indexOfRun(own, run);
    if (at === -1) continue;
    const rest = [...own.slice(0, at), ...own.slice(at + run.length)];
    if (rest.length > 0 || run.length === own.length) return rest.join("-");
  }
  return own.join("-");
}

/** The resource's words as runs to remove: all of them (plural, then singular), then shorter parts, longest first. */
function resourceRuns(plural: string[]): string[][] {
  const runs: string[][] = [plural, singular(plural)];
  for (let length = plural.length - 1; length >= 1; length--) {
    for (let start = 0; start + length <= plural.length; start++) {
      const part = plural.slice(start, start + length);
      runs.push(part);
      if (start + length === plural.length) runs.push(singular(part));
    }
  }
  return runs;
}

/**
 * The names a command may take, in order: `list` (paginated) or the
 * operationId rule, then the operationId rule, then the whole operationId
 * (or method and path). Commands that clash move to the next one.
 */
export function actionNames(
  op: { paginated: boolean; method: string; path: string; operationId?: string },
  resource: string,
): string[] {
  const spelled = op.operationId !== undefined && spellsOutPath(op.operationId, op.method, op.path, resource);
  const fromId = op.operationId === undefined || spelled ? "" : operationAction(op.operationId, resource);
  const own = fromId !== "" ? fromId : methodAction(op.method, op.path, resource);
  const full =
    op.operationId !== undefined && kebab(op.operationId) !== ""
      ? kebab(op.operationId)
      : kebab(`${op.method} ${op.path}`);
  return [op.paginated ? "list" : own, own, full];
}

/**
 * An operationId that spells out its own path and method, as FastAPI makes
 * them (`get_assistant_public_assistants__assistant_id__get`,
 * `get_public_missions_missions_mission_id_knowledge_bases`): its words hold,
 * in order, every word of the path after the resource's segment (parameter
 * names included), and either end with the method or hold a parameter's
 * words. Such a name says nothing the method and path do not, at three
 * times the length, so the command is named from them.
 */
export function spellsOutPath(operationId: string, method: string, path: string, resource: string): boolean {
  const own = words(operationId).map((w) => w.toLowerCase());
  const segments = path.split("/").filter((s) => s !== "" && !VERSION.test(s));
  const at = segments.findIndex((s) => kebab(s) === resource);
  if (at === -1) return false;
  const after = segments.slice(at + 1);
  const wanted = after.flatMap((s) => kebab(s.replace(/^\{(.*)\}$/, "$1")).split("-")).filter(Boolean);
  let i = 0;
  for (const w of own) if (i < wanted.length && w === wanted[i]) i++;
  if (i < wanted.length) return false;
  return own.at(-1) === method || after.some((s) => /^\{.*\}$/.test(s));
}

export function actionName(
  op: { paginated: boolean; method: string; path: string; operationId?: string },
  resource: string,
): string {
  return actionNames(op, resource)[0]!;
}

/** One parameter's flag, before the clashes of its operation are settled (flagNames). */
export function flagName(param: string, location: string, reserved: readonly string[]): string {
  const name = kebab(param) || location;
  return reserved.includes(name) ? `${location}-${name}` : name;
}

/**
 * The flags of one operation's parameters, in the parameters' order, all
 * different. The result depends on the set of parameters, never on their
 * order: a name shared across locations takes the location in front; a name
 * still shared is numbered in code-unit order of the parameters' names.
 */
export function flagNames(
  params: readonly { name: string; in: "query" | "path" }[],
  reserved: readonly string[],
): string[] {
  const wanted = params.map((p) => flagName(p.name, p.in, reserved));
  const locations = new Map<string, Set<string>>();
  wanted.forEach((name, i) => {
    locations.set(name, (locations.get(name) ?? new Set()).add(params[i]!.in));
  });
  const located = wanted.map((name, i) => (locations.get(name)!.size > 1 ? `${params[i]!.in}-${name}` : name));
  const order = params
    .map((_, i) => i)
    .sort((a, b) => byCodeUnit(params[a]!.name, params[b]!.name) || byCodeUnit(params[a]!.in, params[b]!.in));
  const used = new Set(located);
  const kept = new Set<string>();
  const out = [...located];
  for (const i of order) {
    const name = located[i]!;
    if (!kept.has(name)) {
      kept.add(name);
      continue;
    }
    let n = 2;
    while (used.has(`${name}-${n}`)) n++;
    out[i] = `${name}-${n}`;
    used.add(out[i]!);
  }
  return out;
}

function singular(parts: string[]): string[] {
  const last = parts[parts.length - 1] ?? "";
  const one = /ies$/.test(last)
    ? `${last.slice(0, -3)}y`
    : /(?:s|x|z|ch|sh)es$/.test(last)
      ? last.slice(0, -2)
      : /[^s]s$/.test(last)
        ? last.slice(0, -1)
        : last;
  return [...parts.slice(0, -1), one];
}

function indexOfRun(list: string[], run: string[]): number {
  if (run.length === 0) return -1;
  for (let i = 0; i + run.length <= list.length; i++) {
    if (run.every((w, j) => list[i + j] === w)) return i;
  }
  return -1;
}

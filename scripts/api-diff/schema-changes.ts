/**
 * The engine's differences inside one schema -> changes with rules. The
 * differences of one schema position are judged together: a property added
 * together with its `required` entry is a new required property, the items
 * of a `type` array and `nullable` make one type change, enum values are
 * compared as sets. Then the direction decides: the client writes requests
 * (narrower is breaking, wider is safe) and reads responses (wider is
 * breaking, narrower is safe). Types are compared as TypeScript sees them
 * (integer and number are both `number`; a switch between them is reported
 * like a format change, which the types do not show).
 */
import type { ChangeDraft, PeerType } from "./change.js";
import type { EngineDiff, PathToken } from "./engine.js";
import { worstPeer } from "./peer.js";
import { RULES, type RuleId } from "./rules.js";
import type { LocatePath } from "./locate.js";
import { splitSchemaPath, subjectOf, type SchemaPlace, type SchemaSite } from "./schema-site.js";

export interface SchemaDiff {
  site: SchemaSite;
  /** The path inside the schema. */
  tokens: PathToken[];
  diff: EngineDiff;
}

interface Group {
  site: SchemaSite;
  place: SchemaPlace;
  diffs: EngineDiff[];
}

const MAX_KEYWORDS = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"]);
const MIN_KEYWORDS = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"]);
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "discriminator", "deprecated", "externalDocs", "xml", "readOnly", "writeOnly", "default"]);

/** A node of the base or the head document, found by its path in the engine's view (locate.ts). */
export type Lookup = (side: "base" | "head", path: LocatePath) => unknown;

export function schemaChanges(diffs: readonly SchemaDiff[], lookup: Lookup): ChangeDraft[] {
  const groups = new Map<string, Group>();
  for (const { site, tokens, diff } of diffs) {
    const place = splitSchemaPath(tokens);
    // Properties and `required` of one schema are judged together, as are `type` and `nullable`.
    const kind = place.keyword === "properties" || place.keyword === "required" ? "members" : place.keyword === "type" || place.keyword === "nullable" ? "type" : place.keyword;
    const key = JSON.stringify([site.enginePath, place.position, kind, kind === "members" || kind === "type" || kind === "enum" ? [] : place.key]);
    const group = groups.get(key) ?? { site, place, diffs: [] };
    group.diffs.push(diff);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((group) => judge(group, lookup));
}

function judge(group: Group, lookup: Lookup): ChangeDraft[] {
  const { keyword } = group.place;
  if (keyword === "properties" || keyword === "required") return members(group);
  if (keyword === "type" || keyword === "nullable") return types(group);
  if (keyword === "enum") return enums(group);
  if (keyword === "format") return one(group, rule(group.site, "format-changed"), `format ${show(before(group))} -> ${show(after(group))}`);
  if (keyword === "pattern") {
    const removed = after(group) === undefined;
    const id = group.site.direction === "request" && removed ? rule(group.site, "pattern-removed") : rule(group.site, "pattern-changed");
    return one(group, id, `pattern ${show(before(group))} -> ${show(after(group))}`);
  }
  if (MAX_KEYWORDS.has(keyword) || MIN_KEYWORDS.has(keyword)) return bounds(group);
  if (keyword === "oneOf" || keyword === "anyOf") return unions(group);
  if (keyword === "allOf" || keyword === "items") return shapeParts(group);
  if (keyword === "additionalProperties") return additional(group);
  if (keyword === "default") return defaults(group, lookup);
  return []; // annotations (description, example, ...) and keywords that neither types nor validation of a client see
}

/** Properties added or removed, and `required` entries, of one object schema. */
function members(group: Group): ChangeDraft[] {
  const added = new Map<string, EngineDiff[]>();
  const removed = new Map<string, EngineDiff[]>();
  const required = { added: new Map<string, EngineDiff[]>(), removed: new Map<string, EngineDiff[]>() };
  const note = (map: Map<string, EngineDiff[]>, name: string, diff: EngineDiff) => map.set(name, [...(map.get(name) ?? []), diff]);
  const names = (value: unknown) => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);
  for (const diff of group.diffs) {
    if (splitKeyword(group, diff) === "properties") {
      // One property (`properties/<name>`), or the whole `properties` object.
      const whole = diff.path[diff.path.length - 1] === "properties";
      const name = (value: unknown) => (whole ? Object.keys(objectOr(value)) : [String(diff.path[diff.path.length - 1])]);
      if (diff.action === "add") for (const n of name(diff.after)) note(added, n, diff);
      if (diff.action === "remove") for (const n of name(diff.before)) note(removed, n, diff);
    } else {
      // A `required` entry, or the whole array.
      const [was, now] = [names(diff.before), names(diff.after)];
      for (const n of now) if (!was.includes(n)) note(required.added, n, diff);
      for (const n of was) if (!now.includes(n)) note(required.removed, n, diff);
    }
  }
  const { site, place } = group;
  const out: ChangeDraft[] = [];
  const at = (name: string, side: "head" | "base", diffs: EngineDiff[]) => ({ side, path: [...site.locatePath, ...place.position, "properties", name], peer: worstPeer(diffs.map((d) => d.peer)) });
  for (const [name, diffs] of added) {
    const isRequired = required.added.has(name);
    const id: RuleId = site.direction === "request" ? (isRequired ? "new-required-request-property" : "new-optional-request-property") : isRequired ? "response-required-property-added" : "response-optional-property-added";
    const { side, path, peer } = at(name, "head", [...diffs, ...(required.added.get(name) ?? [])]);
    out.push(draft(site, id, `${subjectOf(site, [...place.field, name])}: added${isRequired ? " (required)" : ""}`, side, path, peer));
  }
  for (const [name, diffs] of removed) {
    const { side, path, peer } = at(name, "base", [...diffs, ...(required.removed.get(name) ?? [])]);
    out.push(draft(site, site.direction === "request" ? "request-property-removed" : "response-property-removed", `${subjectOf(site, [...place.field, name])}: removed`, side, path, peer));
  }
  for (const [name, diffs] of required.added) {
    if (added.has(name)) continue;
    const { side, path, peer } = at(name, "head", diffs);
    out.push(draft(site, site.direction === "request" ? "request-property-became-required" : "response-property-became-required", `${subjectOf(site, [...place.field, name])}: became required`, side, path, peer));
  }
  for (const [name, diffs] of required.removed) {
    if (removed.has(name)) continue;
    const { side, path, peer } = at(name, "head", diffs);
    out.push(draft(site, site.direction === "request" ? "request-property-became-optional" : "response-property-became-optional", `${subjectOf(site, [...place.field, name])}: became optional`, side, path, peer));
  }
  return out;
}

/** `type` (a name or an array of names) and `nullable` of one schema, as sets of TypeScript types. */
function types(group: Group): ChangeDraft[] {
  let was: unknown = undefined;
  let now: unknown = undefined;
  let typeSeen = false;
  const nullable = { was: false, now: false };
  for (const diff of group.diffs) {
    if (splitKeyword(group, diff) === "nullable") {
      Object.assign(nullable, { was: diff.before === true, now: diff.after === true });
    } else if (typeof diff.path[diff.path.length - 1] === "number") {
      // An item of a `type` array: the arrays around it are the whole types.
      [was, now, typeSeen] = [diff.beforeParent, diff.afterParent, true];
    } else {
      [was, now, typeSeen] = [diff.before, diff.after, true];
    }
  }
  // Without a `type` change, only null came or went: both sides share the rest of the type.
  const before = typeSeen ? typeSet(was, nullable.was) : new Set(["(unchanged)", ...(nullable.was ? ["null"] : [])]);
  const after = typeSeen ? typeSet(now, nullable.now) : new Set(["(unchanged)", ...(nullable.now ? ["null"] : [])]);
  const { site, place } = group;
  const message = typeSeen ? `type ${describeTypes(was, nullable.was)} -> ${describeTypes(now, nullable.now)}` : nullable.now ? "became nullable" : "no longer nullable";
  const widened = covers(after, before);
  const narrowed = covers(before, after);
  if (widened && narrowed) {
    // The same TypeScript type (integer <-> number): the values differ, the types do not.
    return typeSeen && JSON.stringify(was) !== JSON.stringify(now) ? one(group, rule(site, "format-changed"), message) : [];
  }
  // Null alone: the nullable rules, except for a parameter's own type (a parameter is not null, it is left out).
  if (sameExceptNull(before, after) && !(site.parameter && place.field.length === 0)) {
    const becameNullable = after.has("null");
    return one(group, rule(site, becameNullable ? "became-nullable" : "became-not-nullable"), becameNullable ? "became nullable" : "no longer nullable");
  }
  if (site.direction === "request") return one(group, rule(site, widened ? "type-widened" : "type-changed"), message);
  return one(group, rule(site, narrowed ? "type-narrowed" : "type-changed"), message);
}

/**
 * Enum values added and removed, one change each. An enum dropped is a type
 * change (any value now: wider); an enum introduced limits the values (for a
 * request, the others are refused; for a response, they never come). The
 * engine shows a missing enum as an empty one, or reports the whole array.
 */
function enums(group: Group): ChangeDraft[] {
  const { site } = group;
  const whole = (d: EngineDiff) => d.path[d.path.length - 1] === "enum";
  const isEmpty = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);
  const values = (ds: EngineDiff[], side: "before" | "after") => ds.flatMap((d) => (whole(d) ? ((d[side] as unknown[] | undefined) ?? []) : [d[side]])).map(show).join(", ");
  const removals = group.diffs.filter((d) => d.action === "remove");
  const additions = group.diffs.filter((d) => d.action === "add");
  if (removals.length > 0 && additions.length === 0 && removals.every((d) => whole(d) || isEmpty(d.afterParent))) {
    return one(group, rule(site, site.direction === "request" ? "type-widened" : "type-changed"), `no longer limited to ${values(removals, "before")}`);
  }
  if (additions.length > 0 && removals.length === 0 && additions.every((d) => whole(d) || isEmpty(d.beforeParent))) {
    return one(group, rule(site, "enum-value-removed"), `now limited to ${values(additions, "after")}`);
  }
  return group.diffs.flatMap((diff) => {
    const single = { ...group, diffs: [diff] };
    const removed = diff.action === "remove" || diff.action === "replace" ? one(single, rule(site, "enum-value-removed"), `enum value ${show(diff.before)} removed`) : [];
    const added = diff.action === "add" || diff.action === "replace" ? one(single, rule(site, "enum-value-added"), `enum value ${show(diff.after)} added`) : [];
    return [...removed, ...added];
  });
}

function bounds(group: Group): ChangeDraft[] {
  const { keyword } = group.place;
  const was = before(group);
  const now = after(group);
  const isMax = MAX_KEYWORDS.has(keyword);
  // A bound that appears, or moves inwards (3.0's boolean exclusive flags: turned on), is tighter.
  const tighter = typeof now === "boolean" || typeof was === "boolean" ? now === true : typeof now === "number" && (typeof was !== "number" || (isMax ? now < was : now > was));
  const change = isMax ? (tighter ? "max-decreased" : "max-increased") : tighter ? "min-increased" : "min-decreased";
  return one(group, rule(group.site, change), `${keyword} ${show(was)} -> ${show(now)}`);
}

function unions(group: Group): ChangeDraft[] {
  const { site, place } = group;
  return group.diffs.flatMap((diff) => {
    if (place.key.length === 0) {
      // The whole oneOf/anyOf appeared or went: another shape of type.
      return one({ ...group, diffs: [diff] }, rule(site, "type-changed"), `${place.keyword} ${diff.action === "add" ? "added" : "removed"}`);
    }
    if (diff.action === "replace") return [];
    const added = diff.action === "add";
    const id: RuleId = site.direction === "request" ? (added ? "request-union-member-added" : "request-union-member-removed") : added ? "response-union-member-added" : "response-union-member-removed";
    return one({ ...group, diffs: [diff] }, id, `${place.keyword} member ${added ? "added" : "removed"}${refName(added ? diff.after : diff.before)}`);
  });
}

/** An `allOf` part or the `items` schema added or removed: more constraints (narrower) or fewer (wider). */
function shapeParts(group: Group): ChangeDraft[] {
  const { site, place } = group;
  return group.diffs.flatMap((diff) => {
    if (diff.action === "replace") return [];
    const value = diff.action === "add" ? diff.after : diff.before;
    if (place.keyword === "allOf" && Object.keys(objectOr(value)).every((k) => ANNOTATIONS.has(k))) return [];
    const narrower = diff.action === "add";
    const id = site.direction === "request" ? (narrower ? "type-changed" : "type-widened") : narrower ? "type-narrowed" : "type-changed";
    return one({ ...group, diffs: [diff] }, rule(site, id), `${place.keyword}${place.key.length > 0 ? ` part` : ""} ${diff.action === "add" ? "added" : "removed"}${refName(value)}`);
  });
}

/** additionalProperties as an openness level: closed (absent or false) < typed (a schema) < open (true or {}). */
function additional(group: Group): ChangeDraft[] {
  const { site } = group;
  const level = (value: unknown) => (value === undefined || value === false ? 0 : value === true || Object.keys(objectOr(value)).length === 0 ? 2 : 1);
  const [was, now] = [level(before(group)), level(after(group))];
  if (was === now) return [];
  const message = `additionalProperties ${["closed", "typed", "open"][was]} -> ${["closed", "typed", "open"][now]}`;
  if (site.direction === "request") return one(group, now < was ? "request-additional-properties-narrowed" : "request-additional-properties-widened", message);
  const id: RuleId = now === 0 ? "response-additional-properties-removed" : was === 0 ? "response-additional-properties-added" : now > was ? "response-additional-properties-widened" : "response-additional-properties-narrowed";
  return one(group, id, message);
}

/**
 * A default added to or removed from an optional property: openapi-typescript
 * (`defaultNonNullable`) makes a property with a default non-optional in the
 * generated type, in requests and responses alike.
 */
function defaults(group: Group, lookup: Lookup): ChangeDraft[] {
  const { site, place } = group;
  const [properties, name] = place.position.slice(-2);
  const diff = group.diffs[0]!;
  if (properties !== "properties" || typeof name !== "string" || diff.action === "replace") return [];
  const added = diff.action === "add";
  const object = [...site.locatePath, ...place.position.slice(0, -2)];
  const side = added ? "head" : "base";
  const parts = [object, ...allOfParts(lookup(side, object)).map((k) => [...object, "allOf", k])];
  if (parts.some((path) => requiredNames(lookup(side, path)).includes(name))) return []; // already required: the type does not change
  const id: RuleId = site.direction === "request" ? (added ? "request-property-default-added" : "request-property-default-removed") : added ? "response-property-default-added" : "response-property-default-removed";
  return one(group, id, added ? `default ${show(diff.after)} added` : `default ${show(diff.before)} removed`);
}

function allOfParts(node: unknown): number[] {
  const parts = objectOr(node).allOf;
  return Array.isArray(parts) ? parts.map((_, k) => k) : [];
}

function requiredNames(node: unknown): string[] {
  const required = objectOr(node).required;
  return Array.isArray(required) ? required.map(String) : [];
}

/** `request-parameter-<change>` for a parameter's own schema, else `<direction>-property-<change>`. */
function rule(site: SchemaSite, change: string): RuleId {
  const id = `${site.direction}-${site.parameter ? "parameter" : "property"}-${change}`;
  if (!Object.hasOwn(RULES, id)) throw new Error(`api-diff: no rule ${id}`);
  return id as RuleId;
}

function one(group: Group, id: RuleId, what: string): ChangeDraft[] {
  const { site, place } = group;
  const removal = group.diffs.every((d) => d.action === "remove");
  const path = [...site.locatePath, ...place.position, place.keyword];
  return [draft(site, id, `${subjectOf(site, place.field)}: ${what}`, removal ? "base" : "head", path, worstPeer(group.diffs.map((d) => d.peer)))];
}

function draft(site: SchemaSite, rule: RuleId, message: string, side: "head" | "base", path: ChangeDraft["at"]["path"], peer: PeerType | undefined): ChangeDraft {
  return { rule, operation: site.operation, message, at: { side, path }, ...(peer && { peer }) };
}

/** The keyword a difference of the group is about (a group may mix `properties` and `required`, `type` and `nullable`). */
function splitKeyword(group: Group, diff: EngineDiff): string {
  const depth = group.site.enginePath.length + group.place.position.length;
  return String(diff.path[depth]);
}

function before(group: Group): unknown {
  return group.diffs[0]?.before;
}

function after(group: Group): unknown {
  return group.diffs[0]?.after;
}

function typeSet(type: unknown, nullable: boolean): Set<string> {
  const names = type === undefined ? ["any"] : Array.isArray(type) ? type.map(String) : [String(type)];
  const out = new Set(names.map((t) => (t === "integer" ? "number" : t)));
  if (nullable) out.add("null");
  return out;
}

function describeTypes(type: unknown, nullable: boolean): string {
  const names = type === undefined ? ["any"] : Array.isArray(type) ? type.map(String) : [String(type)];
  return [...names, ...(nullable && !names.includes("null") ? ["null"] : [])].join(" | ");
}

/** Every value of `inner` is a value of `outer`. */
function covers(outer: Set<string>, inner: Set<string>): boolean {
  return outer.has("any") || [...inner].every((t) => outer.has(t));
}

function sameExceptNull(a: Set<string>, b: Set<string>): boolean {
  const strip = (s: Set<string>) => [...s].filter((t) => t !== "null").sort().join(",");
  return a.has("null") !== b.has("null") && strip(a) === strip(b);
}

function objectOr(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function refName(value: unknown): string {
  const ref = objectOr(value).$ref;
  return typeof ref === "string" ? ` (${ref.split("/").pop()})` : "";
}

function show(value: unknown): string {
  return value === undefined ? "none" : `\`${JSON.stringify(value)}\``;
}

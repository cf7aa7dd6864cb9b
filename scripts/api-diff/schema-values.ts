/**
 * Which values a field takes: its type (with `nullable`), its enum, its
 * bounds, format and pattern. Types are compared as TypeScript sees them
 * (integer and number are both `number`; a switch between them is reported
 * like a format change, which the types do not show). Then the direction
 * decides: the client writes requests (narrower is breaking, wider is safe)
 * and reads responses (wider is breaking, narrower is safe).
 */
import type { FoundChange } from "./change.js";
import type { EngineDiff } from "./engine.js";
import { after, before, one, rule, show, splitKeyword, type Group } from "./schema-group.js";

export const MAX_KEYWORDS = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"]);
export const MIN_KEYWORDS = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"]);

/** `type` (a name or an array of names) and `nullable` of one schema, as sets of TypeScript types. */
export function types(group: Group): FoundChange[] {
  let was: unknown;
  let now: unknown;
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
  const message = typeSeen
    ? `type ${describeTypes(was, nullable.was)} -> ${describeTypes(now, nullable.now)}`
    : nullable.now
      ? "became nullable"
      : "no longer nullable";
  const widened = covers(after, before);
  const narrowed = covers(before, after);
  if (widened && narrowed) {
    // The same TypeScript type (integer <-> number): the values differ, the types do not.
    return typeSeen && JSON.stringify(was) !== JSON.stringify(now)
      ? one(group, rule(site, "format-changed"), message)
      : [];
  }
  // Null alone: the nullable rules, except for a parameter's own type (a parameter is not null, it is left out).
  if (sameExceptNull(before, after) && !(site.parameter && place.field.length === 0)) {
    const becameNullable = after.has("null");
    return one(
      group,
      rule(site, becameNullable ? "became-nullable" : "became-not-nullable"),
      becameNullable ? "became nullable" : "no longer nullable",
    );
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
export function enums(group: Group): FoundChange[] {
  const { site } = group;
  const whole = (d: EngineDiff) => d.path[d.path.length - 1] === "enum";
  const isEmpty = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);
  const values = (ds: EngineDiff[], side: "before" | "after") =>
    ds
      .flatMap((d) => (whole(d) ? ((d[side] as unknown[] | undefined) ?? []) : [d[side]]))
      .map(show)
      .join(", ");
  const removals = group.diffs.filter((d) => d.action === "remove");
  const additions = group.diffs.filter((d) => d.action === "add");
  if (removals.length > 0 && additions.length === 0 && removals.every((d) => whole(d) || isEmpty(d.afterParent))) {
    return one(
      group,
      rule(site, site.direction === "request" ? "type-widened" : "type-changed"),
      `no longer limited to ${values(removals, "before")}`,
    );
  }
  if (additions.length > 0 && removals.length === 0 && additions.every((d) => whole(d) || isEmpty(d.beforeParent))) {
    return one(group, rule(site, "enum-value-removed"), `now limited to ${values(additions, "after")}`);
  }
  return group.diffs.flatMap((diff) => {
    const single = { ...group, diffs: [diff] };
    const removed =
      diff.action === "remove" || diff.action === "replace"
        ? one(single, rule(site, "enum-value-removed"), `enum value ${show(diff.before)} removed`)
        : [];
    const added =
      diff.action === "add" || diff.action === "replace"
        ? one(single, rule(site, "enum-value-added"), `enum value ${show(diff.after)} added`)
        : [];
    return [...removed, ...added];
  });
}

export function bounds(group: Group): FoundChange[] {
  const { keyword } = group.place;
  const was = before(group);
  const now = after(group);
  const isMax = MAX_KEYWORDS.has(keyword);
  // A bound that appears, or moves inwards (3.0's boolean exclusive flags: turned on), is tighter.
  const tighter =
    typeof now === "boolean" || typeof was === "boolean"
      ? now === true
      : typeof now === "number" && (typeof was !== "number" || (isMax ? now < was : now > was));
  const change = isMax ? (tighter ? "max-decreased" : "max-increased") : tighter ? "min-increased" : "min-decreased";
  return one(group, rule(group.site, change), `${keyword} ${show(was)} -> ${show(now)}`);
}

export function formatChange(group: Group): FoundChange[] {
  return one(group, rule(group.site, "format-changed"), `format ${show(before(group))} -> ${show(after(group))}`);
}

export function patternChange(group: Group): FoundChange[] {
  const removed = after(group) === undefined;
  return one(
    group,
    rule(group.site, group.site.direction === "request" && removed ? "pattern-removed" : "pattern-changed"),
    `pattern ${show(before(group))} -> ${show(after(group))}`,
  );
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
  const strip = (s: Set<string>) =>
    [...s]
      .filter((t) => t !== "null")
      .sort()
      .join(",");
  return a.has("null") !== b.has("null") && strip(a) === strip(b);
}

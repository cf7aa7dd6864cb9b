/**
 * What the judges of schema changes share: a group (the engine's differences
 * at one schema position, judged together), the rule id of a change in its
 * direction, and a found change with its message and location.
 */
import type { FoundChange, PeerType } from "./change.js";
import type { EngineDiff } from "./engine.js";
import type { LocatePath } from "./locate.js";
import { isObject } from "../spec/openapi-walk.js";
import { REF_NAME } from "./resolve.js";
import { worstPeer } from "./peer.js";
import { VALUE_RULES, type RuleId, type SchemaSubject, type ValueChange } from "./rules.js";
import { subjectOf, type SchemaPlace, type SchemaSite } from "./schema-site.js";

export interface Group {
  site: SchemaSite;
  place: SchemaPlace;
  diffs: EngineDiff[];
}

/** A node of the base or the head document, and its JSON pointer, found by its path in the engine's view (locate.ts). */
export interface Lookup {
  node(side: "base" | "head", path: LocatePath): unknown;
  pointer(side: "base" | "head", path: LocatePath): string;
}

/** The rule of a value change at a site (VALUE_RULES): a parameter's schema, a request field or a response field. */
export function rule(site: SchemaSite, change: ValueChange): RuleId {
  const subject: SchemaSubject =
    site.direction === "response" ? "response-property" : site.parameter ? "request-parameter" : "request-property";
  return VALUE_RULES[subject][change];
}

export function one(group: Group, id: RuleId, what: string): FoundChange[] {
  const { site, place } = group;
  const removal = group.diffs.every((d) => d.action === "remove");
  const path = [...site.locatePath, ...place.position, place.keyword];
  return [
    foundChange(
      site,
      id,
      `${subjectOf(site, place.field)}: ${what}`,
      removal ? "base" : "head",
      path,
      worstPeer(group.diffs.map((d) => d.peer)),
    ),
  ];
}

export function foundChange(
  site: SchemaSite,
  rule: RuleId,
  message: string,
  side: "head" | "base",
  path: FoundChange["at"]["path"],
  peer: PeerType | undefined,
): FoundChange {
  return { rule, operation: site.operation, message, at: { side, path }, ...(peer && { peer }) };
}

/** The keyword a difference of the group is about (a group may mix `properties` and `required`, `type` and `nullable`). */
export function splitKeyword(group: Group, diff: EngineDiff): string {
  const depth = group.site.enginePath.length + group.place.position.length;
  return String(diff.path[depth]);
}

export function before(group: Group): unknown {
  return group.diffs[0]?.before;
}

export function after(group: Group): unknown {
  return group.diffs[0]?.after;
}

export function objectOr(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

/** ` (ClientSideTool)`: the component a schema is, by its `$ref` or, once resolved (resolve.ts), by the name kept with it. */
export function refName(value: unknown): string {
  const { $ref: ref, [REF_NAME]: name } = objectOr(value);
  return typeof ref === "string" ? ` (${ref.split("/").pop()})` : typeof name === "string" ? ` (${name})` : "";
}

export function show(value: unknown): string {
  return value === undefined ? "none" : `\`${JSON.stringify(value)}\``;
}

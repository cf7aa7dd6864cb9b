/**
 * The shape of a value: oneOf/anyOf members, `allOf` parts and the `items`
 * schema added or removed, and how open an object is to extra keys
 * (`additionalProperties`).
 */
import type { ChangeDraft } from "./change.js";
import type { RuleId } from "./rules.js";
import { after, before, objectOr, one, refName, rule, type Group } from "./schema-group.js";

const ANNOTATIONS = new Set(["description", "title", "example", "examples", "discriminator", "deprecated", "externalDocs", "xml", "readOnly", "writeOnly", "default"]);

export function unions(group: Group): ChangeDraft[] {
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
export function shapeParts(group: Group): ChangeDraft[] {
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
export function additional(group: Group): ChangeDraft[] {
  const { site } = group;
  const level = (value: unknown) => (value === undefined || value === false ? 0 : value === true || Object.keys(objectOr(value)).length === 0 ? 2 : 1);
  const [was, now] = [level(before(group)), level(after(group))];
  if (was === now) return [];
  const message = `additionalProperties ${["closed", "typed", "open"][was]} -> ${["closed", "typed", "open"][now]}`;
  if (site.direction === "request") return one(group, now < was ? "request-additional-properties-narrowed" : "request-additional-properties-widened", message);
  const id: RuleId = now === 0 ? "response-additional-properties-removed" : was === 0 ? "response-additional-properties-added" : now > was ? "response-additional-properties-widened" : "response-additional-properties-narrowed";
  return one(group, id, message);
}

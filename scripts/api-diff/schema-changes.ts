/**
 * The engine's differences inside schemas -> changes with rules. The
 * differences at one schema position are grouped and judged together (a
 * property and its `required` entry, the items of a `type` array and
 * `nullable`, the values of an enum), by what they change: which fields an
 * object has (schema-members.ts), which values a field takes
 * (schema-values.ts), the shape of a value (schema-shapes.ts).
 */
import type { FoundChange } from "./change.js";
import { couldNotJudge, judged } from "./could-not-judge.js";
import type { EngineDiff, PathToken } from "./engine.js";
import type { Group, Lookup } from "./schema-group.js";
import { defaults, members } from "./schema-members.js";
import { additional, shapeParts, unions } from "./schema-shapes.js";
import { splitSchemaPath, type SchemaSite } from "./schema-site.js";
import { bounds, enums, formatChange, MAX_KEYWORDS, MIN_KEYWORDS, patternChange, types } from "./schema-values.js";

export type { Lookup } from "./schema-group.js";

export interface SchemaDiff {
  site: SchemaSite;
  /** The path inside the schema. */
  tokens: PathToken[];
  diff: EngineDiff;
}

export function schemaChanges(diffs: readonly SchemaDiff[], lookup: Lookup): FoundChange[] {
  const groups = new Map<string, Group>();
  for (const { site, tokens, diff } of diffs) {
    const place = splitSchemaPath(tokens);
    // Properties and `required` of one schema are judged together, as are `type` and `nullable`.
    const kind =
      place.keyword === "properties" || place.keyword === "required"
        ? "members"
        : place.keyword === "type" || place.keyword === "nullable"
          ? "type"
          : place.keyword;
    const key = JSON.stringify([
      site.enginePath,
      place.position,
      kind,
      kind === "members" || kind === "type" || kind === "enum" ? [] : place.key,
    ]);
    const group = groups.get(key) ?? { site, place, diffs: [] };
    group.diffs.push(diff);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((group) => {
    const place = [...group.site.enginePath, ...group.place.position, group.place.keyword];
    const found = judged(place, "this schema change", () => judge(group, lookup));
    // The engine failed to classify a difference here and our rules gave nothing either: say so.
    const failed = group.diffs.find((d) => d.classifyError !== undefined);
    return found.length === 0 && failed
      ? [couldNotJudge(failed.path, "this schema change", failed.classifyError!)]
      : found;
  });
}

function judge(group: Group, lookup: Lookup): FoundChange[] {
  const { keyword } = group.place;
  if (keyword === "properties" || keyword === "required") return members(group);
  if (keyword === "type" || keyword === "nullable") return types(group);
  if (keyword === "enum") return enums(group);
  if (keyword === "format") return formatChange(group);
  if (keyword === "pattern") return patternChange(group);
  if (MAX_KEYWORDS.has(keyword) || MIN_KEYWORDS.has(keyword)) return bounds(group);
  if (keyword === "oneOf" || keyword === "anyOf") return unions(group, lookup);
  if (keyword === "allOf" || keyword === "items") return shapeParts(group);
  if (keyword === "additionalProperties") return additional(group);
  if (keyword === "default") return defaults(group, lookup);
  return []; // annotations (description, example, ...) and keywords that neither types nor validation of a client see
}

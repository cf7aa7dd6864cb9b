/**
 * `nullable: true` in an OpenAPI 3.1 document. It is a 3.0 keyword (3.1 says
 * `type: [..., "null"]`), but real 3.1 specs keep it (Telnyx's has it in 106
 * schemas) and their servers do send `null` there. openapi-typescript reads
 * it in any version and types the schema `| null`, which is what the server
 * means; so the generator keeps that reading, reports one count line instead
 * of one lint error per place, and lint leaves these places out.
 */
import type { NormalizedProblem } from "@redocly/openapi-core";
import { isObject } from "./openapi-walk.js";

/** How many schemas of the document say `nullable: true` (the keyword, not a property named `nullable`). */
export function countNullable(node: unknown, inProperties = false): number {
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + countNullable(item), 0);
  if (!isObject(node)) return 0;
  let count = !inProperties && node.nullable === true ? 1 : 0;
  for (const [key, value] of Object.entries(node))
    count += countNullable(value, !inProperties && (key === "properties" || key === "patternProperties"));
  return count;
}

/** Redocly's `struct` error for a `nullable` keyword, which a 3.1 document does not define. */
export function isNullableProblem(problem: Pick<NormalizedProblem, "ruleId" | "location">): boolean {
  const pointer = problem.location[0]?.pointer;
  return problem.ruleId === "struct" && pointer !== undefined && pointer.endsWith("/nullable");
}

export function nullableLine(count: number, file: string): string {
  return `note: ${file}: \`nullable: true\` (an OpenAPI 3.0 keyword) in ${count} schema${count === 1 ? "" : "s"} of this 3.1 document; typed as \`| null\`, as the server sends`;
}

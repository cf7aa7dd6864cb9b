/**
 * Text -> plain JSON-compatible object, safely, in time linear in the text.
 * Text that starts with `{` is checked as JSON (scripts/spec/parse-json.ts), then
 * given to JSON.parse; anything else, or `{...}` that is not JSON in a file
 * not named `.json` (a YAML flow mapping), goes to the YAML walk
 * (scripts/spec/parse-yaml.ts).
 */
import { jsonError, scanJson } from "./parse-json.js";
import { parseYaml } from "./parse-yaml.js";

export { MAX_DEPTH } from "./parse-json.js";
export { MAX_ALIAS_NODES } from "./parse-yaml.js";

export function parseSpecText(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^\s*\{/.test(body)) {
    const problem = scanJson(body);
    if (!problem) return JSON.parse(body);
    // `{...}` that is not JSON may still be a YAML flow mapping, unless the file says it is JSON.
    if (problem.kind !== "syntax" || /\.json$/i.test(file)) throw jsonError(problem, body, file);
  }
  return parseYaml(body, file);
}

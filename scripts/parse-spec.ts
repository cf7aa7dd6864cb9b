/**
 * Text -> plain object, safely. JSON goes through JSON.parse (60x faster than a
 * YAML parser on a 1 MB spec); YAML through `yaml` with unique keys and an
 * alias budget, so an alias bomb fails at once instead of eating memory.
 */
import { parseDocument } from "yaml";
import { GenerateError } from "./errors.js";

/** Aliases allowed while building the object; `yaml` counts expansions against this. */
export const MAX_YAML_ALIASES = 100;

export function parseSpecText(text: string, file: string): unknown {
  return looksLikeJson(text) ? parseJson(text, file) : parseYaml(text, file);
}

function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const place = position ? lineColumnAt(text, Number(position[1])) : {};
    throw new GenerateError(`invalid JSON: ${message}`, { file, ...place }, "fix the syntax at that place");
  }
}

function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, merge: true, strict: true });
  const problem = doc.errors[0];
  if (problem) {
    const pos = problem.linePos?.[0];
    const duplicate = problem.code === "DUPLICATE_KEY";
    throw new GenerateError(
      duplicate ? `duplicate key: ${firstLine(problem.message)}` : `invalid YAML: ${firstLine(problem.message)}`,
      { file, line: pos?.line, column: pos?.col },
      duplicate ? "remove or rename one of the two keys" : "fix the syntax at that place",
    );
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    throw new GenerateError(
      `YAML aliases expand too much (over ${MAX_YAML_ALIASES} alias expansions): ${firstLine((error as Error).message)}`,
      { file },
      "replace the anchors and aliases (&name / *name) with $ref, or with the values themselves",
    );
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

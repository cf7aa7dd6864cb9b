/**
 * JSON text checked in one validating scan, in time linear in the text:
 * syntax errors with line and column, duplicate keys (JSON.parse would keep
 * only the last), nesting depth, numbers too large for a double. The text
 * is then parsed by JSON.parse (scripts/spec/parse-spec.ts decides when).
 */
import { GenerateError } from "../errors.js";

/** Deepest nesting of objects and arrays accepted (real specs stay under 40); the YAML walk uses it too. */
export const MAX_DEPTH = 128;

export interface JsonProblem {
  kind: "syntax" | "duplicate" | "depth" | "number";
  message: string;
  offset: number;
}

export function jsonError(problem: JsonProblem, text: string, file: string): GenerateError {
  const fix = {
    syntax: "fix the JSON syntax at that place",
    duplicate: "remove or rename one of the two keys (JSON.parse would silently keep only the last)",
    depth: "flatten the document: move nested schemas to #/components and $ref them",
    number: "write the number as a finite JSON number or a string",
  }[problem.kind];
  return new GenerateError(
    `${problem.kind === "syntax" ? "invalid JSON: " : ""}${problem.message}`,
    { file, ...lineColumnAt(text, problem.offset) },
    fix,
  );
}

/** Validates JSON text in one pass; returns the first problem or undefined. */
export function scanJson(text: string): JsonProblem | undefined {
  const stack: (Set<string> | undefined)[] = []; // a key set per open object, undefined per open array
  let expect: "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "commaOrClose" | "end" = "value";
  let i = 0;
  const fail = (message: string, kind: JsonProblem["kind"] = "syntax", offset = i): JsonProblem => ({
    kind,
    message,
    offset,
  });
  const afterValue = () => (stack.length > 0 ? "commaOrClose" : "end");
  for (;;) {
    let c = text.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
    if (i >= text.length) return expect === "end" ? undefined : fail("unexpected end of the file");
    const top = stack[stack.length - 1];
    if (expect === "end") return fail("unexpected text after the end of the document");
    if (expect === "colon") {
      if (c !== 58) return fail("expected ':' after the property name");
      i++;
      expect = "value";
    } else if (expect === "commaOrClose") {
      if (c === 44) expect = top ? "key" : "value";
      else if (c === (top ? 125 : 93)) {
        stack.pop();
        expect = afterValue();
      } else return fail(top ? "expected ',' or '}'" : "expected ',' or ']'");
      i++;
    } else if (expect === "key" || expect === "keyOrClose") {
      if (expect === "keyOrClose" && c === 125) {
        i++;
        stack.pop();
        expect = afterValue();
        continue;
      }
      if (c !== 34) return fail("expected a property name in double quotes");
      const start = i;
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      const raw = text.slice(start + 1, end - 1);
      const key = raw.includes("\\") ? (JSON.parse(text.slice(start, end)) as string) : raw;
      if (top!.has(key)) return fail(`duplicate key ${JSON.stringify(key)} in the same object`, "duplicate", start);
      top!.add(key);
      i = end;
      expect = "colon";
    } else {
      if (expect === "valueOrClose" && c === 93) {
        i++;
        stack.pop();
        expect = afterValue();
        continue;
      }
      if (c === 123 || c === 91) {
        if (stack.length >= MAX_DEPTH)
          return fail(`objects and arrays are nested more than ${MAX_DEPTH} deep`, "depth");
        stack.push(c === 123 ? new Set() : undefined);
        expect = c === 123 ? "keyOrClose" : "valueOrClose";
        i++;
        continue;
      }
      if (c === 34) {
        const end = scanString(text, i);
        if (typeof end !== "number") return end;
        i = end;
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        NUMBER.lastIndex = i;
        const match = NUMBER.exec(text);
        if (!match) return fail("invalid number");
        if (!Number.isFinite(Number(match[0])))
          return fail(`the number ${match[0].slice(0, 40)} is too large for JSON`, "number");
        i += match[0].length;
      } else {
        const literal = ["true", "false", "null"].find((word) => text.startsWith(word, i));
        if (!literal) return fail(`unexpected character ${JSON.stringify(text[i])}`);
        i += literal.length;
      }
      expect = afterValue();
    }
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Offset just past the string that starts at `start`, or the problem in it. */
function scanString(text: string, start: number): number | JsonProblem {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32) return { kind: "syntax", message: "control character (a raw line break?) inside a string", offset: i };
    if (c === 92) {
      const next = text[i + 1] ?? "";
      if (
        next === "u" ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(next) || next === ""
      ) {
        return { kind: "syntax", message: "invalid escape inside a string", offset: i };
      }
      i += next === "u" ? 5 : 1;
    }
  }
  return { kind: "syntax", message: "unterminated string", offset: start };
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

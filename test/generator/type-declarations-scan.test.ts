/**
 * The scanner pass that lets `assertTypesOnly` skip a full parse
 * (scripts/type-declarations-scan.ts): it must accept what the types step
 * writes (else every run pays the parse), and it must never accept code that
 * TypeScript's parser reads with an error or with anything but interface and
 * type alias declarations: checked on hand-picked traps and on thousands of
 * random edits of real output, each compared with TypeScript's own parse.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { scansAsTypeDeclarations } from "../../scripts/emit/type-declarations-scan.js";
import { ROOT } from "../helpers/run-generate.js";

/** What `assertTypesOnly` requires, decided by TypeScript's parser. */
function parsesAsTypeDeclarations(code: string): boolean {
  const source = ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
  return diagnostics.length === 0 && source.statements.every((s) => ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s));
}

const scans = (code: string) => scansAsTypeDeclarations(ts, code);

/** Every construct openapi-typescript's printer and the types step write. */
const CONSTRUCTS = `export interface paths {
    "/items/{id}": {
        parameters: {
            query?: never;
            path: {
                id: string;
            };
        };
        /** @description A comment with *\\/ escaped, and "quotes" and \`ticks\` */
        get: operations["getItem"];
        put?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Item: {
            readonly id: string;
            readonly?: boolean;
            get: number;
            new?: "a" | "b" | 'c\\u2028d';
            200: -1 | 2.5 | 1e+21 | true | false | null;
            "x-y"?: (string | number)[] | unknown[] | Record<string, unknown>;
            tuple: [string, number, ...boolean[]];
            nested: {
                [key: string]: components["schemas"]["Item"] | undefined;
            };
            keys: keyof components["schemas"];
            list: readonly string[];
            any: any | object | void | symbol | bigint;
        } & ({ a: string; } | { b: string; });
        Json: string | components["schemas"]["Json_Array"];
    };
    responses: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
export type Item = components['schemas']['Item'];
export interface Json_Array extends Array<components["schemas"]["Json"]> {
}
type WithRequired<T, K extends PropertyKey> = T & {
    [P in K & keyof T]-?: T[P];
};
`;

describe("scansAsTypeDeclarations", () => {
  it("accepts every construct the types step writes, as TypeScript does", () => {
    expect(parsesAsTypeDeclarations(CONSTRUCTS)).toBe(true);
    expect(scans(CONSTRUCTS)).toBe(true);
  });

  it("accepts the committed schema.ts", () => {
    expect(scans(readFileSync(join(ROOT, "generated", "schema.ts"), "utf8"))).toBe(true);
  });

  it.each([
    ["a line break after `type` (TypeScript reads an expression)", "type\nA = string;\n"],
    ["a line break after `interface`", "interface\nA {\n}\n"],
    ["code after a declaration", 'export type A = string;\nconsole.log("pwned");\n'],
    ["code after a declaration without its semicolon", "export type A = string\nconsole.log(1);\n"],
    ["a variable", "export const pwned = 1;\n"],
    ["an invalid name", "export type 3d = string;\n"],
    ["an unterminated comment", "export type A = string; /* never closed\n"],
    ["an unterminated string", 'export type A = "never closed;\n'],
    ["a comment ended by a line separator", "export type A = string; // note\u2028alert(1);\n"],
    ["`[` on the next line (an expression statement)", "export type A = B\n[];\n"],
    ["type arguments on the next line", "export type A = B\n<C>;\n"],
    ["a mapped type in an interface body", "interface A {\n    [P in K]-?: T;\n}\n"],
    ["`readonly` then a line break (a property named readonly, no type)", "interface A {\n    readonly\n    foo: string;\n}\n"],
    ["a function type", "type A = (x: string) => void;\n"],
    ["a parenthesized type followed by an arrow", "type A = (B) => C;\n"],
    ["a named tuple member", "type A = [x: string];\n"],
    ["a conditional type", "type A<T> = T extends string ? 1 : 2;\n"],
    ["a keyword written with an escape", "export type A = { x: \\u0073tring; };\n"],
    ["an escaped `interface`", "export \\u0069nterface A {\n}\n"],
    ["a stray semicolon", "export type A = string;;\n"],
    ["a member without its semicolon", "interface A {\n    x: string\n}\n"],
    ["an enum", "export enum E {\n    A = 1\n}\n"],
    ["a template literal type", "type A = `a${string}`;\n"],
  ])("refuses %s (the caller then parses)", (_name, code) => {
    expect(scans(code)).toBe(false);
  });

  it("never accepts what TypeScript's parser refuses, over thousands of random edits of real output", () => {
    const real = `${CONSTRUCTS}${readFileSync(join(ROOT, "generated", "schema.ts"), "utf8")}`;
    const file = ts.createSourceFile("x.ts", real, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const statements = file.statements.map((s) => real.slice(s.getFullStart(), s.getEnd()));
    const inserts = [";", "}", "{", "\n", "console.log(1)", "readonly ", "-", "?", "(", ")", "=>", "<", ">", "[", "]", ",", " extends ", " in ", "type ", "interface ", "export ", "string", "x", '"s"', "1", "/*", "*/", "//", "`", "\u2028", " ", "\\u0061", "keyof ", "|", "&", ":", "...", "=", ".", "new ", "get ", "#", "@", "'", "\\", "n", "as ", "typeof ", "import(", "!", "\r"];
    let seed = 20250601;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let accepted = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let code = statements[random(statements.length)]!;
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
        const bounds: number[] = [];
        while (scanner.scan() !== ts.SyntaxKind.EndOfFileToken) bounds.push(scanner.getTokenStart(), scanner.getTokenEnd());
        const at = bounds.length > 0 && random(4) > 0 ? bounds[random(bounds.length)]! : random(code.length + 1);
        const kind = random(3);
        if (kind === 0) code = code.slice(0, at) + inserts[random(inserts.length)] + code.slice(at);
        else if (kind === 1) code = code.slice(0, at) + code.slice(at + 1 + random(5));
        else {
          const from = random(code.length + 1);
          code = code.slice(0, at) + code.slice(from, from + random(20)) + code.slice(at);
        }
      }
      if (!scans(code)) continue;
      accepted++;
      if (!parsesAsTypeDeclarations(code)) wrong.push(code);
    }
    expect(wrong).toEqual([]);
    expect(accepted).toBeGreaterThan(300); // the edits do not only produce refused code
  });
});

/**
 * The quick half of `assertTypesOnly` (emit-safety.ts): one pass of
 * TypeScript's own scanner over the code, matching its tokens against a small
 * grammar: the type declarations openapi-typescript's printer writes
 * (`export interface X { "a"?: T; [key: string]: U; }`, `export type X = T;`),
 * types built from keywords, literals, references with type arguments,
 * `{ }` members and mapped types, unions, intersections, `keyof`/`readonly`,
 * parentheses, tuples, arrays and indexed access. Every rule is a strict
 * subset of what TypeScript's parser reads the same way without a diagnostic
 * (explicit `;`, no line break where TypeScript's parser looks for one, no
 * escaped keywords, no scanner error), so `true` means: it parses cleanly and
 * holds nothing but interfaces and type aliases. `false` proves nothing: the
 * caller then parses the code for real, which is ~5x slower on a large schema
 * (mostly the parser warming up), and gives the precise error if there is one.
 */
import type { ts as TS } from "ts-morph";

type Ts = typeof TS;

/** True when `code` is only interface and type alias declarations (see above); false when not shown. */
export function scansAsTypeDeclarations(ts: Ts, code: string): boolean {
  const K = ts.SyntaxKind;
  let failed = false;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code, () => {
    failed = true;
  });
  let token = K.Unknown as TS.SyntaxKind;
  const isWord = (kind: TS.SyntaxKind): boolean => kind === K.Identifier || (kind >= K.FirstKeyword && kind <= K.LastKeyword);
  const next = (): void => {
    token = scanner.scan();
    if (scanner.isUnterminated()) failed = true;
    // A keyword written with escapes is a parse error; an escaped identifier is fine but rare: not shown here.
    if (isWord(token) && (scanner.hasUnicodeEscape() || scanner.hasExtendedUnicodeEscape())) failed = true;
  };
  /** The current token is `kind` (a call, so TypeScript does not narrow `token` across `next()`). */
  const at = (kind: TS.SyntaxKind): boolean => token === kind;
  const fail = (): never => {
    throw Stop;
  };
  const expect = (kind: TS.SyntaxKind): void => {
    if (token !== kind) fail();
    next();
  };
  const sameLine = (): void => {
    if (scanner.hasPrecedingLineBreak()) fail();
  };
  const peek = (): TS.SyntaxKind => scanner.lookAhead(() => scanner.scan());
  /** A name TypeScript reads as an identifier (not a keyword of any kind). */
  const identifier = (): void => expect(K.Identifier);

  const KEYWORD_TYPES = new Set<TS.SyntaxKind>([
    K.AnyKeyword, K.UnknownKeyword, K.StringKeyword, K.NumberKeyword, K.BigIntKeyword, K.BooleanKeyword, K.SymbolKeyword,
    K.ObjectKeyword, K.NeverKeyword, K.UndefinedKeyword, K.VoidKeyword, K.NullKeyword, K.TrueKeyword, K.FalseKeyword,
  ]);
  const isPropertyName = (kind: TS.SyntaxKind): boolean => isWord(kind) || kind === K.StringLiteral || kind === K.NumericLiteral;

  const typeArguments = (): void => {
    // `<` right after the name on the same line (as TypeScript requires), then types.
    expect(K.LessThanToken);
    type();
    while (at(K.CommaToken)) (next(), type());
    expect(K.GreaterThanToken);
  };

  const typeReference = (): void => {
    identifier();
    while (at(K.DotToken)) (next(), identifier());
    if (at(K.LessThanToken) && !scanner.hasPrecedingLineBreak()) typeArguments();
  };

  /** `{ ... }`: type members, or (a type, not an interface body) one mapped type `{ [P in K]-?: T; }`. */
  const braces = (mapped: boolean): void => {
    expect(K.OpenBraceToken);
    if (mapped && at(K.OpenBracketToken) && scanner.lookAhead(() => scanner.scan() === K.Identifier && scanner.scan() === K.InKeyword)) {
      next();
      identifier();
      expect(K.InKeyword);
      type();
      expect(K.CloseBracketToken);
      if (at(K.MinusToken) || at(K.PlusToken)) next(), expect(K.QuestionToken);
      else if (at(K.QuestionToken)) next();
      expect(K.ColonToken);
      type();
      expect(K.SemicolonToken);
      expect(K.CloseBraceToken);
      return;
    }
    while (!at(K.CloseBraceToken)) member();
    next();
  };

  /** `name?: T;` or `[key: K]: T;`. */
  const member = (): void => {
    if (at(K.OpenBracketToken)) {
      next();
      identifier();
      expect(K.ColonToken);
      type();
      expect(K.CloseBracketToken);
    } else {
      // `readonly` is a modifier when a name follows on the same line (as TypeScript decides); any
      // keyword is a plain property name when `?` or `:` follows it (`readonly`, `get`, `new`, ...).
      if (at(K.ReadonlyKeyword) && scanner.lookAhead(() => isPropertyName(scanner.scan()) && !scanner.hasPrecedingLineBreak())) next();
      if (!isPropertyName(token)) fail();
      next();
      if (at(K.QuestionToken)) next();
    }
    expect(K.ColonToken);
    type();
    expect(K.SemicolonToken);
  };

  const primary = (): void => {
    if (KEYWORD_TYPES.has(token)) {
      next();
      if (at(K.DotToken)) fail(); // `string.x` would be a qualified name
      return;
    }
    switch (token) {
      case K.StringLiteral:
      case K.NumericLiteral:
        return next();
      case K.MinusToken:
        next();
        return expect(K.NumericLiteral);
      case K.Identifier:
        return typeReference();
      case K.OpenBraceToken:
        return braces(true);
      case K.OpenParenToken:
        // `(` then a type, never a parameter list: a function type would need `name:`, `...`, `)` then `=>`.
        if (peek() === K.CloseParenToken) fail();
        next();
        type();
        expect(K.CloseParenToken);
        if (at(K.EqualsGreaterThanToken)) fail();
        return;
      case K.OpenBracketToken: {
        next();
        while (!at(K.CloseBracketToken)) {
          if (at(K.DotDotDotToken)) next();
          else if (at(K.Identifier) && scanner.lookAhead(() => [K.ColonToken, K.QuestionToken].includes(scanner.scan()))) fail(); // a named member
          type();
          if (!at(K.CommaToken)) break;
          next();
          if (at(K.CloseBracketToken)) fail();
        }
        return expect(K.CloseBracketToken);
      }
      default:
        return fail();
    }
  };

  /** Array and indexed access types, only on the same line (else TypeScript ends the type before `[`). */
  const postfix = (): void => {
    primary();
    while (at(K.OpenBracketToken) && !scanner.hasPrecedingLineBreak()) {
      next();
      if (at(K.CloseBracketToken)) {
        next();
        continue;
      }
      type();
      expect(K.CloseBracketToken);
    }
  };

  const operator = (): void => {
    if (at(K.KeyOfKeyword) || at(K.ReadonlyKeyword)) {
      next();
      return operator();
    }
    postfix();
  };

  const list = (separator: TS.SyntaxKind, part: () => void): void => {
    if (token === separator) next();
    part();
    while (token === separator) (next(), part());
  };

  function type(): void {
    list(K.BarToken, () => list(K.AmpersandToken, operator));
    if (at(K.ExtendsKeyword)) fail(); // a conditional type: not in this grammar
  }

  const typeParameters = (): void => {
    expect(K.LessThanToken);
    for (;;) {
      identifier();
      if (at(K.ExtendsKeyword)) (next(), type());
      if (at(K.EqualsToken)) (next(), type());
      if (!at(K.CommaToken)) break;
      next();
    }
    expect(K.GreaterThanToken);
  };

  const statement = (): void => {
    if (at(K.ExportKeyword)) next(), sameLine();
    if (at(K.InterfaceKeyword)) {
      next();
      sameLine();
      identifier();
      if (at(K.LessThanToken)) typeParameters();
      if (at(K.ExtendsKeyword)) {
        next();
        typeReference();
        while (at(K.CommaToken)) (next(), typeReference());
      }
      return braces(false);
    }
    if (at(K.TypeKeyword)) {
      next();
      sameLine();
      identifier();
      if (at(K.LessThanToken)) typeParameters();
      expect(K.EqualsToken);
      type();
      return expect(K.SemicolonToken);
    }
    fail();
  };

  try {
    next();
    while (!at(K.EndOfFileToken) && !failed) statement();
    return !failed;
  } catch (error) {
    // Not in the grammar, or nested past the stack: either way, not shown here.
    if (error === Stop || error instanceof RangeError) return false;
    throw error;
  }
}

const Stop = Symbol("not in the grammar");

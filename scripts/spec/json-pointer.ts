/**
 * JSON pointers (RFC 6901) as URI fragments, `#/paths/~1voice_clones/get`:
 * the one place that escapes, unescapes, builds and follows them.
 */

/** Escapes one token: `~` -> `~0`, `/` -> `~1`. */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** One token of a fragment back to its text (%-escapes too); undefined when an escape is malformed. */
export function unescapeToken(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
  } catch {
    return undefined;
  }
}

/** Builds `#/a/b~1c` from tokens. */
export function pointerOf(tokens: ReadonlyArray<string | number>): string {
  return `#${tokens.map((t) => `/${pointerToken(t)}`).join("")}`;
}

/** The tokens of a pointer, unescaped (`#/a/b~1c` -> `["a", "b/c"]`, `#` -> `[]`); undefined when it is not one or an escape is malformed. */
export function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === "#" || pointer === "") return [];
  if (!pointer.startsWith("#/")) return undefined;
  const tokens = pointer.slice(2).split("/").map(unescapeToken);
  return tokens.every((t) => t !== undefined) ? (tokens as string[]) : undefined;
}

/** The node a pointer (`#/a/b~1c`, %-escapes allowed) names in `root`, or undefined. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  const tokens = pointerTokens(pointer);
  if (tokens === undefined) return undefined;
  let node = root;
  for (const token of tokens) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/**
 * Keeping secrets out of errors and logs, one rule for the library and the
 * CLI: header values by name, and the API key itself wherever a server might
 * echo it (a body, a header, a message, a cursor).
 */

export const REDACTED = "***";

/** Headers whose values are never shown: (proxy-)authorization, (set-)cookie, (x-)api-key; `Headers` gives names in lower case. */
const SENSITIVE_HEADER = /^(proxy-)?authorization$|^(set-)?cookie$|^(x-)?api-key$/;

/**
 * The shortest API key the client accepts (`resolveApiKey` refuses shorter
 * ones with a `ConfigurationError`): every accepted key is redacted, and a
 * shorter string would match inside ordinary words. A real Telnyx key is
 * far longer. `redactText` skips any other secret shorter than this.
 */
export const MIN_SECRET_LENGTH = 6;

/**
 * `text` with every occurrence of each secret (of at least MIN_SECRET_LENGTH
 * characters) replaced by `***`, in every form a request or a server gives
 * it: raw; percent-encoded (encodeURIComponent, form encoding with `+` for a
 * space, the WHATWG URL encoder's partial encoding, either hex case, and
 * encoded twice as `%25XX`); and JSON-escaped (`\"`, `\\`, `\/`, `\uXXXX`).
 * Each character of the secret may appear in any of its forms, so a mix of
 * encoders still matches.
 */
export function redactText(text: string, ...secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) continue;
    out = out.replace(secretPattern(secret), REDACTED);
  }
  return out;
}

/** One compiled pattern per secret: a client's key is matched many times. */
const patterns = new Map<string, RegExp>();

function secretPattern(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (pattern === undefined) {
    if (patterns.size >= 64) patterns.clear();
    pattern = new RegExp([...secret].map(characterForms).join(""), "g");
    patterns.set(secret, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** A regex alternation for one character in any of its forms. */
function characterForms(char: string): string {
  const forms = [char.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&")];
  const bytes = new TextEncoder().encode(char);
  forms.push([...bytes].map((byte) => `%(?:25)?${hexPattern(byte)}`).join(""));
  if (char === " ") forms.push("\\+");
  const code = char.codePointAt(0)!;
  if (code <= 0xffff) forms.push(`\\\\u${hexPattern(code >> 8)}${hexPattern(code & 0xff)}`);
  if (char === '"' || char === "\\" || char === "/") forms.push(`\\\\\\${char}`);
  return `(?:${forms.join("|")})`;
}

/** Two hex digits of `byte`, either case: `2[bB]`. */
function hexPattern(byte: number): string {
  return [...byte.toString(16).padStart(2, "0")]
    .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
    .join("");
}

/** A plain, lower-cased copy of `headers`, sensitive values as `***` and the secret removed from the rest. */
export function redactHeaders(headers: Headers | undefined, secret?: string): Record<string, string> {
  const out: Record<string, string> = {};
  headers?.forEach((value, name) => {
    out[name] = SENSITIVE_HEADER.test(name) ? REDACTED : redactText(value, secret);
  });
  return out;
}

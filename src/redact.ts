/**
 * Keeping secrets out of errors and logs, one rule for the library and the
 * CLI: header values by name, and the API key itself wherever a server might
 * echo it (a body, a header, a message, a cursor).
 */

export const REDACTED = "***";

/** Headers whose values are never shown: (proxy-)authorization, (set-)cookie, (x-)api-key; `Headers` gives names in lower case. */
const SENSITIVE_HEADER = /^(proxy-)?authorization$|^(set-)?cookie$|^(x-)?api-key$/;

/**
 * Secrets shorter than this are not searched for in text: a real API key is
 * far longer, and replacing a 1-letter test key would garble every message.
 */
export const MIN_SECRET_LENGTH = 6;

/**
 * `text` with every occurrence of each secret (of at least MIN_SECRET_LENGTH
 * characters) replaced by `***`, also as it appears inside JSON text (with
 * `"` and `\` escaped).
 */
export function redactText(text: string, ...secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) continue;
    out = out.split(secret).join(REDACTED);
    const inJson = JSON.stringify(secret).slice(1, -1);
    if (inJson !== secret) out = out.split(inJson).join(REDACTED);
  }
  return out;
}

/** A plain, lower-cased copy of `headers`, sensitive values as `***` and the secret removed from the rest. */
export function redactHeaders(headers: Headers | undefined, secret?: string): Record<string, string> {
  const out: Record<string, string> = {};
  headers?.forEach((value, name) => {
    out[name] = SENSITIVE_HEADER.test(name) ? REDACTED : redactText(value, secret);
  });
  return out;
}

/**
 * The API key behind a client, and behind each failed answer it returns, so
 * an error built later from that answer (by `unwrap`, the paginator, or user
 * code) or by the paginator from what the server sent can remove the key if
 * the server echoed it. Weak: it lives as long as the client or response.
 * (Only failed answers: a WeakMap entry for every answer measured ~170 us a
 * call in garbage collection, bench/client.bench.ts.)
 */
const secretOf = new WeakMap<object, string>();

export function rememberSecret(holder: Response | object, secret: string): void {
  secretOf.set(holder, secret);
}

export function secretFor(holder: Response | object | undefined): string | undefined {
  return holder && secretOf.get(holder);
}

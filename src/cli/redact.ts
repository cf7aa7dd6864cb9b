/**
 * The API key never reaches the terminal: every message the CLI prints on
 * stderr goes through `redact` with the key it knows about.
 */
import { REDACTED } from "../redact.js";

export { REDACTED };

/** Keys shorter than this are not searched for (they would mangle ordinary text). */
const MIN_SECRET = 4;

export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= MIN_SECRET) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Takes the `--api-key` value straight from argv, so that it can be redacted even when parsing fails. */
export function apiKeyFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return undefined;
    if (arg === "--api-key") return argv[i + 1];
    if (arg.startsWith("--api-key=")) return arg.slice("--api-key=".length);
  }
  return undefined;
}

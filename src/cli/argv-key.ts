/**
 * The `--api-key` value straight from argv, so that it can be removed from
 * what the CLI prints even when parsing the command fails. (What is removed,
 * and how, is the library's one rule: `redactText` in src/redact.ts.)
 */
export function apiKeyFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return undefined;
    if (arg === "--api-key") return argv[i + 1];
    if (arg.startsWith("--api-key=")) return arg.slice("--api-key=".length);
  }
  return undefined;
}

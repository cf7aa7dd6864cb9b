/**
 * `createClient()` options resolved once, with explicit defaults and the
 * environment as fallback; every bad value is a `ConfigurationError` that
 * names the option or variable and the fix. No message contains the key.
 * The CLI checks its `--api-key` and `--base-url` with the same functions,
 * naming its flags instead of the options (`FLAG_NAMES`).
 */
import { ConfigurationError } from "./errors.js";
import { isLogLevel, LOG_LEVELS, type LogLevel } from "./logger.js";
import { MIN_SECRET_LENGTH } from "./redact.js";

export const DEFAULTS = {
  maxRetries: 2,
  timeoutMs: 60_000,
  initialRetryDelayMs: 500,
  maxRetryDelayMs: 8_000,
  maxBodyBytes: 256 * 1024 * 1024,
};

/**
 * The most bytes a body may have and still be read as one string: V8's
 * longest string (2^29 - 24 UTF-16 code units on 64-bit), which no UTF-8
 * body of at most that many bytes can exceed.
 */
export const MAX_STRING_BYTES = 2 ** 29 - 24;

/** How messages name the two settings a caller passes: the library's options, or the CLI's flags. */
export interface SettingNames {
  readonly apiKey: string;
  readonly baseUrl: string;
}

export const OPTION_NAMES: SettingNames = { apiKey: "the apiKey option", baseUrl: "the baseUrl option" };
export const FLAG_NAMES: SettingNames = { apiKey: "--api-key", baseUrl: "--base-url" };

/** The longest delay a timer takes (2^31 - 1 ms); beyond it timers fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** Control characters other than tab, and anything outside Latin-1: no HTTP header value can hold them. */
const NOT_IN_A_HEADER = /[\u0000-\u0008\u000a-\u001f\u007f]|[^\u0000-\u00ff]/;

/** An environment variable, or undefined where there is no `process` (browsers). */
export function readEnv(name: string): string | undefined {
  return typeof process === "undefined" ? undefined : process.env[name];
}

/**
 * The key from `apiKey`, else TELNYX_API_KEY: present, not blank, a valid
 * header value, and at least MIN_SECRET_LENGTH characters (a shorter key
 * could not be kept out of messages without garbling them: every accepted
 * key is redacted everywhere).
 */
export function resolveApiKey(
  option: string | undefined,
  env: string | undefined = readEnv("TELNYX_API_KEY"),
  names: SettingNames = OPTION_NAMES,
): string {
  const [key, where] = option !== undefined ? [option, names.apiKey] : [env, "TELNYX_API_KEY"];
  if (key === undefined) {
    throw new ConfigurationError(`No API key: set the TELNYX_API_KEY environment variable or use ${names.apiKey}.`);
  }
  const problem =
    typeof key !== "string" || !key.trim()
      ? "is blank"
      : /[\r\n]/.test(key)
        ? "contains a line break (CR or LF), e.g. a trailing newline from a file"
        : NOT_IN_A_HEADER.test(key)
          ? "contains a control character or a character outside Latin-1"
          : key.trim().length < MIN_SECRET_LENGTH
            ? `is ${key.trim().length} character${key.trim().length === 1 ? "" : "s"} long, too short to be kept out of logs and errors (at least ${MIN_SECRET_LENGTH})`
            : "";
  if (problem)
    throw new ConfigurationError(
      `The API key from ${where} ${problem}: set TELNYX_API_KEY (or ${names.apiKey}) to your Telnyx API key.`,
    );
  return key.trim();
}

/**
 * The base URL from `baseUrl`, else TELNYX_BASE_URL, else the spec's first
 * server; absolute http(s), no credentials, query or fragment; trailing and
 * doubled slashes removed so `base + "/path"` never holds `//`.
 */
export function resolveBaseUrl(
  option: string | undefined,
  servers: readonly string[],
  env: string | undefined = readEnv("TELNYX_BASE_URL"),
  names: SettingNames = OPTION_NAMES,
): string {
  const [raw, where] =
    option !== undefined
      ? [option, names.baseUrl]
      : env?.trim()
        ? [env, "TELNYX_BASE_URL"]
        : [servers[0], "the spec's servers[0]"];
  if (raw === undefined) {
    throw new ConfigurationError(
      `No base URL: the spec lists no servers, so set the TELNYX_BASE_URL environment variable or use ${names.baseUrl}.`,
    );
  }
  let url: URL | undefined;
  try {
    url = new URL(String(raw).trim());
  } catch {}
  const problem = !url
    ? `is not an absolute URL (${JSON.stringify(raw)})`
    : !/^https?:$/.test(url.protocol)
      ? `must use https (or http), not ${url.protocol}`
      : url.username || url.password
        ? `contains credentials (give the key with ${names.apiKey})`
        : url.search || url.hash
          ? "has a query or fragment"
          : "";
  if (problem)
    throw new ConfigurationError(
      `The base URL from ${where} ${problem}: give scheme, host and path, like "https://api.telnyx.com/v2".`,
    );
  return url!.origin + url!.pathname.replace(/\/{2,}/g, "/").replace(/\/+$/, "");
}

/** `value` when it is a whole number in [min, max], else a `ConfigurationError` naming the option. */
export function resolveInteger(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max = MAX_TIMER_MS,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}, got ${String(value)}.`);
  }
  return value;
}

/** `logLevel`, else TELNYX_LOG, else "off". */
export function resolveLogLevel(option: string | undefined, env: string | undefined = readEnv("TELNYX_LOG")): LogLevel {
  const [value, where] = option !== undefined ? [option, "the logLevel option"] : [env?.trim() || "off", "TELNYX_LOG"];
  if (!isLogLevel(value))
    throw new ConfigurationError(`${where} is ${JSON.stringify(value)}; use one of ${LOG_LEVELS.join(", ")}.`);
  return value;
}

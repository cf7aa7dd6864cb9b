/**
 * Optional logging: the `logLevel` option, else the TELNYX_LOG environment
 * variable, else "off". Lines carry method, URL, status, attempt and time;
 * header values pass through `redactHeaders` and the API key is removed.
 */
import { redactText } from "./redact.js";

export const LOG_LEVELS = ["off", "error", "warn", "info", "debug"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where lines go; `console` fits. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The enabled writers only: `log.debug` is undefined unless debug is on, so callers build no line for nothing. */
export interface Log {
  readonly debug?: (line: string) => void;
  readonly info?: (line: string) => void;
}

const PREFIX = "[telnyx-typed]";

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && (LOG_LEVELS as readonly string[]).includes(value);
}

export function createLog(level: LogLevel, logger: Logger, secret: string): Log {
  const rank = LOG_LEVELS.indexOf(level);
  const writer = (method: "debug" | "info") => (line: string) => logger[method](`${PREFIX} ${redactText(line, secret)}`);
  return {
    debug: rank >= LOG_LEVELS.indexOf("debug") ? writer("debug") : undefined,
    info: rank >= LOG_LEVELS.indexOf("info") ? writer("info") : undefined,
  };
}

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
  readonly debug?: ((line: string) => void) | undefined;
  readonly info?: ((line: string) => void) | undefined;
}

export function isLogLevel(value: unknown): value is LogLevel {
  return LOG_LEVELS.includes(value as LogLevel);
}

export function createLog(level: LogLevel, logger: Logger, secret: string): Log {
  const writer = (method: "debug" | "info") =>
    LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(method)
      ? (line: string) => logger[method](`[telnyx-typed] ${redactText(line, secret)}`)
      : undefined;
  return { debug: writer("debug"), info: writer("info") };
}

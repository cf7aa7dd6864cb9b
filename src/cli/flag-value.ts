/**
 * One flag's raw text -> the value sent to the API, checked against the spec:
 * type, enum (listing the allowed values), minimum/maximum. Any problem is a
 * UsageError that names the flag and what is allowed.
 */
import type { FlagSpec } from "./command-spec.js";
import { UsageError } from "./usage-error.js";

export function flagValue(flag: FlagSpec, raw: string, helpFor: string): string | number | boolean {
  const name = `--${flag.flag}`;
  const fail = (message: string) => new UsageError(`${name}: ${message}`, helpFor);
  let value: string | number | boolean = raw;
  if (flag.type === "integer") {
    if (!/^[+-]?\d+$/.test(raw.trim()))
      throw fail(`expected an integer, got ${JSON.stringify(raw)}${range(flag) ? ` (allowed: ${range(flag)})` : ""}`);
    value = Number(raw);
  } else if (flag.type === "number") {
    value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value)) throw fail(`expected a number, got ${JSON.stringify(raw)}`);
  } else if (flag.type === "boolean") {
    if (raw !== "true" && raw !== "false") throw fail(`expected true or false, got ${JSON.stringify(raw)}`);
    value = raw === "true";
  }
  if (flag.enum && !flag.enum.some((allowed) => String(allowed) === String(value))) {
    throw fail(`invalid value ${JSON.stringify(raw)}; allowed values: ${flag.enum.map(String).join(", ")}`);
  }
  if (typeof value === "number" && !inRange(flag, value))
    throw fail(`${value} is out of range; allowed: ${range(flag)}`);
  return value;
}

function inRange(flag: FlagSpec, n: number): boolean {
  return (
    (flag.minimum === undefined || n >= flag.minimum) &&
    (flag.maximum === undefined || n <= flag.maximum) &&
    (flag.exclusiveMinimum === undefined || n > flag.exclusiveMinimum) &&
    (flag.exclusiveMaximum === undefined || n < flag.exclusiveMaximum)
  );
}

/** `1 to 250`, `>= 1`, `> 0 and < 10`; empty when unbounded. */
export function range(flag: FlagSpec): string {
  if (flag.minimum !== undefined && flag.maximum !== undefined) return `${flag.minimum} to ${flag.maximum}`;
  const parts = [
    flag.minimum !== undefined ? `>= ${flag.minimum}` : "",
    flag.exclusiveMinimum !== undefined ? `> ${flag.exclusiveMinimum}` : "",
    flag.maximum !== undefined ? `<= ${flag.maximum}` : "",
    flag.exclusiveMaximum !== undefined ? `< ${flag.exclusiveMaximum}` : "",
  ].filter(Boolean);
  return parts.join(" and ");
}

/** A positive whole number for `--limit` / `--max-pages`. */
export function countValue(name: string, raw: string, helpFor: string): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1)
    throw new UsageError(`--${name}: expected a whole number of at least 1, got ${JSON.stringify(raw)}`, helpFor);
  return Number(raw);
}

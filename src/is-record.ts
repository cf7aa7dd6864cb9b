/** A plain object (not null, not an array): what parsed JSON bodies and items are read as. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

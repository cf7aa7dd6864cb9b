/**
 * Spec strings (summary, description, operationId) read as text: undefined
 * when the value is not a string or is blank.
 */

/** The string trimmed: for CLI data and flag help. */
export function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** The string as written (its blank lines kept): for doc comments, which carry descriptions as the spec has them. */
export function asWritten(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

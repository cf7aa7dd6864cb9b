/**
 * Is a page the same as the one before? A server that ignores the page
 * number, offset or cursor sends it again. Constant memory: of the page
 * before, only its count and its first and last items are kept. Two pages of
 * distinct records never share all three; a repeated page always does. The
 * comparison stops at the first field that differs, so distinct pages cost
 * next to nothing.
 */

export type PageFingerprint = readonly [count: number, first: unknown, last: unknown];

export function fingerprint(items: readonly unknown[]): PageFingerprint {
  return [items.length, items[0], items[items.length - 1]];
}

/** Whether two parsed JSON values are equal. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys)
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * The `rel="next"` target of an RFC 8288 `Link` header:
 * `<https://api.example.com/items?page=2>; rel="next", <...>; rel="last"`.
 * A link's `rel` may hold several space-separated types (`rel="next last"`).
 */
const LINK = /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"[^"]*"|[^;,\s]*))?)*)/g;
const REL = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i;

export function nextLinkFromHeader(value: string | null): string | undefined {
  if (value === null) return undefined;
  for (const [, target, params] of value.matchAll(LINK)) {
    const rel = REL.exec(params ?? "");
    const types = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (types.includes("next")) return target;
  }
  return undefined;
}

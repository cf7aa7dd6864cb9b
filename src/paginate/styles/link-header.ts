/**
 * The `rel="next"` target of an RFC 8288 `Link` header:
 * `<https://api.example.com/items?page=2>; rel="next", <...>; rel="last"`.
 * Parsed by `http-link-header` (a real RFC 8288 parser: quoted parameters
 * such as `title="see; rel=next page"` are values, not link parameters); a
 * link's `rel` may hold several space-separated types (`rel="next last"`),
 * compared without case.
 */
import LinkHeader from "http-link-header";

export function nextLinkFromHeader(value: string | null): string | undefined {
  if (value === null) return undefined;
  return LinkHeader.parse(value).rel("next")[0]?.uri;
}

/**
 * An independent reading of which operations of the corpus specs page, and
 * how: written from each spec's own parameter and field descriptions, not
 * from the generator's detector (scripts/pagination/), which it is measured
 * against by bench/pagination-corpus.ts.
 *
 * Classification rules ("this operation pages"):
 *
 * R1. A GET pages when its 2xx JSON answer carries a collection (R2) and the
 *     spec declares how to reach the next page:
 *     - page-number: the query parameter the spec's docs use to number pages;
 *     - offset: the query parameter that skips items;
 *     - cursor: the query parameter that takes a cursor, AND the body field
 *       that gives the next one (a cursor parameter with nothing to feed it
 *       declared is not paging as declared);
 *     - next link: the body field holding the next page's URL, or a
 *       declared `Link` response header.
 *     An operation with a page or offset parameter pages by it, even when
 *     its answer also carries next links.
 * R2. The collection is the body when the body is an array; else the array
 *     property that holds the resources (HAL's `_embedded`), leaving out the
 *     arrays the spec puts in every answer (its envelope, listed per spec:
 *     `errors`, `messages`, `_links`, ...). An answer with no such array
 *     reads one resource and does not page; one whose collection is a map
 *     of lists (Google's aggregated lists) pages, with a map payload.
 * R3. Counts (page number, total pages, total items) are the fields the
 *     spec's docs define as such; a count the generator emits must be one.
 * R4. Operations the structure does not settle are read by hand (`byHand`),
 *     each with the reason.
 */
export type Style = "page-number" | "offset" | "cursor" | "next-link";
type Path = readonly string[];

export type Verdict =
  | { pages: false; why: string }
  | {
      pages: true;
      style: Style;
      /** The parameter the style pages by (page, offset or cursor; for next links, a cursor they carry). */
      param?: string;
      /** The list's path; `unclear`: the spec does not say which array; `map`: a map of lists. */
      items: Path | "unclear" | "map";
      /** Cursor: where the next cursor is; next-link: where the URL is (`header`: the Link header). */
      next?: Path | "header" | "last item id";
      note?: string;
    };

export interface SpecReading {
  page?: string;
  offset?: string;
  cursor?: { param: string; next: Path };
  link?: { next: Path | "header"; param?: string };
  /** Arrays in every answer, never a list (R2). */
  envelope?: readonly string[];
  /** A property that, when an object, is a map of lists (R2). */
  mapPayload?: string;
  /** R3: where the spec counts, by kind; the first path the body has. */
  counts?: Partial<Record<"pageNumber" | "totalPages" | "totalItems", readonly Path[]>>;
  /** R4: operations read by hand, by path. */
  byHand?: Record<string, Verdict>;
}

const unclear = (style: Style, param: string | undefined, note: string): Verdict => ({
  pages: true,
  style,
  ...(param !== undefined && { param }),
  items: "unclear",
  note,
});

export const READINGS: Record<string, SpecReading> = {
  // "pageNumber: Specifies which page should be returned"; HAL-style `_embedded`; `messages` in every answer.
  "loket.nl.json": {
    page: "pageNumber",
    envelope: ["messages"],
    counts: { pageNumber: [["currentPage"]], totalPages: [["totalPages"]], totalItems: [["totalSize"]] },
  },
  // "offset: Used for pagination", "count: The number of records to return"; `_links` in every answer.
  "mailchimp.com.json": { offset: "offset", envelope: ["_links"], counts: { totalItems: [["total_items"]] } },
  // "pageToken: Specifies a page token to use. Set pageToken to the nextPageToken returned by a previous list request".
  "googleapis.com/compute.json": {
    cursor: { param: "pageToken", next: ["nextPageToken"] },
    envelope: ["unreachables"],
    mapPayload: "items",
  },
  // "page: Page number"; `_links.next` too, but the page number is the documented way.
  "codat.io/accounting.json": {
    page: "page",
    counts: { pageNumber: [["pageNumber"]], totalItems: [["totalResults"]] },
  },
  // Django REST: "offset: The initial index from which to return the results"; `count` is the total of results.
  "netbox.dev.json": { offset: "offset", counts: { totalItems: [["count"]] } },
  // "cursor: A pagination cursor returned by a previous call"; `errors` in every answer.
  "squareup.com.json": {
    cursor: { param: "cursor", next: ["cursor"] },
    envelope: ["errors"],
    byHand: Object.fromEntries(
      [
        "/v1/me/employees",
        "/v1/me/roles",
        "/v1/{location_id}/orders",
        "/v1/{location_id}/payments",
        "/v1/{location_id}/refunds",
        "/v1/{location_id}/settlements",
      ].map((path): [string, Verdict] => [
        path,
        {
          pages: true,
          style: "next-link",
          param: "batch_token",
          items: [],
          next: "header",
          note: "v1 pages by a Link header the spec does not declare (batch_token: 'A pagination cursor')",
        },
      ]),
    ),
  },
  // "page: The page number of the results to show"; bodies are bare arrays.
  "vimeo.com.json": {
    page: "page",
    byHand: {
      "/ondemand/pages/{ondemand_id}/promotions": unclear(
        "page-number",
        "page",
        "'Get all the promotions', but the 200 schema is one promotion",
      ),
      "/ondemand/pages/{ondemand_id}/promotions/{promotion_id}/codes": unclear(
        "page-number",
        "page",
        "'Get all the codes of a promotion', but the 200 schema is one code",
      ),
    },
  },
  // "pagination.next: Timestamp that must be used to request the next page" with `until` ("created before this timestamp").
  "vercel.com.json": {
    cursor: { param: "until", next: ["pagination", "next"] },
    byHand: {
      "/v9/projects": unclear(
        "cursor",
        undefined,
        "pagination.next is given, but only `from` ('updated after the given timestamp') could take it",
      ),
      "/v2/teams/{teamId}/members": {
        pages: true,
        style: "cursor",
        param: "until",
        items: ["members"],
        next: ["pagination", "next"],
        note: "the team's members; emailInviteCodes ride along",
      },
    },
  },
  // "Link: A comma-separated list of first, last, prev, and next relative links"; `startingAfter` is the token they carry.
  "meraki.com.json": {
    link: { next: "header", param: "startingAfter" },
    byHand: {
      "/networks/{networkId}/clients": unclear(
        "next-link",
        "startingAfter",
        "'List the clients', but the 200 schema is one client",
      ),
      "/networks/{networkId}/events": unclear(
        "next-link",
        "startingAfter",
        "the 200 schema is `type: object`; the list (`events`) is only in the example",
      ),
    },
  },
  // "page: Return a specific page of results"; top-level `page`, `pages`, `total`; `errors` in many answers.
  "shipengine.com.json": {
    page: "page",
    link: { next: ["links", "next", "href"] },
    envelope: ["errors"],
    counts: { pageNumber: [["page"]], totalPages: [["pages"]], totalItems: [["total"]] },
    byHand: {
      "/v1/batches/{batch_id}/errors": {
        pages: true,
        style: "page-number",
        param: "page",
        items: ["errors"],
        note: "the batch's errors are this operation's list",
      },
    },
  },
  // `page` and `offset` parameters; a few lists say how to go on only in prose or in `load_more_*` fields.
  "discourse.local.json": {
    page: "page",
    offset: "offset",
    byHand: {
      "/posts.json": {
        pages: true,
        style: "cursor",
        param: "before",
        items: ["latest_posts"],
        next: "last item id",
        note: "'before: Load posts with an id lower than this value. Useful for pagination.'",
      },
      "/search.json": unclear(
        "page-number",
        "page",
        "five arrays (posts, users, categories, tags, groups) are the result",
      ),
      "/notifications.json": {
        pages: true,
        style: "next-link",
        items: ["notifications"],
        next: ["load_more_notifications"],
        note: "load_more_notifications is the next page's path",
      },
      "/groups.json": {
        pages: true,
        style: "next-link",
        items: ["groups"],
        next: ["load_more_groups"],
        note: "load_more_groups is the next page's path",
      },
    },
  },
  // "offset: The index of the first property record to return, used to paginate"; bodies are bare arrays.
  "rentcast.io.json": { offset: "offset" },
};

type Json = Record<string, unknown>;

/** The reading of every GET of `spec`, by path. */
export function readSpec(spec: Json, reading: SpecReading): Map<string, Verdict> {
  const resolve = (node: unknown): Json => {
    let n = node as Json;
    for (let hops = 0; n && typeof n.$ref === "string" && hops < 32; hops++) {
      n = n.$ref
        .slice(2)
        .split("/")
        .map((k) => decodeURIComponent(k).replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<Json>((o, k) => o?.[k] as Json, spec);
    }
    return n ?? {};
  };
  const props = (schema: unknown): Json => {
    const s = resolve(schema);
    return Object.assign({}, ...((s.allOf as unknown[] | undefined) ?? []).map(props), s.properties ?? {});
  };
  const isArray = (schema: unknown) => {
    const s = resolve(schema);
    return (
      s.type === "array" ||
      (Array.isArray(s.type) && s.type.includes("array")) ||
      (s.type === undefined && s.items !== undefined)
    );
  };
  const has = (schema: unknown, path: Path) =>
    path.reduce<unknown>((at, key) => (at === undefined ? undefined : props(at)[key]), schema) !== undefined;

  const out = new Map<string, Verdict>();
  for (const [path, rawItem] of Object.entries(spec.paths as Json)) {
    const item = resolve(rawItem);
    const get = item.get as Json | undefined;
    if (!get) continue;
    const hand = reading.byHand?.[path];
    if (hand) {
      out.set(path, hand);
      continue;
    }
    const params = [...((item.parameters as unknown[]) ?? []), ...((get.parameters as unknown[]) ?? [])]
      .map(resolve)
      .filter((p) => p.in === "query")
      .map((p) => String(p.name));
    const responses = resolve(get.responses);
    const code = "200" in responses ? "200" : Object.keys(responses).find((c) => /^2/.test(c));
    const answer = code === undefined ? {} : resolve(responses[code]);
    const content = (answer.content ?? {}) as Json;
    const media = Object.keys(content).find((t) => /json/.test(t));
    const body = media === undefined ? undefined : resolve(content[media]).schema;
    const linkHeader = Object.keys((answer.headers as Json | undefined) ?? {}).some((h) => h.toLowerCase() === "link");

    let style: Style | undefined;
    let param: string | undefined;
    let next: Path | "header" | undefined;
    if (reading.page !== undefined && params.includes(reading.page)) [style, param] = ["page-number", reading.page];
    else if (reading.offset !== undefined && params.includes(reading.offset))
      [style, param] = ["offset", reading.offset];
    else if (
      reading.cursor &&
      params.includes(reading.cursor.param) &&
      body !== undefined &&
      has(body, reading.cursor.next)
    )
      [style, param, next] = ["cursor", reading.cursor.param, reading.cursor.next];
    else if (
      reading.link &&
      (reading.link.next === "header" ? linkHeader : body !== undefined && has(body, reading.link.next))
    ) {
      [style, next] = ["next-link", reading.link.next];
      if (reading.link.param !== undefined && params.includes(reading.link.param)) param = reading.link.param;
    }
    if (style === undefined) {
      out.set(path, { pages: false, why: "no paging parameter or next link declared" });
      continue;
    }
    const items = collection(body);
    if (items === undefined) out.set(path, { pages: false, why: "the answer is one resource" });
    else
      out.set(path, {
        pages: true,
        style,
        ...(param !== undefined && { param }),
        items,
        ...(next !== undefined && { next }),
      });
  }
  return out;

  function collection(body: unknown): Path | "unclear" | "map" | undefined {
    if (body === undefined) return undefined;
    if (isArray(body)) return [];
    const fields = props(body);
    if (
      reading.mapPayload !== undefined &&
      fields[reading.mapPayload] !== undefined &&
      !isArray(fields[reading.mapPayload])
    )
      return "map";
    if (fields._embedded !== undefined && isArray(fields._embedded)) return ["_embedded"];
    const arrays = Object.keys(fields).filter(
      (name) => isArray(fields[name]) && !(reading.envelope ?? []).includes(name),
    );
    return arrays.length === 1 ? [arrays[0]!] : arrays.length === 0 ? undefined : "unclear";
  }
}

/**
 * Telnyx's own spec (spec/spec3.yml, 2026-07-16), read from its parameter
 * and field descriptions, with its own rules:
 *
 * T1. Page numbers: `page[number]` ("The page number to load"), `page` with
 *     `number` (one `style: deepObject` object), `page_number`, `page` (an
 *     integer: 10DLC, legacy reports, toll-free). Cursors: `page[after]`
 *     (flat or in the page object; the next one is `meta.cursors.after`,
 *     "Opaque identifier of next page"), `page_cursor` (`meta.page_cursor`,
 *     "Cursor for the next page"), `cursor` (`meta.cursor`).
 * T2. TeXML lists (a body with `next_page_uri`, "Relative uri to the next
 *     page") page by following it: `Page` "should be used in conjunction
 *     with PageToken", which only the link carries.
 * T3. A list that takes both a page number and a cursor (`mixed`) pages by
 *     numbers when its meta declares `total_pages`, by the cursor when its
 *     meta declares `cursors`, else by numbers.
 * T4. The list is the body when it is an array, else `data`, else the
 *     body's one array (`records`, TeXML's `calls`, ...; `recordings`
 *     beside `participants`); a body that is one of several list bodies
 *     (`oneOf`) has the list they share; a body with none reads one
 *     resource and does not page.
 * T5. Any other GET does not page (a page size alone included).
 */
export type TelnyxPattern = "page-number flat" | "page-number deepObject" | "cursor" | "next-link" | "mixed";
export const TELNYX_PATTERNS: readonly TelnyxPattern[] = [
  "page-number flat",
  "page-number deepObject",
  "cursor",
  "next-link",
  "mixed",
];

export const TELNYX_COUNTS: SpecReading["counts"] = {
  pageNumber: [["meta", "page_number"], ["page"]],
  totalPages: [["meta", "total_pages"]],
  totalItems: [["meta", "total_results"], ["meta", "total_items"], ["totalRecords"], ["total_records"]],
};

export function readTelnyx(spec: Json): Map<string, Verdict & { pattern?: TelnyxPattern }> {
  const resolve = (node: unknown): Json => {
    let n = node as Json;
    for (let hops = 0; n && typeof n.$ref === "string" && hops < 32; hops++) {
      n = n.$ref
        .slice(2)
        .split("/")
        .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<Json>((o, k) => o?.[k] as Json, spec);
    }
    return n ?? {};
  };
  const props = (schema: unknown): Json => {
    const s = resolve(schema);
    const variants = ((s.oneOf ?? s.anyOf) as unknown[] | undefined) ?? [];
    return Object.assign(
      {},
      ...((s.allOf as unknown[] | undefined) ?? []).map(props),
      ...variants.map(props),
      s.properties ?? {},
    );
  };
  const isArray = (schema: unknown) => resolve(schema).type === "array";
  const out = new Map<string, Verdict & { pattern?: TelnyxPattern }>();
  for (const [path, rawItem] of Object.entries(spec.paths as Json)) {
    const item = resolve(rawItem);
    const get = item.get as Json | undefined;
    if (!get) continue;
    const query = [...((item.parameters as unknown[]) ?? []), ...((get.parameters as unknown[]) ?? [])]
      .map(resolve)
      .filter((p) => p.in === "query");
    const names = new Set<string>();
    let inObject = false;
    for (const p of query) {
      const fields = Object.keys(props(p.schema));
      if (p.name === "page" && fields.length > 0) {
        for (const f of fields) names.add(`page[${f}]`);
        inObject = true;
      } else names.add(String(p.name));
    }
    const responses = resolve(get.responses);
    const answer = resolve(responses["200"] ?? responses[Object.keys(responses).find((c) => /^2/.test(c)) ?? ""]);
    const body = resolve((resolve((answer.content as Json | undefined)?.["application/json"]) as Json).schema);
    const fields = props(body);
    const meta = props(fields.meta);
    const arrays = Object.keys(fields).filter((name) => isArray(fields[name]));
    const named = arrays.includes("data")
      ? ["data"]
      : arrays.length === 1
        ? arrays
        : arrays.filter((name) => path.toLowerCase().includes(name));
    const lists: Path[] = isArray(body) ? [[]] : named.map((name) => [name]);

    const pageParam = names.has("page[number]")
      ? "page[number]"
      : names.has("page_number")
        ? "page_number"
        : names.has("page") && !inObject
          ? "page"
          : undefined;
    const cursorParam = ["page[after]", "page_cursor", "cursor"].find((name) => names.has(name));
    let verdict: (Extract<Verdict, { pages: true }> & { pattern?: TelnyxPattern }) | undefined;
    if (fields.next_page_uri !== undefined)
      verdict = {
        pages: true,
        style: "next-link",
        items: [],
        next: ["next_page_uri"],
        pattern: "next-link",
        ...(names.has("PageToken") && { param: "PageToken" }),
      };
    else if (pageParam && cursorParam) {
      const byCursor = meta.cursors !== undefined && meta.total_pages === undefined;
      verdict = byCursor
        ? {
            pages: true,
            style: "cursor",
            param: cursorParam,
            items: [],
            next: ["meta", "cursors", "after"],
            pattern: "mixed",
          }
        : { pages: true, style: "page-number", param: pageParam, items: [], pattern: "mixed" };
    } else if (pageParam)
      verdict = {
        pages: true,
        style: "page-number",
        param: pageParam,
        items: [],
        pattern: inObject && pageParam === "page[number]" ? "page-number deepObject" : "page-number flat",
      };
    else if (cursorParam) {
      const next =
        cursorParam === "page_cursor"
          ? ["meta", "page_cursor"]
          : cursorParam === "cursor"
            ? ["meta", "cursor"]
            : ["meta", "cursors", "after"];
      verdict = { pages: true, style: "cursor", param: cursorParam, items: [], next, pattern: "cursor" };
    }
    if (verdict === undefined) out.set(path, { pages: false, why: "no page number, cursor or next_page_uri" });
    else if (lists.length !== 1)
      out.set(
        path,
        lists.length === 0 ? { pages: false, why: "the answer is one resource" } : { ...verdict, items: "unclear" },
      );
    else out.set(path, { ...verdict, items: lists[0]! });
  }
  return out;
}

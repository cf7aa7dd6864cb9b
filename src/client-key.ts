/**
 * The API key a `createClient()` client sends, for the paginator, which
 * passes it as `secret` to every error it builds from what the server sent
 * (a cursor, a next link, a body that is not JSON), so the key is removed
 * wherever the server echoed it. It sits on the client as a non-enumerable
 * property whose value is a function: no JSON, `toString()` or
 * `util.inspect` of the client shows the key itself.
 */

const API_KEY = Symbol("telnyx-typed.apiKey");

/** `client`, holding `apiKey` for `apiKeyOf(client)`. */
export function withApiKey<Client extends object>(client: Client, apiKey: string): Client {
  return Object.defineProperty(client, API_KEY, { value: () => apiKey });
}

/** The key of a `createClient()` client; undefined for any other client (a plain openapi-fetch one). */
export function apiKeyOf(client: object): string | undefined {
  const key = (client as { [API_KEY]?: unknown })[API_KEY];
  return typeof key === "function" ? (key as () => string)() : undefined;
}

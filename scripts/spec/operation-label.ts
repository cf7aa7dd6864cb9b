/**
 * How messages, reports and docs name an operation: `GET /voice_clones`, and
 * `POST webhook /call.answered` for one under `webhooks`. Also the key that
 * pagination rules and api-diff's tables use for an operation.
 */
export function operationLabel(method: string, path: string, section: "paths" | "webhooks" = "paths"): string {
  return `${method.toUpperCase()} ${section === "webhooks" ? `webhook ${path}` : path}`;
}

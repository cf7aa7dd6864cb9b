/**
 * Stand-in for src/webhooks/ (verifyWebhook, issue 20 item 3), written on
 * another branch: snippets.test.ts checks the README's webhook snippet
 * against this signature while src/webhooks/ is missing, and against the
 * real module once it is there. Delete this file once src/webhooks/ is merged.
 * Copied into the test's copy of src/ as src/webhooks/index.ts.
 */
import type { webhooks } from "../../generated/schema.js";

export class WebhookVerificationError extends Error {
  readonly check: string = "";
}

/** The JSON body of one webhook entry; `data` and `data.event_type` readable on every member of the union. */
type Payload<Entry> = Entry extends { post: { requestBody?: { content: { "application/json": infer Body } } } } ? Body : never;
type WithData<Body> = Body extends object ? ("data" extends keyof Body ? { [K in keyof Body]: K extends "data" ? WithEventType<Body[K]> : Body[K] } : Body & { data?: undefined }) : Body;
type WithEventType<Data> = Data extends object ? ("event_type" extends keyof Data ? Data : Data & { event_type?: undefined }) : Data;
export type WebhookEvent = WithData<Payload<webhooks[keyof webhooks]>>;

export declare function verifyWebhook(
  rawBody: string | Uint8Array,
  headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>,
  options?: { publicKey?: string; toleranceSeconds?: number },
): WebhookEvent;

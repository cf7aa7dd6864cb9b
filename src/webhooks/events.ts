/**
 * The type of a verified webhook event, derived from the spec: the union of
 * the request bodies of its `webhooks` (openapi-typescript emits them as
 * `webhooks[name].post.requestBody.content["application/json"]`). Telnyx's
 * events carry their kind in `data.event_type`, a one-value enum per event,
 * so checking it narrows `event.data` to that event's fields. A spec with no
 * `webhooks` (openapi-typescript then emits `Record<string, never>`) gives
 * the generic `TelnyxWebhookEvent` instead.
 */
import type { webhooks } from "../../generated/schema.js";

/** What every Telnyx webhook delivers, whatever the spec says about it. */
export interface TelnyxWebhookEvent {
  data?: {
    event_type?: string;
    id?: string;
    occurred_at?: string;
    payload?: Record<string, unknown>;
    record_type?: string;
    [field: string]: unknown;
  };
  meta?: Record<string, unknown>;
  [field: string]: unknown;
}

/** The JSON body of one webhook entry (its POST's request body). */
export type WebhookPayload<Entry> = Entry extends {
  post: { requestBody?: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

/**
 * A body without `data`, or a `data` without `event_type` (a few of Telnyx's
 * webhooks have other shapes), gets that property as `?: undefined`, so
 * `event.data?.event_type` reads, and narrows, on the whole union.
 */
type WithData<Body> = Body extends object
  ? "data" extends keyof Body
    ? { [Key in keyof Body]: Key extends "data" ? WithEventType<Body[Key]> : Body[Key] }
    : Body & { data?: undefined }
  : Body;
type WithEventType<Data> = Data extends object
  ? "event_type" extends keyof Data
    ? Data
    : Data & { event_type?: undefined }
  : Data;

/** The union of the JSON bodies of every entry of a `webhooks` interface; `TelnyxWebhookEvent` when there are none. */
export type WebhookEventFrom<Webhooks> = [WebhookPayload<Webhooks[keyof Webhooks]>] extends [never]
  ? TelnyxWebhookEvent
  : WithData<WebhookPayload<Webhooks[keyof Webhooks]>>;

/** The events of this package's spec: what `verifyWebhook` returns. */
export type WebhookEvent = WebhookEventFrom<webhooks>;

/** The `data.event_type` of each event in a union of events. */
type EventTypeOf<Event> = Event extends { data?: infer Data }
  ? Data extends { event_type?: infer Type }
    ? Type
    : never
  : never;

/** The `data.event_type` values the events declare (`string` for the generic event). */
export type WebhookEventType = Exclude<EventTypeOf<WebhookEvent>, undefined>;

/** The event, or events, whose `data.event_type` is `Type` (the generic event when the spec has none). */
export type WebhookEventOf<Type extends WebhookEventType> = [
  Extract<WebhookEvent, { data?: { event_type?: Type } }>,
] extends [never]
  ? WebhookEvent
  : Extract<WebhookEvent, { data?: { event_type?: Type } }>;

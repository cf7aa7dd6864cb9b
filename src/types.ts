/**
 * The type-only entry: every type generated from the spec (`paths`,
 * `components`, `operations`, root aliases such as `VoiceCloneData`) and the
 * paginators' query/page/item types. Importing it pulls in no runtime code.
 */
export type * from "../generated/schema.js";
export type * from "../generated/paginators.js";
export type {
  TelnyxWebhookEvent,
  WebhookEvent,
  WebhookEventFrom,
  WebhookEventOf,
  WebhookEventType,
  WebhookPayload,
} from "./webhooks/events.js";

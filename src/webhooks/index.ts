/** Webhooks: `verifyWebhook` and the event types it returns. */
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookHeaders,
} from "./verify.js";
export type {
  TelnyxWebhookEvent,
  WebhookEvent,
  WebhookEventFrom,
  WebhookEventOf,
  WebhookEventType,
  WebhookPayload,
} from "./events.js";

/**
 * The event types, checked by `tsc` (`npm run typecheck` includes this file)
 * on a `webhooks` interface shaped as openapi-typescript emits it for
 * Telnyx's spec, and on the seed spec's schema, which has no webhooks.
 */
import { describe, expect, it } from "vitest";
import type { webhooks as seedWebhooks } from "../fixtures/seed/generated/schema.js";
import type { TelnyxWebhookEvent, WebhookEvent, WebhookEventFrom } from "../../src/index.js";

/** Two entries as openapi-typescript writes them (parameters and responses trimmed). */
interface TwoWebhooks {
  CallHangup: {
    parameters: { header: { "telnyx-timestamp": number; "telnyx-signature-ed25519": string } };
    get?: never;
    post: {
      requestBody: {
        content: { "application/json": { data?: { event_type?: "call.hangup"; payload?: { hangup_cause?: string } } } };
      };
      responses: { 200: { content?: never } };
    };
  };
  MessageReceived: {
    post: {
      requestBody?: {
        content: {
          "application/json": {
            data?: { event_type?: "message.received"; payload?: { text?: string } };
            meta?: { attempt?: number };
          };
        };
      };
      responses: { 200: { content?: never } };
    };
  };
}

type Event = WebhookEventFrom<TwoWebhooks>;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const holds = <T extends true>(value: T) => value;

describe("webhook event types", () => {
  it("the union of the webhooks' JSON bodies, narrowed by data.event_type", () => {
    holds<Equal<NonNullable<NonNullable<Event["data"]>["event_type"]>, "call.hangup" | "message.received">>(true);
    const describe = (event: Event): string => {
      const data = event.data;
      if (data?.event_type === "call.hangup") return data.payload?.hangup_cause ?? "";
      if (data?.event_type === "message.received") return data.payload?.text ?? "";
      return "";
    };
    // @ts-expect-error an event type the spec does not declare
    const unknown: NonNullable<Event["data"]>["event_type"] = "call.unknown";
    expect(describe({ data: { event_type: "call.hangup", payload: { hangup_cause: "normal_clearing" } } })).toBe(
      "normal_clearing",
    );
    expect(unknown).toBe("call.unknown");
  });

  it("a spec with no webhooks (the seed, Record<string, never>) gives the generic event", () => {
    holds<Equal<WebhookEventFrom<seedWebhooks>, TelnyxWebhookEvent>>(true);
    holds<Equal<WebhookEventFrom<Record<string, never>>, TelnyxWebhookEvent>>(true);
    const event: TelnyxWebhookEvent = { data: { event_type: "anything", payload: { a: 1 } } };
    expect(event.data?.event_type).toBe("anything");
  });

  it("WebhookEvent is this package's spec's union", () => {
    holds<Equal<WebhookEvent, WebhookEventFrom<import("../../generated/schema.js").webhooks>>>(true);
  });
});

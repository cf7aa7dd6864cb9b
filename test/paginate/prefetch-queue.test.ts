/**
 * `PrefetchQueue`, called directly with a `send` that records each request
 * and its signal: pages come out in order, wrong pages ahead are aborted and
 * dropped, and closing aborts what is in flight.
 */
import { describe, expect, it } from "vitest";
import { PrefetchQueue } from "../../src/paginate/prefetch-queue.js";
import type { FetchResult, PageAsk } from "../../src/paginate/types.js";

const page = (n: number): PageAsk => ({ page: n, key: `page ${n}` });

function recorder() {
  const sent: { key: string; signal: AbortSignal | undefined }[] = [];
  const send = (request: PageAsk, signal: AbortSignal | undefined): Promise<FetchResult> => {
    sent.push({ key: request.key, signal });
    return Promise.resolve({ data: request.key, response: new Response(null, { status: 204 }) });
  };
  return { sent, send };
}

describe("PrefetchQueue", () => {
  it("hands out a page sent ahead without sending it again", async () => {
    const { sent, send } = recorder();
    const queue = new PrefetchQueue(send, undefined, true);
    queue.push(page(2));
    queue.push(page(3));
    expect((await queue.take(page(2))).data).toBe("page 2");
    expect(queue.length).toBe(1);
    expect(sent.map((s) => s.key)).toEqual(["page 2", "page 3"]);
  });

  it("a page other than the one ahead: the pages ahead are aborted and dropped, the page is sent now", async () => {
    const { sent, send } = recorder();
    const queue = new PrefetchQueue(send, undefined, true);
    queue.push(page(2));
    expect((await queue.take(page(5))).data).toBe("page 5");
    expect(sent.map((s) => s.key)).toEqual(["page 2", "page 5"]);
    expect(sent[0]!.signal!.aborted).toBe(true);
    expect(sent[1]!.signal!.aborted).toBe(false);
    expect(queue.length).toBe(0);
  });

  it("follows the caller's signal, and close() aborts and stops following it", () => {
    const { sent, send } = recorder();
    const caller = new AbortController();
    const queue = new PrefetchQueue(send, caller.signal, false);
    queue.push(page(1));
    caller.abort("stop");
    expect(sent[0]!.signal!.reason).toBe("stop");
    const other = new PrefetchQueue(send, undefined, true);
    other.push(page(1));
    other.close();
    expect(sent[1]!.signal!.aborted).toBe(true);
  });

  it("with neither a caller's signal nor pages ahead, requests carry no signal", () => {
    const { sent, send } = recorder();
    new PrefetchQueue(send, undefined, false).push(page(1));
    expect(sent[0]!.signal).toBeUndefined();
  });
});

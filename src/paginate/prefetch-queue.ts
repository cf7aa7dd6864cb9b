/**
 * The requests of one walk that are sent and not yet read, in page order:
 * the page the loop waits for, and the pages fetched ahead of it
 * (`concurrency`). Every request goes out under the queue's own signal,
 * which follows the caller's `signal`, so dropping the pages ahead (`clear`)
 * or ending the walk (`close`) aborts what is still in flight; with neither a
 * caller's signal nor pages ahead, requests carry no signal at all.
 */
import type { FetchResult, PageAsk } from "./types.js";

/** Sends one request of the walk under `signal`. */
export type SendPage = (request: PageAsk, signal: AbortSignal | undefined) => Promise<FetchResult>;

interface InFlight {
  readonly request: PageAsk;
  readonly result: Promise<FetchResult>;
}

export class PrefetchQueue {
  readonly #send: SendPage;
  readonly #callSignal: AbortSignal | undefined;
  #controller: AbortController | undefined;
  readonly #inFlight: InFlight[] = [];
  readonly #followCall = () => this.#controller!.abort(this.#callSignal!.reason);

  /** `abortable`: requests may be dropped (pages ahead), so they need a signal even without the caller's. */
  constructor(send: SendPage, callSignal: AbortSignal | undefined, abortable: boolean) {
    this.#send = send;
    this.#callSignal = callSignal;
    if (callSignal !== undefined || abortable) {
      this.#controller = new AbortController();
      callSignal?.addEventListener("abort", this.#followCall);
    }
  }

  /** Requests in flight. */
  get length(): number {
    return this.#inFlight.length;
  }

  /** Sends `request` now, behind those in flight. */
  push(request: PageAsk): void {
    this.#inFlight.push({ request, result: this.send(request) });
  }

  /**
   * The result of `request`: the first in flight when it is that request;
   * otherwise the pages ahead were the wrong ones, so they are dropped and
   * `request` is sent now.
   */
  take(request: PageAsk): Promise<FetchResult> {
    if (this.#inFlight[0]?.request.key !== request.key) {
      this.clear();
      this.push(request);
    }
    return this.#inFlight.shift()!.result;
  }

  /** Sends a request outside the queue (a redirect's target), under the same signal. */
  send(request: PageAsk): Promise<FetchResult> {
    const result = this.#send(request, this.#controller?.signal);
    result.catch(() => {}); // a request aborted or no longer needed must not become an unhandled rejection
    return result;
  }

  /** Aborts and drops every request in flight; the queue stays usable. */
  clear(): void {
    if (this.#controller) {
      this.#controller.abort();
      this.#controller = new AbortController();
    }
    this.#inFlight.length = 0;
  }

  /** Aborts every request in flight and stops following the caller's signal: the walk is over. */
  close(): void {
    this.#callSignal?.removeEventListener("abort", this.#followCall);
    this.#controller?.abort();
  }
}

/**
 * The signal of one attempt: aborted when the attempt's time limit
 * (`timeoutMs`, reading the body included) runs out, or when the call's own
 * signal aborts. An `AbortController` and a timer, as openai-node's
 * `fetchWithTimeout` does it; `end()` clears both once the attempt is over.
 */

export interface AttemptLimit {
  readonly signal: AbortSignal;
  /** True once the time limit ran out (not when the call's signal aborted). */
  readonly timedOut: boolean;
  /** Clears the timer and stops following the call's signal. */
  end(): void;
}

export function startAttemptLimit(callSignal: AbortSignal, timeoutMs: number): AttemptLimit {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`The attempt took longer than ${timeoutMs} ms.`, "TimeoutError"));
  }, timeoutMs);
  const followCall = () => controller.abort(callSignal.reason);
  callSignal.addEventListener("abort", followCall);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    end() {
      clearTimeout(timer);
      callSignal.removeEventListener("abort", followCall);
    },
  };
}

/**
 * Reading a response's body into memory, at most `maxBytes` of it (what is
 * left is cancelled, so a huge body costs its first `maxBytes` and no more),
 * and handing it on as a stream over the very chunks read.
 */

export interface ReadBody {
  /** The bytes read, as a stream (all of them when `complete`, else the first `maxBytes`). */
  readonly stream: ReadableStream<Uint8Array>;
  /** False when the body was longer than `maxBytes`. */
  readonly complete: boolean;
}

export async function readBody(response: Response, maxBytes: number): Promise<ReadBody> {
  const chunks: Uint8Array[] = [];
  let complete = true;
  if (response.body !== null) {
    const reader = response.body.getReader();
    for (let size = 0; ; ) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > maxBytes) {
        chunks.push(value.subarray(0, maxBytes - size));
        complete = false;
        await reader.cancel();
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return { stream, complete };
}

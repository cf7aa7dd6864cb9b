/**
 * Reading an answer's body into memory, at most `maxBytes` of it: what is
 * left is cancelled, so a huge body costs its first `maxBytes` and no more.
 */

export interface BodyBytes {
  /** The bytes read (all of them when `complete`, else the first `maxBytes`). */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** False when the body was longer than `maxBytes`. */
  readonly complete: boolean;
}

const EMPTY = new Uint8Array(0);

/** What a body stream gives: bytes over a plain ArrayBuffer. */
type Chunk = Uint8Array<ArrayBuffer>;

export async function readBody(response: Response, maxBytes: number): Promise<BodyBytes> {
  if (response.body === null) return { bytes: EMPTY, complete: true };
  const reader = (response.body as ReadableStream<Chunk>).getReader();
  const chunks: Chunk[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: concat(chunks, size), complete: true };
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      await reader.cancel();
      return { bytes: concat(chunks, maxBytes), complete: false };
    }
    chunks.push(value);
    size += value.byteLength;
  }
}

function concat(chunks: readonly Chunk[], size: number): Chunk {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

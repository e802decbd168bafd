import type { IncomingMessage } from 'node:http';

/** Largest body a simulator reads; a larger one is answered 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this many bytes a too-large upload is not even drained: the connection is dropped. */
const DRAIN_FACTOR = 16;

export interface ReadBody {
  /** At most `limit` bytes of the body. */
  readonly body: Buffer;
  readonly tooLarge: boolean;
}

/**
 * Reads a request body, keeping at most `limit` bytes. A larger body is drained without being
 * kept, so the client can still read the 413 answer instead of seeing its upload cut off;
 * an endless one is cut off at `DRAIN_FACTOR` times the limit.
 */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<ReadBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const finish = (): void => resolve({ body: Buffer.concat(chunks), tooLarge });
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > limit * DRAIN_FACTOR) request.destroy();
        return;
      }
      if (size > limit) {
        tooLarge = true;
        chunks.push(chunk.subarray(0, chunk.length - (size - limit)));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', finish);
    request.on('error', finish);
    request.on('close', finish);
  });
}

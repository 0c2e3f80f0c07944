// Re-cuts a stream of byte buffers into chunks that hold whole lines only, so the VCF layer can
// scan each chunk without carrying partial lines itself.

const NL = 0x0a;

/** Pieces smaller than this are gathered before a chunk is emitted (keeps chunks large). */
const MIN_CHUNK = 1 << 20;

/**
 * Each input buffer yields at most two chunks: the carried tail joined with the buffer's first
 * line (a small copy), then the rest up to the last newline as a view, not a copy. Large inputs
 * therefore pass through without being copied.
 */
export async function* wholeLines(pieces: AsyncIterable<Buffer>, minChunk = MIN_CHUNK): AsyncGenerator<Buffer> {
  let carry: Buffer[] = [];
  let carryLen = 0;
  for await (const buf of pieces) {
    if (buf.length === 0) continue;
    const last = buf.lastIndexOf(NL);
    if (last < 0 || carryLen + buf.length < minChunk) {
      carry.push(buf);
      carryLen += buf.length;
      continue;
    }
    if (carryLen === 0) {
      yield buf.subarray(0, last + 1);
    } else {
      const first = buf.indexOf(NL);
      carry.push(buf.subarray(0, first + 1));
      yield Buffer.concat(carry);
      if (first < last) yield buf.subarray(first + 1, last + 1);
    }
    carry = last + 1 < buf.length ? [buf.subarray(last + 1)] : [];
    carryLen = buf.length - last - 1;
  }
  if (carryLen > 0) yield carry.length === 1 ? (carry[0] as Buffer) : Buffer.concat(carry);
}

/**
 * Text cut anywhere (BGZF batches, beside a worker's scan results), with each text piece that holds
 * no newline held back and joined with the piece after it: a line spread over many batches reaches
 * the reader in one or two pieces, not one append per batch (appending batch by batch copies the
 * line once per batch: time and memory grow with the square of its length). Other pieces pass as
 * they are, in order.
 */
export async function* joinedPieces<T>(pieces: AsyncIterable<Buffer | T>): AsyncGenerator<Buffer | T> {
  let held: Buffer[] = [];
  const flush = (last?: Buffer): Buffer => {
    if (last !== undefined) held.push(last);
    const joined = held.length === 1 ? (held[0] as Buffer) : Buffer.concat(held);
    held = [];
    return joined;
  };
  for await (const p of pieces) {
    if (!Buffer.isBuffer(p)) {
      if (held.length > 0) yield flush();
      yield p;
    } else if (p.indexOf(NL) < 0) held.push(p);
    else yield held.length > 0 ? flush(p) : p;
  }
  if (held.length > 0) yield flush();
}

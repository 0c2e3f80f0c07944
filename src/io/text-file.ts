// Small text files given on the command line (-R regions, -s sample names, --outside-calls): read
// in bounded pieces, so /dev/zero, a FIFO that never ends or a binary file given by mistake is a
// clear error naming the file instead of a process that grows until it dies.
import { closeSync, openSync, readSync } from 'node:fs';
import type { VcfactError, Where } from '../errors.js';

/** The most a text file given on the command line may hold: 64 MiB. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

const READ_SIZE = 1 << 20;

/** UsageError (exit 2: options and their files) or InputError (exit 3), as the caller decides. */
export type ErrorClass = new (message: string, where?: Where, cause?: unknown) => VcfactError;

/**
 * The file's bytes, for the caller to decode. `what` names the file in messages ('-R/--regions-file');
 * errors are `Err`: cannot open or read, larger than `maxBytes`, or a NUL byte (binary data, named by line).
 */
export function readTextFile(path: string, what: string, Err: ErrorClass, maxBytes = MAX_TEXT_FILE_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new Err(`cannot read the ${what} (${reason(e)})`, { file: path }, e);
  }
  try {
    const parts: Buffer[] = [];
    let size = 0;
    for (;;) {
      // One byte more than allowed tells a file of exactly maxBytes from a longer one.
      const buf = Buffer.allocUnsafe(Math.min(READ_SIZE, maxBytes + 1 - size));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw new Err(`cannot read the ${what} (${reason(e)})`, { file: path }, e);
      }
      if (n === 0) break;
      const piece = buf.subarray(0, n);
      const nul = piece.indexOf(0);
      if (nul >= 0) {
        throw new Err(`the ${what} holds binary data (a NUL byte), not text`, { file: path, line: lineOf(parts, piece, nul) });
      }
      parts.push(piece);
      size += n;
      if (size > maxBytes) throw new Err(`the ${what} is larger than ${maxBytes} bytes`, { file: path });
    }
    return Buffer.concat(parts);
  } finally {
    closeSync(fd);
  }
}

/** 1-based line of byte `at` of `piece`, which follows `before`. */
function lineOf(before: Buffer[], piece: Buffer, at: number): number {
  let line = 1;
  const count = (b: Buffer, end: number): void => {
    for (let i = b.indexOf(10); i >= 0 && i < end; i = b.indexOf(10, i + 1)) line++;
  };
  for (const b of before) count(b, b.length);
  count(piece, at);
  return line;
}

function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

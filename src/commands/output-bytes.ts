// A window of bytes over a vcfact output, read in large chunks: lines for the output readers (merge,
// summary) and whole result blocks for summary's projection (output-project.ts). Lines are cut from the
// bytes with Buffer.indexOf and only they are decoded: a string splitter re-joining 64 KiB chunks spent
// most of summary's time on the long lines of a cohort's NDJSON (3.5 of 8.7 s on 2,500 samples).
import { type FileHandle, open } from 'node:fs/promises';

const CHUNK = 1 << 22;

export class ByteWindow {
  /** The bytes read and not yet consumed are buf[pos, end). */
  buf: Buffer = Buffer.allocUnsafe(CHUNK);
  pos = 0;
  end = 0;
  private eof = false;

  private constructor(private readonly fh: FileHandle) {}

  static async open(file: string): Promise<ByteWindow> {
    return new ByteWindow(await open(file, 'r'));
  }

  /**
   * Reads another chunk after end, first moving the unconsumed bytes to the front (offsets into buf
   * taken before the call shift down by the old pos); false at the end of the file.
   */
  async more(): Promise<boolean> {
    if (this.eof) return false;
    if (this.pos > 0) {
      this.buf.copy(this.buf, 0, this.pos, this.end);
      this.end -= this.pos;
      this.pos = 0;
    }
    if (this.buf.length - this.end < CHUNK) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.end + CHUNK));
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    const { bytesRead } = await this.fh.read(this.buf, this.end, this.buf.length - this.end, null);
    if (bytesRead === 0) {
      this.eof = true;
      await this.fh.close();
      return false;
    }
    this.end += bytesRead;
    return true;
  }

  /** The next line without its line break, or undefined at the end of the file. */
  async line(): Promise<string | undefined> {
    for (;;) {
      const nl = this.buf.indexOf(10, this.pos);
      if (nl !== -1 && nl < this.end) {
        const stop = nl > this.pos && this.buf[nl - 1] === 13 ? nl - 1 : nl;
        const text = this.buf.toString('utf8', this.pos, stop);
        this.pos = nl + 1;
        return text;
      }
      if (!(await this.more())) {
        if (this.pos === this.end) return undefined;
        const text = this.buf.toString('utf8', this.pos, this.end);
        this.pos = this.end;
        return text;
      }
    }
  }

  /** Closes the file before its end (a layout read again from the start). */
  async close(): Promise<void> {
    if (this.eof) return;
    this.eof = true;
    await this.fh.close();
  }
}

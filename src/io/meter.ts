// How far the reading of an input has got, for the progress line on a terminal (src/cli/progress.ts):
// the reader only counts; the CLI polls the numbers once a second.

export interface InputMeter {
  /** Units read so far. */
  done: number;
  /** Units in all; undefined when unknown (stdin, a pipe or FIFO given as a path). */
  total: number | undefined;
  /** Compressed bytes of a file read from its path, or regions of an index query. */
  unit: 'bytes' | 'regions';
}

/** A meter that knows nothing yet (total unknown). */
export function newMeter(): InputMeter {
  return { done: 0, total: undefined, unit: 'bytes' };
}

/** Starts counting again from 0 (the reader switched to another way of reading: an index that does not fit). */
export function restartMeter(m: InputMeter | undefined, total: number | undefined, unit: InputMeter['unit']): void {
  if (!m) return;
  m.done = 0;
  m.total = total;
  m.unit = unit;
}

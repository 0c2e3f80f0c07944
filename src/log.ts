// Per-record problems: de-duplicated by kind, counted, the first few examples kept; fatal under
// --strict. The warnings object travels with the run; the CLI prints it and the sinks embed it.
import { InputError, type Where } from './errors.js';

export interface WarningEntry {
  /** Stable key, e.g. 'unknown-contig', 'bad-gt'. */
  kind: string;
  message: string;
  count: number;
  /** First occurrences (file:line), at most EXAMPLES. */
  examples: string[];
}

export const EXAMPLES = 3;

export class Warnings {
  private readonly byKind = new Map<string, WarningEntry>();

  constructor(
    private readonly strict = false,
    /** Called on the first occurrence of each kind (the CLI prints it to stderr). */
    private readonly onFirst?: (w: WarningEntry, where: Where) => void,
  ) {}

  /** Record a problem; under --strict it is thrown as an input error instead. */
  add(kind: string, message: string, where: Where = {}): void {
    if (this.strict) throw new InputError(`${message} (fatal under --strict)`, where);
    const place = where.file !== undefined ? `${where.file}${where.line !== undefined ? `:${where.line}` : ''}` : where.line !== undefined ? `line ${where.line}` : '';
    let w = this.byKind.get(kind);
    if (!w) {
      w = { kind, message, count: 0, examples: [] };
      this.byKind.set(kind, w);
      this.onFirst?.(w, where);
    }
    w.count++;
    if (place && w.examples.length < EXAMPLES) w.examples.push(place);
  }

  list(): WarningEntry[] {
    return [...this.byKind.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  }

  get size(): number {
    return this.byKind.size;
  }
}

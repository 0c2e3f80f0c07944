// A VCF of variant sites only leaves most definition positions absent: the calls then rest on a
// fraction of the positions (or none). Said once per run, with the figures per gene and what
// --missing-as-ref would do, instead of leaving the user to read hundreds of missing_sites.
import type { PgxKb } from './kb.js';
import type { PgxResult } from './result.js';

export class AbsentTally {
  /** gene → [most positions absent in one sample, definition positions]. */
  private readonly worst = new Map<string, [number, number]>();
  private absent = 0;
  private total = 0;

  constructor(private readonly kb: PgxKb) {}

  add(r: PgxResult): void {
    const def = this.kb.genes().get(r.gene);
    if (r.source !== 'vcf' || def === undefined) return;
    // Entries with a [reason] were in the input and removed by the quality policy: not absent.
    const n = r.missing_sites.filter((m) => !m.endsWith(']')).length;
    this.absent += n;
    this.total += def.positions.length;
    const w = this.worst.get(r.gene);
    if (w === undefined || n > w[0]) this.worst.set(r.gene, [n, def.positions.length]);
  }

  /** The notice, when most definition positions were absent. */
  notice(): string | undefined {
    if (this.total === 0 || this.absent * 2 <= this.total) return undefined;
    const genes = [...this.worst].filter(([, [n]]) => n > 0).map(([g, [n, of]]) => `${g} ${n}/${of}`);
    return (
      `${this.absent} of ${this.total} definition positions (samples × genes) are absent from the input — is it a VCF of variant sites only? ` +
      `Absent per gene (most in one sample): ${genes.join(', ')}. Calls rest on the positions present, and a gene with none is not called. ` +
      `--missing-as-ref takes absent positions as homozygous for the build's reference allele (every result it touches says so); use it only when absence means reference (a variant-only VCF of a full sequencing run)`
    );
  }
}

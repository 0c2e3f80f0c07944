// When the header cannot tell GRCh37 from GRCh38 (no ##contig lengths, no ##reference — common in
// somatic caller output), the data can: a record whose alleles equal a knowledge-base allele at
// that position in one build, and not in the other, is a vote. Records are held until the votes
// differ by MARGIN (or the input ends), so no row is ever matched under the wrong build.
import type { Matcher } from './types.js';
import { splitRecord } from './normalize/split.js';
import type { Build, VcfHeader, VcfRecord } from './types.js';

const MARGIN = 3;

export class BuildVote {
  readonly votes: Record<Build, number> = { GRCh37: 0, GRCh38: 0 };

  constructor(
    private readonly matchers: readonly Matcher[],
    private readonly header: VcfHeader,
  ) {}

  add(rec: VcfRecord): void {
    for (const build of ['GRCh37', 'GRCh38'] as const) {
      const hit = splitRecord(rec, this.header).some((v) => this.matchers.some((m) => m.match(v, build).some((x) => x.match === 'exact')));
      if (hit) this.votes[build]++;
    }
  }

  /** The build once the data is clear about it. */
  decided(): Build | undefined {
    const d = this.votes.GRCh38 - this.votes.GRCh37;
    return d >= MARGIN ? 'GRCh38' : d <= -MARGIN ? 'GRCh37' : undefined;
  }

  /** At the end of the input: the leader, or undefined on a tie. */
  leader(): Build | undefined {
    const d = this.votes.GRCh38 - this.votes.GRCh37;
    return d > 0 ? 'GRCh38' : d < 0 ? 'GRCh37' : undefined;
  }

  describe(build: Build): string {
    return `${this.votes[build]} record(s) carry ${build} knowledge-base alleles at their positions, ${this.votes[build === 'GRCh38' ? 'GRCh37' : 'GRCh38']} the other build's`;
  }
}

// vcfact against the GeT-RM consensus on real 1000 Genomes genotypes, both builds: every
// disagreement must be one README explains (fixtures/pgx/getrm/explained.tsv), and each explained
// one must still happen (an explanation nobody needs is removed, not kept).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concordance, explainedRows, GETRM, truthRows } from './getrm.js';

const GENES = ['CYP2C19', 'CYP2C9', 'CYP3A5', 'TPMT'] as const;
const truth = truthRows(join(GETRM, 'truth.tsv'), GENES);

describe.each(['GRCh37', 'GRCh38'])('GeT-RM samples, %s', (build) => {
  const result = concordance(join(GETRM, `getrm.${build}.vcf.gz`), truth);
  const explained = explainedRows(join(GETRM, 'explained.tsv'), build);

  it.each(GENES)('%s: every sample is scored, and agrees or is explained', (gene) => {
    const [agree, scored] = result.perGene.get(gene) ?? [0, 0];
    const open = result.disagreements.filter((d) => d.gene === gene);
    expect(scored).toBeGreaterThanOrEqual(30);
    expect(agree + open.length).toBe(scored);
    for (const d of open) expect(explained).toContainEqual(d);
  });

  it('every explained disagreement still happens', () => {
    for (const e of explained) expect(result.disagreements).toContainEqual(e);
  });
});

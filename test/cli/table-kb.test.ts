// `vcfact kb` with user tables: validate --table (the run's checks, a summary per table, every bad
// table named, exit 4), show NAME|GENE|LABEL (rows in full), list and regions including the tables.
import { describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

const table = (name: string) => fixture('tables', name);
const HEAD = 'table\tfile\tbuild\tversion\tlicence\trows\texact\trange\tprotein\tgenes\tgene_names';

describe('kb validate --table', () => {
  it('prints a summary per table: rows by kind and genes', () => {
    const r = vcfact(['kb', 'validate', '--table', table('clinic.grch37.tsv'), '--table', table('example.grch38.tsv'), '--table', table('protein-only.grch38.tsv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      HEAD,
      `clinic\t${table('clinic.grch37.tsv')}\tGRCh37\t2026-11-30\tinternal use\t6\t2\t1\t3\t2\tKRAS;TP53`,
      `clinic_actionable\t${table('example.grch38.tsv')}\tGRCh38\t2026-11-30\tinternal use\t3\t1\t1\t1\t3\tBRAF;EGFR;KRAS`,
      `lab_panel\t${table('protein-only.grch38.tsv')}\tGRCh38\t3\t\t2\t0\t0\t2\t2\tKRAS;TP53`,
      '',
    ]);
    expect(r.stderr).toBe('vcfact: 3 table(s) valid\n');
    const gz = vcfact(['kb', 'validate', '--table', table('clinic.grch38.tsv.gz')]);
    expect(gz.status, gz.stderr).toBe(0);
    expect(gz.stdout).toContain(`clinic\t${table('clinic.grch38.tsv.gz')}\tGRCh38\t2026-11-30\tinternal use\t6\t2\t1\t3\t2\tKRAS;TP53\n`);
  });

  it('names every bad table (not only the first) and exits 4; the good ones still get their summary', () => {
    const r = vcfact(['kb', 'validate', '--table', table('bad/cells.tsv'), '--table', table('example.grch38.tsv'), '--table', table('bad/unknown-build.tsv')]);
    expect(r.status).toBe(4);
    expect(r.stdout.split('\n').slice(1, -1).map((l) => l.split('\t')[0])).toEqual(['clinic_actionable']);
    expect(r.stderr.split('\n')).toEqual([
      `vcfact: ${table('bad/cells.tsv')}:7: column 9: 8 cells where the column line has 9: 'chr12\\t25245352\\t\\tC\\tA\\tKRAS\\t\\tKRAS G12x'`,
      `vcfact: ${table('bad/unknown-build.tsv')}:4: unknown build: ##build= must be GRCh37 or GRCh38: 'hg19'`,
      'vcfact: error: 2 of 3 table(s) have problems',
      '',
    ]);
  });

  it('refuses two tables with one name, as a run would', () => {
    const r = vcfact(['kb', 'validate', '--table', table('clinic.grch38.tsv'), '--table', table('same-name.grch38.tsv')]);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain("two tables are named 'clinic'");
  });
});

describe('kb show with --table', () => {
  it('shows every row of a table named, in full', () => {
    const r = vcfact(['kb', 'show', 'clinic_actionable', '--table', table('example.grch38.tsv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `# clinic_actionable (${table('example.grch38.tsv')}; GRCh38; version 2026-11-30; licence internal use): 3 of 3 rows`,
      'table\tline\tkind\tchrom\tpos\tend\tref\talt\tgene\tprotein\tlabel\tfields',
      'clinic_actionable\t7\texact\tchr12\t25245351\t25245351\tC\tA\tKRAS\t\tKRAS G12C (clinic)\tlevel=A;drug=sotorasib;note=',
      'clinic_actionable\t8\trange\tchr7\t55174772\t55174830\t\t\tEGFR\t\tEGFR exon 19 window\tlevel=B;drug=;note=',
      'clinic_actionable\t9\tprotein\t\t\t\t\t\tBRAF\tV600E\tBRAF V600E (protein)\tlevel=A;drug=dabrafenib;note=needs CSQ/ANN',
      '',
    ]);
  });

  it('shows a gene from the bundled KB and from the tables; a label alone; an unknown name is exit 2', () => {
    const gene = vcfact(['kb', 'show', 'braf', '--table', table('example.grch38.tsv')]);
    expect(gene.status, gene.stderr).toBe(0);
    expect(gene.stdout).toMatch(/^# BRAF: \d+ CIViC variants/m);
    expect(gene.stdout).toContain('clinic_actionable\t9\tprotein\t\t\t\t\t\tBRAF\tV600E\tBRAF V600E (protein)\t');
    const label = vcfact(['kb', 'show', 'egfr exon 19 window', '--table', table('example.grch38.tsv')]);
    expect(label.stdout.split('\n').filter((l) => l.startsWith('clinic_actionable\t'))).toHaveLength(1);
    const none = vcfact(['kb', 'show', 'NOSUCH', '--table', table('example.grch38.tsv')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`nor a table, gene or label of ${table('example.grch38.tsv')}`);
  });
});

describe('kb list and kb regions with --table', () => {
  it('list adds a line per table', () => {
    const r = vcfact(['kb', 'list', '--table', table('example.grch38.tsv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^clinic_actionable\\ttable\\t3\\tGRCh38\\t${table('example.grch38.tsv')}\\t2026-11-30\\tinternal use\\t[0-9a-f]{12}$`));
  });

  it("regions adds the table's sites in its build and refuses the other build", () => {
    // Two range rows on chr21 at 10,000,001-10,000,100 and 10,000,050-10,000,200, far from any KB site.
    const file = fixture('tables', 'regions.grch38.tsv');
    const without = vcfact(['kb', 'regions', '-g', 'GRCh38']);
    const withT = vcfact(['kb', 'regions', '-g', 'GRCh38', '--table', file, '--chr']);
    expect(withT.status, withT.stderr).toBe(0);
    // The two rows merge into one BED interval (0-based start).
    expect(withT.stdout).toContain('chr21\t10000000\t10000200\n');
    expect(withT.stdout.split('\n').length).toBe(without.stdout.split('\n').length + 1);
    const other = vcfact(['kb', 'regions', '-g', 'GRCh37', '--table', file]);
    expect(other.status).toBe(4);
    expect(other.stderr).toContain("the table 'far' is GRCh38 but -g asks for GRCh37; vcfact does not lift tables over: give a GRCh37 table");
  });
});

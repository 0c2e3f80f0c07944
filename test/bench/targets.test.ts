import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../bench/measure.js';
import { checkTargets, type InputKey, type Row, type ToolKey } from '../../bench/targets.js';

const ok = (median: number, rssMb = 100): Measurement => ({ ok: true, walls: [median], median, rssMb });
const row = (tool: ToolKey, input: InputKey, m: Measurement): Row => ({ tool, input, m });

describe('checkTargets', () => {
  it('passes targets that are met and reports the headroom', () => {
    const rows = [
      row('bgzip', 'wgs', ok(1)),
      row('annotate-stream', 'wgs', ok(1.2, 110)),
      row('bcftools', 'wgs', ok(17)),
      row('vcfanno', 'wgs', ok(26)),
      row('annotate-index', 'wgs', ok(0.2)),
      row('pgx-index', 'wgs', ok(0.4)),
      row('pgx-stream', 'wgs', ok(1.3, 120)),
      row('bgzip', 'cohort', ok(4)),
      row('pgx-stream', 'cohort', ok(5, 300)),
      row('annotate-stream', 'small', ok(0.2, 100)),
      row('pgx-stream', 'small', ok(0.2, 110)),
      row('report-stream', 'cohort', ok(6, 420)),
      row('annotate-vcf', 'wgs', ok(1.5)),
      row('annotate-vcfgz', 'wgs', ok(2.4)),
      row('table-load', 'wgs', ok(0.4)),
      row('annotate-table', 'wgs', ok(1.26)),
      row('annotate-stream', 'cohort', ok(10, 450)),
      row('annotate-ndjson', 'cohort', ok(9.5)),
      row('summary', 'cohort', ok(0.8)),
      row('read-shards', 'cohort', ok(2)),
      row('merge', 'cohort', ok(3)),
    ];
    const checks = checkTargets(rows);
    expect(checks.map((c) => c.status)).toEqual(Array(20).fill('PASS'));
    expect(checks.slice(14).map((c) => `${c.id} ${c.detail}`)).toEqual([
      'C1 2.50× vs ≤ 3.00×: 17% headroom',
      'C1 450 MB vs ≤ 500 MB: 10% headroom',
      'C2 0.95× vs ≤ 1.00×: 5% headroom',
      'C3 0.20 s vs ≤ 0.25 s: 20% headroom',
      'C4 0.80 s vs ≤ 1.00 s: 20% headroom',
      'C4 1.50× vs ≤ 2.00×: 25% headroom',
    ]);
    expect(checks[12]).toMatchObject({ id: 'T1', detail: '0.40 s vs ≤ 0.50 s: 20% headroom' });
    expect(checks[13]).toMatchObject({ id: 'T1', detail: '1.05× vs ≤ 1.10×: 5% headroom' });
    expect(checks[10]).toMatchObject({ id: 'V1', detail: '1.25× vs ≤ 1.50×: 17% headroom' });
    expect(checks[11]).toMatchObject({ id: 'V1', detail: '2.00× vs ≤ 2.50×: 20% headroom' });
    expect(checks[9]).toMatchObject({ id: 'M1', detail: '420 MB vs ≤ 500 MB: 16% headroom' });
    expect(checks[0]!.detail).toBe('1.20× vs ≤ 1.50×: 20% headroom');
    expect(checks[1]!.detail).toBe('14.2× vs ≥ 10.0×: 42% to spare');
  });

  it('reports misses with the margin and n/a where a command failed', () => {
    const failed: Measurement = { ok: false, walls: [], median: NaN, rssMb: NaN, error: 'exit 1: boom' };
    const rows = [
      row('bgzip', 'wgs', ok(1)),
      row('annotate-stream', 'wgs', ok(3)),
      row('bcftools', 'wgs', ok(6)),
      row('annotate-index', 'wgs', failed),
      row('annotate-vcf', 'wgs', ok(6)),
    ];
    const checks = checkTargets(rows);
    const [ratio, bcftools, vcfanno, annIndex] = checks;
    expect(checks[10]).toMatchObject({ id: 'V1', status: 'MISS', detail: '2.00× vs ≤ 1.50×: over by 33%' });
    expect(checks[11]!.status).toBe('n/a');
    expect(checks.slice(12).map((c) => c.status)).toEqual(Array(8).fill('n/a'));
    expect(ratio).toMatchObject({ status: 'MISS', detail: '3.00× vs ≤ 1.50×: over by 100%' });
    expect(bcftools).toMatchObject({ status: 'MISS', detail: '2.00× vs ≥ 10.0×: short by 80%' });
    expect(vcfanno!.status).toBe('n/a');
    expect(annIndex!.status).toBe('n/a');
  });
});

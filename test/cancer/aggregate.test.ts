import { describe, expect, it } from 'vitest';
import { cancerFindings, compareFindings, type Finding, normalCarries, sampleCarries, type CancerHit } from '../../src/cancer/aggregate.js';
import { headline } from '../../src/cancer/evidence-rank.js';
import { loadCancerKb } from '../../src/cancer/kb.js';
import { cancerMatcher } from '../../src/cancer/matcher.js';
import { onLabel, parseTumorType, withDiseaseNames } from '../../src/cancer/tumor-type.js';
import type { Biomarker } from '../../src/cancer/types.js';
import type { Call, Match } from '../../src/types.js';
import { call, item, kbDir, sv } from './helpers.js';

const one = (contig: string, pos: number, ref: string, alt: string) => ({ GRCh37: [{ contig, start: pos, end: pos, tref: ref, talt: alt }], GRCh38: [] });
const B: Biomarker[] = [
  { id: 12, gene: 'BRAF', name: 'V600E', kind: 'exact', why: '', loci: one('7', 140453136, 'A', 'T') },
  { id: 2989, gene: 'EZH2', name: 'Y646F', kind: 'exact', why: '', loci: one('7', 148508727, 'T', 'A') },
  { id: 531, gene: 'TP53', name: 'P72R', kind: 'exact', why: '', loci: one('17', 7579472, 'G', 'C') },
];
const items = [
  item('EID1', 12, { level: 'C', disease: 'Melanoma', doid: '1909', therapies: ['Vemurafenib'] }),
  item('EID2', 12, { level: 'A', disease: 'Colorectal Cancer', doid: '9256', therapies: ['Dabrafenib', 'Trametinib'], interaction: 'Combination' }),
  item('EID3', 12, { level: 'B', type: 'Prognostic', significance: 'Poor Outcome', therapies: [], disease: 'Colon Adenocarcinoma', doid: '234' }),
  item('EID4', 4241, { level: 'D', disease: 'Melanoma', doid: '1909' }),
  item('EID5', 531, { level: 'B', type: 'Predisposing', significance: 'Predisposition', therapies: [], origin: 'Rare Germline', disease: 'Breast Cancer', doid: '1612' }),
  item('AID9', 12, { level: '', tier: 'Tier I - Level A', disease: 'Melanoma', doid: '1909', evidence: ['EID1'] }),
];
const kb = loadCancerKb(kbDir(B, items, [{ id: 4241, name: 'BRAF V600E AND EZH2 Y646F', expr: { and: [12, 2989] }, parts: [12, 2989] }]));
const matcher = cancerMatcher(kb);

function hits(calls: Record<string, Call[]>): CancerHit[] {
  const vs = [sv('7', 140453136, 'A', 'T', { calls: calls.braf ?? [] }), sv('7', 148508727, 'T', 'A', { calls: calls.ezh2 ?? [] }), sv('17', 7579472, 'G', 'C', { calls: calls.tp53 ?? [] })];
  return vs.map((variant) => ({ variant, matches: matcher.match(variant, 'GRCh37') }));
}

describe('cancer aggregation', () => {
  it('a two-variant profile only when both parts are in the same sample', () => {
    const h = hits({ braf: [call([0, 1]), call([0, 1])], ezh2: [call([0, 1]), call([0, 0])] });
    const both = cancerFindings(kb, h, { tumor: 0 });
    const only = cancerFindings(kb, h, { tumor: 1 });
    const inProfile = (fs: Finding[]) => fs.flatMap((f) => f.group.items).filter((m) => m.extra.molecular_profile_id === '4241');
    expect(inProfile(both)).toHaveLength(2);
    expect(inProfile(only)).toHaveLength(0);
    expect(only.map((f) => f.group.feature)).toEqual(['BRAF V600E']);
  });

  it('one finding per biomarker; items ranked tier, then level A>B>…, then type; headline from the best item', () => {
    const got = cancerFindings(kb, hits({ braf: [call([0, 1])] }), { tumor: 0 });
    expect(got).toHaveLength(1);
    const items = got[0]?.group.items ?? [];
    expect(items.map((m) => (m.extra.civic_ids as string[]).join(';'))).toEqual(['AID9', 'EID2', 'EID3', 'EID1;AID9']);
    // Without --tumor-type the disease is the evidence's, not named as the patient's.
    expect(got[0]?.headline).toBe('BRAF V600E — tier I, level A — sensitivity to drug (evidence in melanoma)');
    expect(headline(items[1] as Match)).toBe('BRAF V600E — level A — sensitivity to dabrafenib + trametinib (evidence in colorectal cancer)');
    expect(headline(items[2] as Match, 'on-label')).toBe('BRAF V600E — level B — poor outcome in colon adenocarcinoma');
    expect(headline(items[2] as Match, 'off-label')).toBe('BRAF V600E — level B — poor outcome (off-label: evidence in colon adenocarcinoma)');
  });

  it('--tumor-type marks on-label (by name, family or DOID) and ranks it first', () => {
    const got = cancerFindings(kb, hits({ braf: [call([0, 1])] }), { tumor: 0 }, { tumorType: 'colorectal cancer' });
    const f = got[0] as Finding;
    expect(f.group.items.map((m, i) => [(m.extra.civic_ids as string[]).join(';'), f.itemRelevance?.[i]])).toEqual([
      ['EID2', 'on-label'], ['EID3', 'on-label'], ['AID9', 'off-label'], ['EID1;AID9', 'off-label'],
    ]);
    expect(f.relevance).toBe('on-label');
    expect(f.headline).toBe('BRAF V600E — level A — sensitivity to dabrafenib + trametinib in colorectal cancer');
    const byDoid = cancerFindings(kb, hits({ braf: [call([0, 1])] }), { tumor: 0 }, { tumorType: 'DOID:1909' })[0] as Finding;
    expect(byDoid.relevance).toBe('on-label');
    expect(byDoid.group.items.filter((_, i) => byDoid.itemRelevance?.[i] === 'on-label').map((m) => m.extra.disease)).toEqual(['Melanoma', 'Melanoma']);
    const elsewhere = cancerFindings(kb, hits({ braf: [call([0, 1])] }), { tumor: 0 }, { tumorType: 'breast cancer' })[0] as Finding;
    expect(elsewhere.relevance).toBe('off-label');
    expect(elsewhere.headline).toBe('BRAF V600E — tier I, level A — sensitivity to drug (off-label: evidence in melanoma)');
  });

  it('tumour/normal: the normal gets no rows; a variant in the normal is likely germline', () => {
    const h = hits({ braf: [call([0, 0], { vaf: [0.01] }), call([0, 1])], tp53: [call([0, 1], { vaf: [0.48] }), call([0, 1])] });
    const got = cancerFindings(kb, h, { tumor: 1, normal: 0 });
    expect(got.find((f) => f.group.feature === 'TP53 P72R')?.likelyGermline).toBe(true);
    expect(got.find((f) => f.group.feature === 'BRAF V600E')?.likelyGermline).toBe(false);
    // Without a normal there is nothing to compare with: no flag at all.
    expect(cancerFindings(kb, h, { tumor: 1 }).every((f) => f.likelyGermline === undefined)).toBe(true);
    // Only the tumour's calls count: a variant carried by the normal alone gives nothing.
    const normalOnly = hits({ tp53: [call([0, 1]), call([0, 0])] });
    expect(cancerFindings(kb, normalOnly, { tumor: 1, normal: 0 })).toEqual([]);
  });

  it('carrying: GT first; no GT (Strelka2) by VAF; policy no-calls never carry', () => {
    const v = (c: Call) => sv('7', 140453136, 'A', 'T', { calls: [c] });
    expect(sampleCarries(v(call([0, 1])), 0)).toBe(true);
    expect(sampleCarries(v(call([0, 0])), 0)).toBe(false);
    expect(sampleCarries(v(call([null], { noCall: 'missing', noGt: true, vaf: [0.38] })), 0)).toBe(true);
    expect(sampleCarries(v(call([null], { noCall: 'missing', noGt: true, vaf: [0] })), 0)).toBe(false);
    // './.' written in a GT field is a no-call even with reads for the ALT: only a missing GT field goes by VAF.
    expect(sampleCarries(v(call([null], { noCall: 'missing', vaf: [0.38] })), 0)).toBe(false);
    expect(sampleCarries(v(call([null], { noCall: 'min-dp', noGt: true, vaf: [0.38] })), 0)).toBe(false);
    expect(sampleCarries(v(call([null, null], { noCall: 'filter', rawAlleles: [0, 1], vaf: [0.4] })), 0)).toBe(false);
    expect(sampleCarries(v(call([0, 1])), 3)).toBe(false);
    expect(normalCarries(v(call([0, 0], { vaf: [0.06] })), 0)).toBe(true);
    expect(normalCarries(v(call([0, 0], { vaf: [0.01] })), 0)).toBe(false);
  });

  it('headline wording for resistance, negative direction and no therapy', () => {
    const m = (extra: Record<string, string | string[]>): Match => ({ kb: 'cancer', gene: 'EGFR', feature: 'EGFR T790M', match: 'exact', extra: { tier: '', ...extra } });
    expect(headline(m({ evidence_level: 'B', significance: 'Resistance', therapies: ['Erlotinib', 'Gefitinib'], therapy_interaction: 'Substitutes', disease: 'Lung Non-small Cell Carcinoma' }), 'on-label'))
      .toBe('EGFR T790M — level B — resistance to erlotinib or gefitinib in lung non-small cell carcinoma');
    expect(headline(m({ evidence_level: 'C', significance: 'Sensitivity/Response', evidence_direction: 'Does Not Support', therapies: [], disease: 'X' }), 'on-label')).toBe('EGFR T790M — level C — does not support sensitivity in x');
  });

  it('compareFindings is a total order on ties (feature, ids)', () => {
    const f = (feature: string, ids: string): Finding => {
      const best: Match = { kb: 'cancer', gene: 'G', feature, match: 'exact', extra: { tier: '', evidence_level: 'B', evidence_type: '', significance: '', evidence_direction: '', civic_ids: [ids] } };
      return { variant: sv('1', 1, 'A', 'T'), group: { kb: 'cancer', gene: 'G', feature, match: 'exact', items: [best] }, best, relevance: '', headline: '' };
    };
    expect(compareFindings(f('A', 'EID1'), f('B', 'EID1'))).toBeLessThan(0);
    expect(compareFindings(f('A', 'EID2'), f('A', 'EID1'))).toBeGreaterThan(0);
  });
});

describe('tumour type terms', () => {
  it('DOIDs, names, TCGA codes, organ families, pan-cancer', () => {
    expect(parseTumorType('DOID:9256')).toMatchObject({ doid: '9256' });
    expect(onLabel(parseTumorType('COAD'), 'Colorectal Adenocarcinoma', '0050861')).toBe(true);
    expect(onLabel(parseTumorType('NSCLC'), 'Lung Adenocarcinoma', '3910')).toBe(true);
    expect(onLabel(parseTumorType('breast cancer'), 'Melanoma', '1909')).toBe(false);
    expect(onLabel(parseTumorType('breast cancer'), 'Cancer', '162')).toBe(true);
    expect(onLabel(parseTumorType('glioblastoma'), 'Glioblastoma', '3068')).toBe(true);
    const byDoid = withDiseaseNames(parseTumorType('9256'), [{ doid: '9256', disease: 'Colorectal Cancer' }]);
    expect(onLabel(byDoid, 'Colon Cancer', '219')).toBe(true);
    expect(onLabel(parseTumorType('unknownoma'), 'Melanoma', '1909')).toBe(false);
  });
});

describe('ProfileGate (streaming annotate rows)', () => {
  it('holds rows of a multi-part profile until every part is seen in that sample', async () => {
    const { ProfileGate } = await import('../../src/cancer/aggregate.js');
    const gate = new ProfileGate<string>(kb);
    const braf = matcher.match(sv('7', 140453136, 'A', 'T'), 'GRCh37');
    const ezh2 = matcher.match(sv('7', 148508727, 'T', 'A'), 'GRCh37');
    const row = (sample: string, items: Match[]) => `${sample} ${items[0]?.feature} ${items.map((m) => (m.extra.civic_ids as string[]).join(';')).join(',')}`;
    const out: string[] = [];
    for (const [sample, ms] of [['BOTH', braf], ['ONLY', braf], ['BOTH', ezh2]] as const) {
      gate.see(sample, ms);
      const make = (items: Match[]) => row(sample, items);
      if (gate.admit(sample, [...ms], make)) out.push(make([...ms]));
    }
    out.push(...gate.release());
    // A row with an item of the two-variant profile waits; released with the items complete in its sample.
    expect(out).toEqual(['BOTH EZH2 Y646F EID4', 'BOTH BRAF V600E EID4,EID1;AID9,EID2,EID3,AID9', 'ONLY BRAF V600E EID1;AID9,EID2,EID3,AID9']);
    expect(gate.release()).toEqual([]);
    expect(gate.admit('X', [{ kb: 'pgx', gene: 'G', feature: 'f', match: 'exact', extra: {} }], () => 'pgx row')).toBe(true);
  });

  it('says which items may be held: those of a profile that combines variants, never a PGx match', async () => {
    const { ProfileGate } = await import('../../src/cancer/aggregate.js');
    const gate = new ProfileGate<string>(kb);
    const ezh2 = matcher.match(sv('7', 148508727, 'T', 'A'), 'GRCh37');
    // EZH2 Y646F's only item (EID4) belongs to the two-variant profile; BRAF V600E has single-variant items too.
    expect(gate.holds(ezh2)).toBe(true);
    const single = matcher.match(sv('7', 140453136, 'A', 'T'), 'GRCh37').filter((m) => (m.extra.profile_parts as unknown[]).length === 0);
    expect(single.length).toBeGreaterThan(0);
    expect(gate.holds(single)).toBe(false);
    expect(gate.holds([{ kb: 'pgx', gene: 'G', feature: 'f', match: 'exact', extra: {} }])).toBe(false);
    // Items it says are never held are admitted at once, whatever the sample has seen.
    expect(gate.admit('NOBODY', single, () => 'row')).toBe(true);
  });
});

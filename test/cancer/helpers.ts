// Hand-built records and split variants for the cancer tests (types.ts shapes, no parsing).
import { trimAlleles } from '../../src/normalize/trim.js';
import type { Call, SplitVariant } from '../../src/types.js';
import { record } from '../helpers/records.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Biomarker, EvidenceItem, Profile, TranscriptRow } from '../../src/cancer/types.js';

export function call(alleles: (number | null)[], extra: Partial<Call> = {}): Call {
  return { alleles, phased: false, ...extra };
}

/** One split variant; `calls` default to a single 0/1 sample. */
export function sv(contig: string, pos: number, ref: string, alt: string, opts: { calls?: Call[]; info?: Record<string, unknown>; alts?: string[]; altIndex?: number } = {}): SplitVariant {
  const alts = opts.alts ?? [alt];
  const rec = record(contig, pos, ref, alts, { info: opts.info ?? {}, calls: opts.calls ?? [call([0, opts.altIndex ?? 1])] });
  const t = trimAlleles(pos, ref, alt);
  return { record: rec, altIndex: opts.altIndex ?? 1, pos, ref, alt, ...t, info: opts.info ?? {}, sampleFields: [] };
}


const made: string[] = [];
// Registered when a test file imports this module: its knowledge-base folders go when the file is done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data dir holding the given cancer tables (single-variant profiles are added for every biomarker without one). */
export function kbDir(biomarkers: Biomarker[], items: EvidenceItem[], profiles: Profile[] = [], transcripts: TranscriptRow[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'vcfact-cancer-'));
  made.push(dir);
  mkdirSync(join(dir, 'cancer'));
  const all = [...profiles];
  for (const b of biomarkers) if (!all.some((p) => p.id === b.id)) all.push({ id: b.id, name: `${b.gene} ${b.name}`, expr: b.id, parts: [b.id] });
  writeFileSync(join(dir, 'cancer', 'civic-biomarkers.json'), JSON.stringify(biomarkers));
  writeFileSync(join(dir, 'cancer', 'civic-profiles.json'), JSON.stringify(all));
  writeFileSync(join(dir, 'cancer', 'civic-evidence.json'), JSON.stringify(items));
  writeFileSync(join(dir, 'cancer', 'transcripts.json'), JSON.stringify(transcripts));
  return dir;
}

export function item(id: string, profile: number, over: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    id, profile, level: 'B', tier: '', type: 'Predictive', direction: 'Supports', significance: 'Sensitivity/Response',
    therapies: ['Drug'], interaction: '', disease: 'Melanoma', doid: '1909', citations: ['PMID:1'], origin: 'Somatic', ...over,
  };
}

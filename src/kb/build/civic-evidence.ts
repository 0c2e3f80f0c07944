// CIViC accepted evidence items and assertions of the profiles a VCF can show, as EvidenceItem rows
// (an assertion carries its AMP/ASCO/CAP tier and the citations of the evidence behind it).
import type { EvidenceItem } from '../../cancer/types.js';
import type { Row } from './civic-read.js';

/** A CIViC list cell ('a, b', 'N/A' or '' for none). */
export function split(list: string, sep = ','): string[] {
  return list.split(sep).map((s) => s.trim()).filter((s) => s !== '' && s !== 'N/A');
}

export function byId(a: { id: number }, b: { id: number }): number {
  return a.id - b.id;
}

function num(id: string): number {
  return Number(id.replace(/^\D+/, ''));
}

function citation(r: Row): string[] {
  const id = r.citation_id ?? '';
  if (id === '') return [];
  const src = r.source_type ?? '';
  return [src === 'PubMed' ? `PMID:${id}` : `${src || 'source'}:${id}`];
}

export function evidenceItems(rows: Row[], shown: ReadonlySet<number>): EvidenceItem[] {
  return rows
    .filter((r) => r.evidence_status === 'accepted' && shown.has(Number(r.molecular_profile_id)))
    .map((r) => ({
      id: `EID${r.evidence_id}`,
      profile: Number(r.molecular_profile_id),
      level: r.evidence_level ?? '',
      tier: '',
      type: r.evidence_type ?? '',
      direction: r.evidence_direction ?? '',
      significance: r.significance ?? '',
      therapies: split(r.therapies ?? ''),
      interaction: r.therapy_interaction_type ?? '',
      disease: r.disease ?? '',
      doid: r.doid ?? '',
      citations: citation(r),
      origin: r.variant_origin ?? '',
    }))
    .sort((a, b) => num(a.id) - num(b.id));
}

export function assertionItems(rows: Row[], shown: ReadonlySet<number>, evidenceRows: Row[]): EvidenceItem[] {
  const citationsOf = new Map(evidenceRows.map((r) => [`EID${r.evidence_id}`, citation(r)]));
  return rows
    .filter((r) => shown.has(Number(r.molecular_profile_id)))
    .map((r) => {
      const eids = split(r.evidence_item_ids ?? '').map((e) => `EID${e}`).sort((a, b) => num(a) - num(b));
      return {
        id: `AID${r.assertion_id}`,
        profile: Number(r.molecular_profile_id),
        level: '',
        tier: r.amp_category ?? '',
        type: r.assertion_type ?? '',
        direction: r.assertion_direction ?? '',
        significance: r.significance ?? '',
        therapies: split(r.therapies ?? ''),
        interaction: '',
        disease: r.disease ?? '',
        doid: r.doid ?? '',
        citations: [...new Set(eids.flatMap((e) => citationsOf.get(e) ?? []))].sort(),
        origin: '',
        evidence: eids,
      };
    })
    .sort((a, b) => num(a.id) - num(b.id));
}

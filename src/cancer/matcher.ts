// The 'cancer' matcher: one Match per CIViC evidence item or assertion of every biomarker a split
// variant satisfies. Kinds: exact (contig, tpos, tref, talt); codon (SNV/MNV inside the codon);
// exon and range (the event the biomarker names, inside its coordinates); protein and gene only
// from a VEP/SnpEff consequence. An in-frame deletion matches an exon/range biomarker, never a
// different exact one.
import type { Build, Interval, Match, Matcher, MatchKind, SplitVariant, VcfHeader } from '../types.js';
import { consequenceReader, type Consequence, type ConsequenceReader } from './consequence.js';
import type { CancerKb, CancerTables } from './kb.js';
import { codonOf } from './protein.js';
import type { Biomarker, BiomarkerEvent, CancerExtra, EvidenceItem, Locus } from './types.js';

export interface CancerStats {
  /** 'CSQ', 'ANN' or 'none' (then protein/gene-level biomarkers cannot be evaluated). */
  consequenceSource: string;
  /** Protein- and gene-level biomarkers (with evidence) in the knowledge base. */
  consequenceLevelBiomarkers: number;
  /** Of those, how many could not be evaluated because the input carries no consequence. */
  consequenceLevelUnevaluated: number;
}

export interface CancerMatcher extends Matcher {
  /** Gives the matcher the input header, so CSQ/ANN field order is known. Call before match(). */
  useHeader(header: Pick<VcfHeader, 'info'>): void;
  stats(): CancerStats;
}

interface Hit {
  biomarker: Biomarker;
  kind: MatchKind;
  note: string;
}

const BASES = /^[ACGTN]*$/;
export const SILENT = new Set(['synonymous_variant', 'stop_retained_variant', 'start_retained_variant']);

function isSubstitution(v: SplitVariant): boolean {
  return v.tref.length > 0 && v.tref.length === v.talt.length;
}

/** Reference span of the variant; an insertion occupies the gap before tpos (start > end). */
function span(v: SplitVariant): { start: number; end: number } {
  return { start: v.tpos, end: v.tpos + v.tref.length - 1 };
}

function inside(v: SplitVariant, l: Locus): boolean {
  const s = span(v);
  // Insertions need both flanking bases inside the locus.
  if (v.tref === '') return s.start > l.start && s.start <= l.end;
  return s.start >= l.start && s.end <= l.end;
}

function overlaps(v: SplitVariant, l: Locus): boolean {
  const s = span(v);
  if (v.tref === '') return s.start > l.start && s.start <= l.end;
  return s.start <= l.end && l.start <= s.end;
}

/** Does the variant show the DNA event a codon/exon/range biomarker names, at this locus? */
export function eventMatches(event: BiomarkerEvent, v: SplitVariant, l: Locus): boolean {
  const net = v.talt.length - v.tref.length;
  switch (event) {
    case 'substitution':
      return isSubstitution(v) && inside(v, l);
    case 'inframe-deletion':
      return net < 0 && net % 3 === 0 && inside(v, l);
    case 'inframe-insertion':
      return net > 0 && net % 3 === 0 && inside(v, l);
    case 'frameshift':
      return net % 3 !== 0 && overlaps(v, l);
    case 'deletion-span':
      return -net === l.end - l.start + 1 && overlaps(v, l);
    case 'any':
      return overlaps(v, l);
  }
}

function extra(t: CancerTables, b: Biomarker, it: EvidenceItem, note: string): CancerExtra {
  const profile = t.profiles.get(it.profile);
  const ids = it.id.startsWith('EID') ? [it.id, ...(t.assertionsOfEvidence.get(it.id) ?? [])] : [it.id];
  return {
    evidence_level: it.level,
    evidence_type: it.type,
    evidence_direction: it.direction,
    significance: it.significance,
    therapies: it.therapies,
    therapy_interaction: it.interaction,
    disease: it.disease,
    doid: it.doid ? `DOID:${it.doid}` : '',
    tier: it.tier,
    pmids: it.citations.map((c) => c.replace(/^PMID:/, '')),
    civic_ids: ids,
    variant_origin: it.origin,
    civic_variant_id: String(b.id),
    molecular_profile: profile?.name ?? '',
    molecular_profile_id: String(it.profile),
    // Other variants the profile needs in the same sample (aggregate.ts checks them).
    profile_parts: profile && profile.parts.length > 1 ? profile.parts.map(String) : [],
    match_note: note,
  };
}

/**
 * A lifted SNV whose REF the input contradicts while the ALT agrees: the lifted REF is CIViC's
 * source-build base, which the target build's reference may not share (src/kb/build/civic-ref-audit.ts).
 */
function liftedRefDiffers(b: Biomarker, build: Build, locus: Locus, v: SplitVariant): boolean {
  return b.lifted === build && locus.start === v.tpos && locus.tref?.length === 1 && v.tref.length === 1 && locus.talt === v.talt && locus.tref !== v.tref;
}

export function cancerMatcher(kb: CancerKb, header?: Pick<VcfHeader, 'info'>): CancerMatcher {
  let reader: ConsequenceReader | undefined = header ? consequenceReader(header) : undefined;
  let headerKnown = header !== undefined;

  function positional(t: CancerTables, v: SplitVariant, build: Build, csq: Consequence[] | undefined): Hit[] {
    const list = t.loci[build].get(v.record.contig);
    if (!list) return [];
    const hits: Hit[] = [];
    const seen = new Set<number>();
    const s = span(v);
    for (const { biomarker: b, locus } of list) {
      if (locus.start > s.end + 1) break;
      if (seen.has(b.id)) continue;
      let hit: Hit | undefined;
      if (b.kind === 'exact') {
        if (locus.start === v.tpos && locus.tref === v.tref && locus.talt === v.talt) hit = { biomarker: b, kind: 'exact', note: '' };
        else if (liftedRefDiffers(b, build, locus, v)) hit = { biomarker: b, kind: 'exact', note: `the input's REF ${v.tref} differs from CIViC's ${locus.tref} (a locus lifted to ${build}, where the references may differ): matched on position and ALT` };
      } else if (b.kind === 'codon') {
        if (isSubstitution(v) && overlaps(v, locus)) hit = codonHit(b, csq);
      } else if ((b.kind === 'exon' || b.kind === 'range') && b.event) {
        if (eventMatches(b.event, v, locus)) hit = eventHit(b, csq);
      }
      if (hit) {
        seen.add(b.id);
        hits.push(hit);
      }
    }
    return hits;
  }

  /** Codon: without a consequence any SNV/MNV in the codon is a candidate; with one, it must change that residue. */
  function codonHit(b: Biomarker, csq: Consequence[] | undefined): Hit | undefined {
    const mine = csq?.filter((c) => c.gene === b.gene);
    if (!mine || mine.length === 0) return { biomarker: b, kind: 'codon', note: 'codon candidate: any SNV/MNV in the codon; amino-acid change not checked (no consequence, no reference sequence)' };
    const codons = new Set((b.protein ?? []).map((p) => codonOf(p)?.pos));
    const changed = mine.find((c) => c.protein !== undefined && codons.has(codonOf(c.protein)?.pos) && !c.terms.every((x) => SILENT.has(x)));
    return changed ? { biomarker: b, kind: 'codon', note: `consequence ${changed.hgvsp}` } : undefined;
  }

  function eventHit(b: Biomarker, csq: Consequence[] | undefined): Hit | undefined {
    const mine = csq?.filter((c) => c.gene === b.gene);
    if (b.event === 'any' && mine && mine.length > 0 && mine.every((c) => c.terms.every((x) => SILENT.has(x)))) return undefined;
    const note = b.event === 'any' && (!mine || mine.length === 0) ? 'any change in the region; a silent change is not excluded without a consequence' : '';
    return { biomarker: b, kind: b.kind === 'exon' ? 'exon' : 'range', note };
  }

  function consequenceHits(t: CancerTables, v: SplitVariant, build: Build, csq: Consequence[], already: Set<number>): Hit[] {
    const hits: Hit[] = [];
    for (const c of csq) {
      for (const b of [...(t.consequenceLevel.get(c.gene) ?? []), ...(t.proteinNamed.get(c.gene) ?? [])]) {
        if (already.has(b.id)) continue;
        if (b.kind === 'protein' || b.kind === 'exact') {
          const ok = c.protein !== undefined && (b.protein ?? []).includes(c.protein);
          if (ok) {
            already.add(b.id);
            hits.push({ biomarker: b, kind: 'protein', note: `consequence ${c.hgvsp}` });
          }
        } else if (b.consequences?.some((x) => c.terms.includes(x))) {
          const loci = b.loci[build];
          if (loci.length > 0 && !loci.some((l) => l.contig === v.record.contig && overlaps(v, l))) continue;
          already.add(b.id);
          hits.push({ biomarker: b, kind: 'gene', note: `consequence ${c.terms.join('&')}${c.hgvsp ? ` ${c.hgvsp}` : ''}` });
        }
      }
    }
    return hits;
  }

  return {
    name: 'cancer',
    intervals(build: Build): Interval[] {
      // Gene spans only help when a consequence can be read; before the header is known (index
      // reads ask first) they are included, since the input may carry one.
      return headerKnown && !reader ? kb.intervals(build) : [...kb.intervals(build), ...kb.consequenceIntervals(build)];
    },
    useHeader(h: Pick<VcfHeader, 'info'>): void {
      reader = consequenceReader(h);
      headerKnown = true;
    },
    stats(): CancerStats {
      let n = 0;
      for (const list of kb.tables().consequenceLevel.values()) n += list.length;
      return { consequenceSource: reader?.source ?? 'none', consequenceLevelBiomarkers: n, consequenceLevelUnevaluated: reader ? 0 : n };
    },
    notes() {
      const st = this.stats();
      return {
        consequence_source: st.consequenceSource,
        consequence_level_biomarkers: st.consequenceLevelBiomarkers,
        consequence_level_unevaluated: st.consequenceLevelUnevaluated,
      };
    },
    match(v: SplitVariant, build: Build): Match[] {
      // Symbolic (<DEL>, <DUP>), breakend and '*' alleles say nothing a biomarker here can use.
      if (!BASES.test(v.tref) || !BASES.test(v.talt) || v.tref === v.talt) return [];
      const t = kb.tables();
      const csq = reader?.read(v);
      const hits = positional(t, v, build, csq);
      if (csq && csq.length > 0) hits.push(...consequenceHits(t, v, build, csq, new Set(hits.map((h) => h.biomarker.id))));
      const out: Match[] = [];
      for (const h of hits) {
        const feature = `${h.biomarker.gene} ${h.biomarker.name}`;
        for (const p of t.profilesOfVariant.get(h.biomarker.id) ?? []) {
          for (const it of t.itemsOfProfile.get(p.id) ?? []) {
            out.push({ kb: 'cancer', gene: h.biomarker.gene, feature, match: h.kind, extra: extra(t, h.biomarker, it, h.note) });
          }
        }
      }
      return out;
    },
  };
}

// A picture of one gene's definition positions: each position a mark in genomic order (evenly
// spaced, not to scale: positions cluster), filled red where the sample carries a variant, green
// where it was assayed (reference), hollow where the input did not assay it. Built from numbers and
// escaped text only.
import type { PgxResult } from '../../pgx/result.js';
import { type Html, html } from './template.js';

export type PositionState = 'variant' | 'assayed' | 'absent';

export interface GenePositions {
  /** Per position (ascending), its state. */
  marks: { pos: number; state: PositionState; label: string }[];
  counts: Record<PositionState, number>;
}

/** The position a missing_sites entry names ('97450058(rs3918290) [min-dp]' → 97450058). */
function missingPos(entry: string): number {
  return Number(/^\d+/.exec(entry)?.[0] ?? NaN);
}

/** Each definition position's state; `definition` is the gene's positions in the knowledge base. */
export function genePositions(r: PgxResult, definition: readonly number[]): GenePositions {
  const missing = new Map(r.missing_sites.map((m) => [missingPos(m), m]));
  const variants = new Map(r.evidence.map((e) => [e.pos, e]));
  const all = [...new Set([...definition, ...missing.keys(), ...variants.keys()])].filter(Number.isFinite).sort((a, b) => a - b);
  const counts: Record<PositionState, number> = { variant: 0, assayed: 0, absent: 0 };
  const marks = all.map((pos) => {
    const v = variants.get(pos);
    const state: PositionState = v ? 'variant' : missing.has(pos) ? 'absent' : 'assayed';
    counts[state]++;
    const label = v ? `${pos}${v.rsid ? ` ${v.rsid}` : ''}: ${v.gt ?? v.alleles.join('/')} (variant)` : state === 'absent' ? `${missing.get(pos)}: not assayed` : `${pos}: assayed, reference`;
    return { pos, state, label };
  });
  return { marks, counts };
}

const WIDTH = 360;
const HEIGHT = 26;
const PAD = 6;

/** The gene's positions as an inline SVG (nothing for a gene with no known positions). */
export function geneSvg(gene: string, p: GenePositions): Html {
  const n = p.marks.length;
  if (n === 0) return html``;
  const step = n > 1 ? (WIDTH - 2 * PAD) / (n - 1) : 0;
  const r = Math.max(1.5, Math.min(4, step / 2.2));
  const x = (i: number): string => (n > 1 ? PAD + i * step : WIDTH / 2).toFixed(1);
  const label = `${gene}: ${p.counts.variant} variant, ${p.counts.assayed} assayed reference, ${p.counts.absent} not assayed of ${n} definition positions`;
  const marks = p.marks.map((m, i) => html`<circle class="${m.state}" cx="${x(i)}" cy="12" r="${r.toFixed(1)}"><title>${m.label}</title></circle>`);
  return html`<svg class="gene" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}"><title>${label}</title><line class="axis" x1="${PAD}" y1="12" x2="${WIDTH - PAD}" y2="12"/>${marks}</svg>`;
}

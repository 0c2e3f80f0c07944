// The shape every bundled table file must have, keyed by its path in the KB directory (as the
// manifest's `file`). These mirror the row types the readers use (src/pgx/kb-types.ts,
// src/cancer/types.ts): the fields the code reads without a guard. Optional fields are not listed.
import type { Check, Shape } from './shape.js';

const rows = (row: Shape): Check => ({ fields: { rows: { each: { fields: row } } } });
const list = (row: Shape): Check => ({ each: { fields: row } });

const SITE: Shape = {
  gene: 'string',
  chrom: 'string',
  pos: 'int',
  pos37: 'int|null',
  ref: 'string',
  ref37: 'string|null',
  ref37From: 'string',
  alts: { each: 'string' },
  rsid: 'string|null',
  hgvs: 'string',
  role: 'string',
};

const GENE: Shape = {
  gene: 'string',
  chrom: 'string',
  version: 'string',
  positions: { each: 'int' },
  alleles: { each: { fields: { name: 'string', id: 'string', reference: 'bool', defs: { each: { tuple: ['int', 'string'] } } } } },
  requiredPositions: { each: 'int' },
  ignoredPositions: { each: 'int' },
  extraPositions: { each: 'int' },
  ignoredAlleles: { each: 'string' },
  unphasedDiplotypePriorities: { each: { fields: { list: { each: 'string' }, pick: 'string' } } },
};

const PHENOTYPE: Shape = {
  gene: 'string',
  source: 'string',
  version: 'string',
  alleles: { values: { tuple: ['string', 'string|null'] } },
  activity: 'bool',
  pairs: { each: { fields: { keys: { each: 'string' }, phenotype: 'string', lookupKey: 'string', activityScore: 'string|null' } } },
};

const RECOMMENDATION: Shape = {
  drug: 'string',
  genes: { each: 'string' },
  lookupKey: { values: 'string' },
  classification: 'string',
  implications: { each: 'string' },
  recommendation: 'string',
  population: 'string',
  comments: 'string',
  source: 'string',
  guideline: { fields: { name: 'string', url: 'string', pmids: { each: 'string' } } },
};

const LOCI: Check = { each: { fields: { contig: 'string', start: 'int', end: 'int' } } };

const BIOMARKER: Shape = { id: 'int', gene: 'string', name: 'string', kind: 'string', why: 'string', loci: { fields: { GRCh37: LOCI, GRCh38: LOCI } } };

const PROFILE: Shape = { id: 'int', name: 'string', expr: { oneOf: ['int', 'object'] }, parts: { each: 'int' } };

const EVIDENCE: Shape = {
  id: 'string',
  profile: 'int',
  level: 'string',
  tier: 'string',
  type: 'string',
  direction: 'string',
  significance: 'string',
  therapies: { each: 'string' },
  interaction: 'string',
  disease: 'string',
  doid: 'string',
  citations: { each: 'string' },
  origin: 'string',
};

const TRANSCRIPT: Shape = {
  gene: 'string',
  build: 'string',
  transcript: 'string',
  choice: 'string',
  contig: 'string',
  strand: 'string',
  cdsStart: 'int',
  cdsEnd: 'int',
  exons: { each: { tuple: ['int', 'int'] } },
};

export const TABLE_SHAPES: Readonly<Record<string, Check>> = {
  'pgx/sites.json': rows(SITE),
  'pgx/alleles.json': rows(GENE),
  'pgx/phenotypes.json': rows(PHENOTYPE),
  'pgx/recommendations.json': rows(RECOMMENDATION),
  'cancer/civic-biomarkers.json': list(BIOMARKER),
  'cancer/civic-profiles.json': list(PROFILE),
  'cancer/civic-evidence.json': list(EVIDENCE),
  'cancer/transcripts.json': list(TRANSCRIPT),
};

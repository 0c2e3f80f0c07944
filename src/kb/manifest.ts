// data/MANIFEST.json: what every bundled table is, where it came from, and its checksum.
import type { Build, KbDomain } from '../types.js';
import type { Check } from './shape.js';

export interface SourceRef {
  /** Folder name under ../shared/sources, e.g. 'civic-2024-08'. */
  name: string;
  /** Upstream version or release date as the source states it. */
  version: string;
  repository: string;
  commit: string;
  /** Path(s) inside the upstream repository. */
  path: string;
  licence: string;
}

export interface TableManifest {
  /** Table name, e.g. 'pgx-alleles'. */
  name: string;
  /** File path relative to data/. */
  file: string;
  domain: KbDomain;
  description: string;
  sources: SourceRef[];
  /** Genome builds with coordinates in this table ([] when build-independent). */
  builds: Build[];
  records: number;
  sha256: string;
  /** How derived data was made (e.g. "GRCh37 from PyPGx where listed, else liftover"). */
  notes?: string;
}

export interface Manifest {
  schema_version: 1;
  generated_by: string;
  tables: TableManifest[];
}

/** What a domain builder (scripts/kb/*.ts) returns; the orchestrator writes and checksums it. */
export interface BuiltTable extends Omit<TableManifest, 'sha256'> {
  /** Exact file content (deterministic: sorted keys/rows, no timestamps). */
  content: string;
}

/** The fields of a manifest the code reads (kb list, provenance, verification). */
export const MANIFEST_SHAPE: Check = {
  fields: {
    schema_version: 'int',
    tables: {
      each: {
        fields: {
          name: 'string',
          file: 'string',
          domain: 'string',
          sources: { each: { fields: { name: 'string', version: 'string', licence: 'string' } } },
          builds: { each: 'string' },
          records: 'int',
          sha256: 'string',
        },
      },
    },
  },
};

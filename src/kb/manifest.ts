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

/** One file `vcfact kb build` read, relative to its sources folder. */
export interface SourceFile {
  path: string;
  sha256: string;
}

/**
 * schema_version 1. `vcfact_version` and `source_files` were added compatibly by `vcfact kb build`
 * (a reader of 1 ignores them; a KB built before has neither).
 */
export interface Manifest {
  schema_version: 1;
  generated_by: string;
  /** The vcfact version that built this knowledge base. */
  vcfact_version?: string;
  tables: TableManifest[];
  /** Every source file read, with its sha256. */
  source_files?: SourceFile[];
}

/** What a domain builder (src/kb/build/*.ts) returns; the orchestrator writes and checksums it. */
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

// The sources folder of `vcfact kb build`, laid out as ../shared/sources is: one folder per
// upstream source, files found by name pattern inside it (a new CIViC release has a new date in its
// file names). Every file is read through here, so the manifest can list each one with its sha256,
// and a missing or ambiguous file is exit 4 saying what was expected.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { KbError } from '../../errors.js';
import type { SourceFile } from '../manifest.js';
import { parseKbJson, readKbBytes } from '../read-json.js';
import type { Check } from '../shape.js';

/** What a folder or file stands for, for messages: "CIViC's evidence TSV (*-ClinicalEvidenceSummaries.tsv)". */
export interface Wanted {
  pattern: RegExp;
  /** The pattern as a user would type it, e.g. '*-ClinicalEvidenceSummaries.tsv'. */
  glob: string;
  what: string;
}

export class SourceDir {
  private readonly hashes = new Map<string, string>();

  constructor(readonly root: string) {
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) throw new KbError('the sources folder does not exist or is not a folder (expected one folder per source, laid out as ../shared/sources is)', { file: root });
  }

  private list(rel: string): string[] {
    try {
      return readdirSync(join(this.root, rel)).sort();
    } catch {
      return [];
    }
  }

  /** The one entry of folder `rel` ('' = the root) matching `w`; none or several is exit 4. */
  private one(rel: string, w: Wanted, kind: 'folder' | 'file'): string {
    const hits = this.list(rel).filter((n) => w.pattern.test(n));
    const at = join(this.root, rel);
    if (hits.length === 0) throw new KbError(`no ${kind} matching ${w.glob}: expected ${w.what}`, { file: at });
    if (hits.length > 1) throw new KbError(`${hits.length} ${kind}s match ${w.glob} (${hits.join(', ')}): keep exactly one (${w.what})`, { file: at });
    return rel === '' ? (hits[0] as string) : `${rel}/${hits[0] as string}`;
  }

  /** A source folder's name (relative to the root). */
  folder(w: Wanted): string {
    return this.one('', w, 'folder');
  }

  /** The one file in `folder` matching `w`, as a path relative to the root. */
  file(folder: string, w: Wanted): string {
    return this.one(folder, w, 'file');
  }

  /** Every file in `folder` matching `w` (sorted); at least one. */
  files(folder: string, w: Wanted): string[] {
    const hits = this.list(folder).filter((n) => w.pattern.test(n));
    if (hits.length === 0) throw new KbError(`no file matching ${w.glob}: expected ${w.what}`, { file: join(this.root, folder) });
    return hits.map((n) => `${folder}/${n}`);
  }

  /** A file's bytes; its sha256 is recorded for the manifest. */
  bytes(rel: string): Buffer {
    const b = readKbBytes(join(this.root, rel), 'source file');
    this.hashes.set(rel, createHash('sha256').update(b).digest('hex'));
    return b;
  }

  /** A file's text, gunzipped when it is gzip (by its magic bytes). */
  text(rel: string): string {
    const raw = this.bytes(rel);
    if (raw[0] !== 0x1f || raw[1] !== 0x8b) return raw.toString('utf8');
    try {
      return gunzipSync(raw).toString('utf8');
    } catch (e) {
      throw new KbError(`cannot decompress the source file (${(e as Error).message})`, { file: this.path(rel) }, e);
    }
  }

  /** A JSON file (gzip or plain) checked against the fields the builder reads. */
  json<T>(rel: string, shape: Check): T {
    return parseKbJson<T>(Buffer.from(this.text(rel), 'utf8'), this.path(rel), 'source file', shape);
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  /** Every file read so far with its sha256, sorted by path. */
  readFiles(): SourceFile[] {
    return [...this.hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, sha256]) => ({ path, sha256 }));
  }
}

/** Column index by header name; a missing column is exit 4 naming the file and the column. */
export function columnIndex(header: readonly string[], name: string, file: string, why: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new KbError(`missing column '${name}' (${why}); the header has: ${header.join(', ')}`, { file, line: 1 });
  return i;
}

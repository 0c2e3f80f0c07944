// -s/--samples, bcftools style: "A,B" selects, "^A,B" excludes, a file path (one name per line)
// selects its names and "^file" excludes them. Unknown names are a usage error, not a silent miss.
import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { readTextFile } from '../io/text-file.js';
import { decodeBytes } from '../text.js';

export interface SampleSelection {
  /** Selected column indices (0-based among the header samples), in file order. */
  indices: number[];
  names: string[];
}

/** Resolve a -s value against the header samples; undefined or '' selects every sample. */
export function selectSamples(all: string[], spec: string | undefined): SampleSelection {
  if (spec === undefined) return { indices: all.map((_, i) => i), names: [...all] };
  if (spec === '' || spec === '^') throw new UsageError(`-s '${spec}' names no sample`);
  const exclude = spec.startsWith('^');
  const body = exclude ? spec.slice(1) : spec;
  const names = readList(body);
  const pos = new Map(all.map((n, i) => [n, i]));
  const seen = new Set<string>();
  for (const n of names) {
    if (!pos.has(n)) throw new UsageError(`sample ${n} given in -s is not in the VCF (samples: ${preview(all)})`);
    // A repeated name is almost always a typo for another sample: say so rather than guess.
    if (seen.has(n)) throw new UsageError(`sample ${n} is named twice in -s`);
    seen.add(n);
  }
  const wanted = new Set(names);
  const indices = all.map((_, i) => i).filter((i) => wanted.has(all[i] as string) !== exclude);
  if (indices.length === 0) throw new UsageError(`-s ${spec} selects no sample`);
  return { indices, names: indices.map((i) => all[i] as string) };
}

/** A file of names when `body` names an existing file, else a comma list. */
function readList(body: string): string[] {
  if (existsSync(body) && statSync(body).isFile()) {
    // Bytes that are not UTF-8 are kept (src/text.ts), as in header sample names: such a name still matches.
    return decodeBytes(readTextFile(body, '-s samples file', UsageError))
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  }
  const names = body.split(',').filter((n) => n !== '');
  if (names.length === 0) throw new UsageError(`-s '${body}' names no sample`);
  return names;
}

function preview(all: string[]): string {
  return all.length <= 5 ? all.join(', ') || 'none' : `${all.slice(0, 5).join(', ')}, … (${all.length})`;
}

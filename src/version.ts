// Tool version, read once from package.json (found by walking up, as bundles live at varying depths).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'vcfact' && pkg.version) return pkg.version;
    }
    const up = dirname(dir);
    if (up === dir) return '0.0.0';
    dir = up;
  }
}

export const VERSION = readVersion();
export const TOOL = { name: 'vcfact', version: VERSION } as const;
/** Bumped when an output's columns or fields change meaning. */
export const SCHEMA_VERSION = '2';

// Where tsup writes a worker entry (dist/cli/<name>.js), found from the package root: the module
// asking may be bundled into dist/cli/main.js, a shared chunk in dist/, or run from src/ under
// vitest/tsx, so tests run the built worker (`npm test` builds first), as the CLI does.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const found = new Map<string, string>();

/** The built worker `dist/cli/<file>`: the nearest folder above this module holding package.json, then that path. */
export function builtWorker(file: string): string {
  const known = found.get(file);
  if (known !== undefined) return known;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the package root above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  const path = join(dir, 'dist', 'cli', file);
  if (!existsSync(path)) throw new Error(`the worker ${path} is not built: run \`npm run build\``);
  found.set(file, path);
  return path;
}

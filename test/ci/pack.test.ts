// The packed package (npm pack) holds bin, dist, data, schema, the workflow and README, and works on
// its own: installed from the tarball into an empty folder, `vcfact annotate` on the demo writes the
// rows the repository's build writes. CI only (VCFACT_CI=1): installing needs the npm registry.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, vcfact } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'vcfact-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('npm pack', () => {
  it('holds what a user needs and installs into an empty folder, where annotate writes the same rows', () => {
    // The dist/ under test is the one built before the tests: no prepare script rebuilds it here.
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = (info as { files: { path: string }[] }).files.map((f) => f.path);
    for (const want of ['bin/vcfact.js', 'dist/cli/main.js', 'README.md', 'package.json', 'workflow/Snakefile', 'workflow/config.yaml', 'schema/annotate.schema.json']) expect(files).toContain(want);
    expect(files.some((f) => f.startsWith('data/'))).toBe(true);
    expect(files.filter((f) => /^(src|test|bench|fixtures)\//.test(f))).toEqual([]);

    const app = join(scratch, 'app');
    mkdirSync(app);
    const tarball = join(scratch, (info as { filename: string }).filename);
    const installed = npm(['install', '--no-audit', '--no-fund', tarball], app);
    expect(installed.status, installed.stderr).toBe(0);
    const demo = join(ROOT, 'fixtures', 'demo', 'demo.vcf.gz');
    const there = spawnSync('npx', ['--no', 'vcfact', 'annotate', demo, '-q'], { cwd: app, encoding: 'utf8' });
    expect(there.status, there.stderr).toBe(0);
    const here = vcfact(['annotate', demo, '-q']);
    expect(here.status).toBe(0);
    expect(there.stdout.split('\n').length).toBeGreaterThan(2);
    expect(there.stdout).toBe(here.stdout);
  }, 600_000);
});

// How the CLI behaves around its data: terminals and pipes, `| head`, atomic -o, output-type inference,
// --version/--help, the kb commands, warnings, -q and --strict. Everything runs the built binary.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, fixture, ROOT, vcfact } from '../helpers/cli.js';

const DEMO = fixture('demo', 'demo.vcf.gz');
const tmp = mkdtempSync(join(tmpdir(), 'vcfact-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sh(script: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'data', 'MANIFEST.json'), 'utf8')) as {
  tables: { name: string; file: string; sources: { name: string; version: string; licence: string }[] }[];
};

/** 200,000 records, all at knowledge-base sites of the demo (25,000 copies of each, so still sorted). */
let bigPath: string | undefined;
function bigVcf(): string {
  if (bigPath !== undefined) return bigPath;
  const text = spawnSync('gzip', ['-dc', DEMO], { encoding: 'utf8', maxBuffer: 1 << 24 }).stdout;
  const lines = text.split('\n').filter(Boolean);
  const header = lines.filter((l) => l.startsWith('#'));
  const kbPositions = new Set(['97450058', '179234297', '55174771', '140753336', '94781859', '25245351', '31096368', '94761900']);
  const sites = lines.filter((l) => !l.startsWith('#') && kbPositions.has(l.split('\t')[1] ?? ''));
  const body: string[] = [];
  for (const l of sites) for (let i = 0; i < 25_000; i++) body.push(l);
  const path = join(tmp, 'big.vcf');
  writeFileSync(path, `${[...header, ...body].join('\n')}\n`);
  bigPath = path;
  return path;
}

describe('input from a terminal or a pipe', () => {
  it('no input with stdin a terminal is a usage error (exit 2), not a hang', () => {
    // `script` (util-linux) gives the CLI a pseudo-terminal on stdin; -e returns the child's status.
    const r = spawnSync('script', ['-qec', `'${process.execPath}' '${BIN}' annotate`, '/dev/null'], {
      encoding: 'utf8',
      timeout: 20_000,
      input: '',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('no input');
    expect(r.stdout).not.toMatch(/^\s+at /m);
  });

  it('no input with stdin a pipe reads stdin', () => {
    const viaPipe = vcfact(['annotate', '-q'], { input: readFileSync(DEMO) });
    expect(viaPipe.status).toBe(0);
    const viaFile = vcfact(['annotate', '-q', '--index', 'never', DEMO]);
    expect(viaPipe.stdout).toBe(viaFile.stdout);
    expect(viaPipe.stdout.split('\n').length).toBeGreaterThan(10);
  });
});

describe('`| head` ends quietly', () => {
  let big = '';
  beforeAll(() => {
    big = bigVcf();
  });

  for (const type of ['tsv', 'ndjson']) {
    it(`annotate big.vcf -O ${type} | head -1: exit 0, nothing on stderr`, () => {
      const r = sh(`'${process.execPath}' '${BIN}' annotate -O ${type} '${big}' 2>'${tmp}/err-${type}' | head -1; echo "status=\${PIPESTATUS[0]}"`);
      expect(r.stdout.split('\n')[0]).toMatch(type === 'tsv' ? /^sample\tchrom\t/ : /^\{"type":"meta"/);
      expect(r.stdout).toContain('status=0');
      expect(readFileSync(join(tmp, `err-${type}`), 'utf8')).toBe('');
    });
  }

  it('a reader that closes after the first line stops the run early (exit 0, empty stderr)', async () => {
    const child = spawn(process.execPath, [BIN, 'annotate', big], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const started = Date.now();
    await new Promise<void>((resolve) => {
      child.stdout.once('data', () => {
        child.stdout.destroy();
        resolve();
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // The full run writes 6 million rows; stopping at the first means well under the time that takes.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('-o and -O', () => {
  it('-o replaces an existing file atomically, leaving no temp file', () => {
    const dir = mkdtempSync(join(tmp, 'atomic-'));
    const out = join(dir, 'out.tsv');
    writeFileSync(out, 'old contents\n');
    const r = vcfact(['annotate', '-q', DEMO, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(vcfact(['annotate', '-q', DEMO]).stdout);
    expect(readdirSync(dir)).toEqual(['out.tsv']);
  });

  it('an interrupted run (SIGINT) leaves the old -o file and no temp file', async () => {
    const big = bigVcf();
    const dir = mkdtempSync(join(tmp, 'sigint-'));
    const out = join(dir, 'out.tsv');
    writeFileSync(out, 'old contents\n');
    const child = spawn(process.execPath, [BIN, 'annotate', big, '-o', out], { stdio: 'ignore' });
    // Wait until the run is writing its temp file, then interrupt it.
    for (let i = 0; i < 200 && readdirSync(dir).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('close', resolve));
    expect(readFileSync(out, 'utf8')).toBe('old contents\n');
    expect(readdirSync(dir)).toEqual(['out.tsv']);
  });

  it('-O is inferred from the -o extension (.json, .ndjson, .tsv)', () => {
    const json = join(tmp, 'infer.json');
    const nd = join(tmp, 'infer.ndjson');
    const tsv = join(tmp, 'infer.tsv');
    for (const f of [json, nd, tsv]) expect(vcfact(['annotate', '-q', DEMO, '-o', f]).status).toBe(0);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { results: unknown[]; schema_version: string };
    expect(doc.results.length).toBeGreaterThan(0);
    const lines = readFileSync(nd, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines[0]?.type).toBe('meta');
    expect(lines.at(-1)?.type).toBe('summary');
    expect(lines.length).toBe(doc.results.length + 2);
    expect(readFileSync(tsv, 'utf8').split('\n')[0]).toMatch(/^sample\tchrom\tpos\tref\talt\tgt\tzygosity\tvaf\tdp\tfilter\tkb\tgene\tfeature\tmatch/);
    // An explicit -O wins over the extension.
    const forced = join(tmp, 'forced.json');
    expect(vcfact(['annotate', '-q', DEMO, '-O', 'tsv', '-o', forced]).status).toBe(0);
    expect(readFileSync(forced, 'utf8')).toMatch(/^sample\t/);
  });
});

describe('--version and --help', () => {
  it('--version prints the tool and every knowledge-base source version', () => {
    const r = vcfact(['--version']);
    expect(r.status).toBe(0);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(r.stdout).toContain(`vcfact ${version}`);
    for (const t of manifest.tables) for (const s of t.sources) expect(r.stdout).toContain(`${s.name} ${s.version}`);
  });

  it('--help shows commands, examples and exit codes', () => {
    const r = vcfact(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('annotate');
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/vcfact annotate \S+/);
    expect(r.stdout).toContain('Exit codes');
  });

  it('every command the --help examples use exists', () => {
    const help = vcfact(['--help']).stdout;
    const used = [...help.matchAll(/^\s+vcfact (\w+)/gm)].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(0);
    for (const c of new Set(used)) {
      const r = vcfact([c, '--help']);
      expect(r.status, `vcfact ${c} --help: ${r.stderr}`).toBe(0);
    }
  });
});

describe('kb commands', () => {
  it('kb list shows every table with its licence', () => {
    const r = vcfact(['kb', 'list']);
    expect(r.status).toBe(0);
    const [head, ...rows] = r.stdout.trim().split('\n');
    const cols = (head ?? '').split('\t');
    const name = cols.indexOf('table');
    const licence = cols.indexOf('licence');
    expect(name).toBeGreaterThanOrEqual(0);
    expect(licence).toBeGreaterThanOrEqual(0);
    const byName = new Map(rows.map((l) => l.split('\t')).map((f) => [f[name], f]));
    for (const t of manifest.tables) {
      const row = byName.get(t.name);
      expect(row, t.name).toBeDefined();
      expect(row?.[licence]).toBeTruthy();
      for (const s of t.sources) expect(row?.[licence]).toContain(s.licence);
    }
    expect(rows).toHaveLength(manifest.tables.length);
  });

  it('kb regions -g GRCh38 is a valid sorted BED that covers BRAF V600E', () => {
    const r = vcfact(['kb', 'regions', '-g', 'GRCh38']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    let prev: { chrom: string; end: number } | undefined;
    for (const f of rows) {
      expect(f).toHaveLength(3);
      const [chrom, s, e] = f as [string, string, string];
      const start = Number(s);
      const end = Number(e);
      expect(Number.isInteger(start) && start >= 0, f.join('\t')).toBe(true);
      expect(end > start, f.join('\t')).toBe(true);
      if (prev?.chrom !== chrom) {
        // Each contig in one block.
        expect(seen.has(chrom), `${chrom} appears in two blocks`).toBe(false);
        seen.add(chrom);
      } else {
        // Sorted and non-overlapping within a contig.
        expect(start >= prev.end, f.join('\t')).toBe(true);
      }
      prev = { chrom, end };
    }
    // BRAF V600E: GRCh38 7:140753336 (1-based) is 0-based [140753335, 140753336).
    expect(rows.some(([c, s, e]) => c === '7' && Number(s) <= 140753335 && Number(e) >= 140753336)).toBe(true);
    // DPYD c.1905+1G>A: 1:97450058.
    expect(rows.some(([c, s, e]) => c === '1' && Number(s) <= 97450057 && Number(e) >= 97450058)).toBe(true);
  });

  it('kb regions --chr names contigs chr1…', () => {
    const r = vcfact(['kb', 'regions', '-g', 'GRCh38', '--chr']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').every((l) => l.startsWith('chr'))).toBe(true);
  });

  it('kb validate passes on the bundled data and fails (exit 4) on a copy with a modified table', () => {
    const ok = vcfact(['kb', 'validate']);
    expect(ok.status).toBe(0);
    const copy = join(tmp, 'kb-copy');
    cpSync(join(ROOT, 'data'), copy, { recursive: true });
    const table = manifest.tables[0];
    if (table === undefined) throw new Error('the manifest lists no tables');
    writeFileSync(join(copy, table.file), `${readFileSync(join(copy, table.file), 'utf8')} `);
    const bad = vcfact(['kb', 'validate', '--kb', copy]);
    expect(bad.status).toBe(4);
    expect(bad.stderr).toContain(table.name);
    expect(bad.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('warnings, -q and --strict', () => {
  const header = [
    '##fileformat=VCFv4.2',
    '##contig=<ID=chr10,length=133797422>',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
  ];
  const bad = join(tmp, 'warn.vcf');
  writeFileSync(
    bad,
    `${[
      ...header,
      ...[1, 2, 3, 4, 5].map((i) => `chr10\tx${i}\t.\tG\tA\t50\tPASS\t.\tGT\t0/1`),
      'chr10\t94781859\trs4244285\tG\tA\t50\tPASS\t.\tGT\t0/1',
    ].join('\n')}\n`,
  );

  it('a warning kind is printed once, then counted', () => {
    const r = vcfact(['annotate', bad]);
    expect(r.status).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes('POS is not a positive integer'));
    expect(lines[0]).toContain('warn.vcf:5');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('5 times');
    const doc = JSON.parse(vcfact(['annotate', '-q', '-O', 'json', bad]).stdout) as {
      warnings: { message: string; count: number }[];
      summary: { skipped: Record<string, number> };
      results: { gene: string }[];
    };
    expect(doc.warnings.find((w) => w.message.includes('POS is not a positive integer'))?.count).toBe(5);
    expect(Object.values(doc.summary.skipped).reduce((a, b) => a + b, 0)).toBe(5);
    // The good record still gives its finding.
    expect(doc.results.some((r) => r.gene === 'CYP2C19')).toBe(true);
  });

  it('-q silences stderr on success, warnings included', () => {
    const r = vcfact(['annotate', '-q', bad]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(vcfact(['annotate', '-q', DEMO]).stderr).toBe('');
  });

  it('-q does not silence errors', () => {
    const r = vcfact(['annotate', '-q', '--strict', bad]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('warn.vcf:5');
  });

  it('--strict makes a per-record problem exit 3, naming file, line and text', () => {
    const r = vcfact(['annotate', '--strict', bad]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('warn.vcf:5');
    expect(r.stderr).toContain("'x1'");
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('-g against the data', () => {
  it('-g GRCh38 on a GRCh37 file without ##contig lines is not a silent empty success', () => {
    // DESIGN §4: "a GRCh37 file called GRCh38 is an error that says so, not silent misses". T001-COAD
    // GRCh37 carries BRAF V600E and DPYD c.1905+1G>A at their GRCh37 positions.
    const r = vcfact(['annotate', '-g', 'GRCh38', fixture('cancer', 'pcgr', 'T001-COAD.grch37.vcf.gz')]);
    const said = r.status !== 0 || /GRCh37/.test(r.stderr);
    expect(said, `exit ${r.status}, stderr: ${r.stderr}`).toBe(true);
  });

  it('-g GRCh37 on the same file finds BRAF V600E', () => {
    const r = vcfact(['annotate', '-q', '-g', 'GRCh37', fixture('cancer', 'pcgr', 'T001-COAD.grch37.vcf.gz')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('BRAF V600E');
  });
});

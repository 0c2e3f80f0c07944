// Writing generated VCFs: to any stream with back-pressure, or to a file (atomic; BGZF + tabix
// index when the name ends in .gz).
import { spawn } from 'node:child_process';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { runChecked } from './proc.js';
import { generateVcf, type GenerateOptions, type GenerateStats } from './vcf-gen.js';

export async function writeTo(stream: Writable, run: (sink: (b: Buffer) => Promise<void> | void) => Promise<GenerateStats>): Promise<GenerateStats> {
  let failure: Error | undefined;
  stream.on('error', (e: Error) => (failure = e));
  const stats = await run(async (b) => {
    if (failure) throw failure;
    if (!stream.write(b)) await once(stream, 'drain');
  });
  stream.end();
  await once(stream, 'finish');
  if (failure) throw failure;
  return stats;
}

/** Generates into `out`: plain, or BGZF + .tbi when `out` ends in .gz. Atomic (temp file, rename). */
export async function generateFile(out: string, opts: GenerateOptions): Promise<GenerateStats> {
  const tmp = `${out}.tmp`;
  try {
    let stats: GenerateStats;
    if (out.endsWith('.gz')) {
      const file = createWriteStream(tmp);
      await once(file, 'open');
      const bgzip = spawn('bgzip', ['-@2', '-c'], { stdio: ['pipe', file, 'inherit'] });
      const exited = once(bgzip, 'close');
      stats = await writeTo(bgzip.stdin, (sink) => generateVcf(opts, sink));
      const [code] = (await exited) as [number | null];
      file.close();
      if (code !== 0) throw new Error(`bgzip exited with ${code}`);
      renameSync(tmp, out);
      runChecked('tabix', ['-f', '-p', 'vcf', out]);
    } else {
      stats = await writeTo(createWriteStream(tmp), (sink) => generateVcf(opts, sink));
      renameSync(tmp, out);
    }
    return stats;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

// Preloaded (node --import) into a CLI child by vcfactAsync({ rss: true }): at exit, the
// process's peak resident set size in bytes and its CPU time in microseconds (user + system) go to
// fd 3, a pipe the test reads.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  try {
    writeSync(3, `${u.maxRSS * 1024} ${u.userCPUTime + u.systemCPUTime}`);
  } catch {
    // No fd 3 (run by hand): nothing to report to.
  }
});

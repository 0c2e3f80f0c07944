// Preloaded (node --import) into a CLI child by vcfactAsync({ rss: true }): at exit, the
// process's peak resident set size in bytes goes to fd 3, a pipe the test reads.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS * 1024));
  } catch {
    // No fd 3 (run by hand): nothing to report to.
  }
});

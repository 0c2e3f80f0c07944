// Many CLI tests run the built binary with spawnSync, which blocks this worker's event loop for
// the length of the child process. A file of such tests back to back (the bad-input corpus, the
// schema check over every fixture) can keep the loop from reading vitest's own RPC replies for
// over a minute, and vitest then fails the run with "Timeout calling onTaskUpdate" although every
// test passed. Letting the loop turn once after each test reads those replies in time.
import { afterEach } from 'vitest';

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

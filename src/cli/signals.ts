// Ctrl-C (SIGINT), SIGTERM or SIGHUP during a run: drop the partial output (the temp file behind
// -o) before dying, so an interrupted run leaves the old file as it was and nothing beside it. The
// process then re-raises the signal, so the shell sees "killed by SIGINT" (status 130), as it would
// without the handler. A command that fails (cli/run.ts) drops them the same way.
type Cleanup = () => Promise<void> | void;

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const cleanups = new Set<Cleanup>();

function onSignal(signal: NodeJS.Signals): void {
  // A second signal while cleaning up takes the default action (dies at once).
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  void dropPartialOutputs().then(() => process.kill(process.pid, signal));
}

/**
 * Runs every pending cleanup now: on a signal, and when a command fails between opening its output
 * and writing it (an unreadable --outside-calls file, a bad --tumor name), so no temp file is left.
 */
export async function dropPartialOutputs(): Promise<void> {
  const pending = [...cleanups].map(async (f) => {
    try {
      await f();
    } catch {
      // The run is failing already; a failed cleanup must not hide why.
    }
  });
  cleanups.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  await Promise.all(pending);
}

/** Runs `cleanup` if the process is interrupted before the returned release function is called. */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (cleanups.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}

// Runs a command's action and sets the exit code; never calls process.exit(), so streams flush.
import { reportError } from './errors.js';
import { dropPartialOutputs } from './signals.js';

export async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (e) {
    // An -o temp file opened before the failure is removed (the old file stays as it was).
    await dropPartialOutputs();
    process.exitCode = reportError(e);
  }
}

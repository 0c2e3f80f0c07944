// Runs a command's action and sets the exit code; never calls process.exit(), so streams flush.
import { reportError } from './errors.js';

export async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (e) {
    process.exitCode = reportError(e);
  }
}

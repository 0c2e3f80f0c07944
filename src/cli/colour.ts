// Colour on stderr: only on a terminal, and never under NO_COLOR (no-color.org), FORCE_COLOR=0 or
// --no-color. chalkStderr judges stderr itself (not stdout, which may be a file while stderr is a
// terminal) and reads FORCE_COLOR and a --no-color anywhere on the command line; NO_COLOR it does
// not read, so that is checked here.
import { chalkStderr } from 'chalk';

export function stderrColour(): boolean {
  const noColor = process.env.NO_COLOR;
  return process.stderr.isTTY === true && chalkStderr.level > 0 && (noColor === undefined || noColor === '');
}

/** `text` in red ('error') or yellow ('warning') when stderr takes colour. */
export function paint(colour: 'red' | 'yellow', text: string): string {
  return stderrColour() ? chalkStderr[colour](text) : text;
}

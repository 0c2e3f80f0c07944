// Typed errors. The core throws these; only src/cli turns them into messages and exit codes.
import { terminalSafe } from './text.js';

export const EXIT = {
  ok: 0,
  bug: 1,
  usage: 2,
  input: 3,
  kb: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface Where {
  file?: string;
  /** 1-based line number. */
  line?: number;
  /** 1-based column (tab-separated field) number. */
  column?: number;
  /** The offending text, shown shortened. */
  text?: string;
}

export class VcfactError extends Error {
  readonly exitCode: ExitCode;
  readonly code: string;
  readonly where: Where;

  constructor(code: string, message: string, exitCode: ExitCode, where: Where = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.where = where;
  }

  /** "file:line: column N: message: 'text'" — what the user sees (terminal-safe: see describeAt). */
  describe(): string {
    return describeAt(this.message, this.where);
  }
}

/** Longest message shown: messages quote input text (a sample name, a value) inside them. */
const MESSAGE_MAX = 500;

/**
 * The one formatter of errors and warnings for stderr: "file:line: column N: message: 'text'".
 * Everything in it may come from an input (file names, sample names, GT, INFO, table cells), so each
 * part has its control characters escaped and is cut (src/text.ts).
 */
export function describeAt(message: string, where: Where): string {
  const { file, line, column, text } = where;
  let place = file === undefined ? '' : terminalSafe(file);
  if (line !== undefined) place += `${place ? ':' : 'line '}${line}`;
  let msg = place ? `${place}: ` : '';
  if (column !== undefined) msg += `column ${column}: `;
  msg += terminalSafe(message, MESSAGE_MAX);
  if (text !== undefined) msg += `: '${terminalSafe(text)}'`;
  return msg;
}

/** Exit 2: options, arguments, configuration. */
export class UsageError extends VcfactError {
  constructor(message: string, where: Where = {}, cause?: unknown) {
    super('usage', message, EXIT.usage, where, cause);
  }
}

/** Exit 3: unreadable, truncated or malformed input. */
export class InputError extends VcfactError {
  constructor(message: string, where: Where = {}, cause?: unknown) {
    super('input', message, EXIT.input, where, cause);
  }
}

/** Exit 4: the knowledge base or a user table is missing, corrupt or inconsistent. */
export class KbError extends VcfactError {
  constructor(message: string, where: Where = {}, cause?: unknown) {
    super('kb', message, EXIT.kb, where, cause);
  }
}

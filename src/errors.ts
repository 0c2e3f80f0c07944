// Typed errors. The core throws these; only src/cli turns them into messages and exit codes.

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

  /** "file:line: column N: message: `text`" — what the user sees. */
  describe(): string {
    const { file, line, column, text } = this.where;
    let place = file ?? '';
    if (line !== undefined) place += `${place ? ':' : 'line '}${line}`;
    let msg = place ? `${place}: ` : '';
    if (column !== undefined) msg += `column ${column}: `;
    msg += this.message;
    if (text !== undefined) msg += `: '${shorten(text)}'`;
    return msg;
  }
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

export function shorten(text: string, max = 80): string {
  // Binary input must not reach the terminal raw: control and non-text characters become \xNN.
  const flat = text
    .replace(/\t/g, '\\t')
    .replace(/\r?\n/g, '\\n')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0').slice(-2)}`);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

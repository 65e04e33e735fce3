/** What a CLI command needs from the process, injectable so tests run commands in process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads standard input whole (only `report -` uses it). */
  readStdin(): Promise<string>;
  /** Whether stdout is a terminal (progress bars, colours). */
  isTty: boolean;
}

/** A usage or input error: printed as one clear line, exit code `code`, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

export type Command = (argv: string[], io: CliIo) => Promise<number>;

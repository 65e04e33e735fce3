/** What the CLI needs from the process, injectable so tests run commands in process. */
export interface OutputStream {
  /** Resolves when the stream can take more (backpressure). */
  write(data: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** The reader went away (a closed pipe, as with `| head`): the run may stop. */
  readonly gone: boolean;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (the progress bar is drawn only there). */
  stderrIsTty: boolean;
  readFile(path: string): Promise<string>;
  isFile(path: string): boolean;
  /** Opens FILE for writing, or standard output for "-". */
  openOutput(target: string): OutputStream;
  /** Wall clock in ms (monotonic). */
  now(): number;
  /** Registers a Ctrl-C handler; returns its remover. */
  onInterrupt(handler: () => void): () => void;
}

/** A usage or input error: printed as one clear line (or list), exit code `code`, never a stack trace. The
 * workspace's shared one, so the shared flag parser's errors are caught as this command's own. */
export { CliError } from '@wallboard/metrics/cli-args';

export type Command = (argv: string[], io: CliIo) => Promise<number>;

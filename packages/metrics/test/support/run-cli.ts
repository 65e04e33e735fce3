/** Runs the wallboard-metrics CLI in process with a fake CliIo, capturing its output and exit code. */
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli.js';

export async function runCli(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    isTty: false,
    readStdin: async () => stdin,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

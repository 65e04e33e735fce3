/** A scenario argument: a JSON file, or the name of a built-in scenario. */
import { BUILT_IN_NAMES, builtInScenario } from '../scenario/library.js';
import { type LoadedScenario, loadScenario } from '../scenario/load.js';
import { CliError, type CliIo } from './io.js';

export async function readScenarioArg(
  arg: string | undefined,
  io: CliIo,
): Promise<{ doc: unknown; label: string }> {
  if (arg === undefined) {
    throw new CliError(`expected a scenario: a JSON file or a built-in name (${BUILT_IN_NAMES.join(', ')})`);
  }
  if (io.isFile(arg)) {
    let text: string;
    try {
      text = await io.readFile(arg);
    } catch (err) {
      throw new CliError(`cannot read "${arg}": ${(err as Error).message}`);
    }
    try {
      return { doc: JSON.parse(text), label: arg };
    } catch (err) {
      throw new CliError(`${arg} is not valid JSON: ${(err as Error).message}`);
    }
  }
  const doc = builtInScenario(arg);
  if (doc === undefined) {
    throw new CliError(
      `no scenario file or built-in scenario named "${arg}" (built-ins: ${BUILT_IN_NAMES.join(', ')})`,
    );
  }
  return { doc, label: arg };
}

/** Loads (validates and compiles) a scenario, or fails with every problem listed, exit 2. */
export function loadOrFail(
  doc: unknown,
  label: string,
  seed: number | undefined,
): Extract<LoadedScenario, { ok: true }> {
  const loaded = loadScenario(doc, { seed });
  if (!loaded.ok) {
    const n = loaded.problems.length;
    throw new CliError(
      `${label} is not a valid scenario (${n} problem${n === 1 ? '' : 's'}):\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return loaded;
}

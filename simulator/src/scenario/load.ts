/**
 * From a scenario document (text, parsed JSON or a built-in name) to a runnable model, or the full list of
 * problems. Never throws on bad input.
 */
import { type CompiledScenario, type CompileOptions, compileScenario } from './compile.js';
import type { ScenarioInput } from './types.js';
import { validateScenario } from './validate.js';

export type LoadedScenario =
  | ({ ok: true; scenario: ScenarioInput } & CompiledScenario)
  | { ok: false; problems: string[] };

/** Validates and compiles a parsed scenario document. */
export function loadScenario(value: unknown, options: CompileOptions = {}): LoadedScenario {
  const v = validateScenario(value);
  if (!v.ok) return v;
  return { ok: true, scenario: v.scenario, ...compileScenario(v.scenario, options) };
}

/** Parses JSON text (reporting where it is broken) and loads it. */
export function loadScenarioText(text: string, options: CompileOptions = {}): LoadedScenario {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`the file is not valid JSON: ${(err as Error).message}`] };
  }
  return loadScenario(value, options);
}

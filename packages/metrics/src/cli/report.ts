/**
 * `wallboard-metrics report [FILE|-]`: an event stream, an Asterisk queue_log or call records through the
 * engine, printed as totals per scope and per interval (a table, or the report JSON with --json).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  type CdrMap,
  detectFormat,
  FormatError,
  INPUT_FORMATS,
  type InputFormat,
  parseCdrMap,
  readEvents,
} from '../formats/index.js';
import { type Report, ReportBuilder, type ReportScope } from '../report.js';
import { SL_FORMULA_LABELS } from '../types.js';
import { METRIC_FLAGS, metricFlags, parseFlags, table } from './args.js';
import { CliError, type Command } from './io.js';

/**
 * A file shipped in the package, found from this module whether it runs bundled (dist/cli.js) or from
 * source (src/cli/report.ts).
 */
function packageFile(path: string): string {
  const bundled = fileURLToPath(new URL(`../${path}`, import.meta.url));
  return existsSync(bundled) ? bundled : fileURLToPath(new URL(`../../${path}`, import.meta.url));
}

/** `report sample`: the shipped month of a bank's call center with its column map. */
const SAMPLE = {
  file: packageFile('data/anonymous-bank-1999-02.tsv'),
  map: packageFile('maps/anonymous-bank.json'),
};

const FLAGS = {
  format: { type: 'string' },
  map: { type: 'string' },
  ...METRIC_FLAGS,
  json: { type: 'boolean' },
  strict: { type: 'boolean' },
} as const;

export const report: Command = async (argv, io) => {
  const { values, positionals } = parseFlags(argv, FLAGS);
  if (positionals.length > 1)
    throw new CliError(`expected one input file, got ${positionals.length}: ${positionals.join(' ')}`);
  let file = positionals[0] ?? '-';
  const shownAs =
    file === '-' ? 'stdin' : file === 'sample' ? 'sample (anonymous bank, February 1999)' : file;
  let mapFile = values.map as string | undefined;
  if (file === 'sample') {
    file = SAMPLE.file;
    mapFile ??= SAMPLE.map;
  }

  const text = file === '-' ? await io.readStdin() : await readText(file, 'input file');
  const format = resolveFormat(values.format as string | undefined, text, file, mapFile);
  const map = format === 'cdr' ? await readMap(mapFile) : undefined;

  // Absent flags take the engine's defaults (30-minute intervals, 80/20, short abandons under 5 s).
  const metrics = metricFlags(values);
  const timeZone = metrics.timeZone ?? map?.timeZone ?? 'UTC';

  let read: ReturnType<typeof readEvents>;
  try {
    read = readEvents(text, { format, map });
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
  let builder: ReportBuilder;
  try {
    builder = new ReportBuilder({ ...metrics, timeZone });
  } catch (err) {
    if (err instanceof RangeError) throw new CliError(err.message);
    throw err;
  }
  // --strict names the first bad line of the file, whichever noticed it: the reader (a line that is
  // no event) or the engine (an event it rejects, found by the line the reader read it from).
  let firstBad: { line: number; reason: string; detail: string } | undefined;
  const bad = (line: number, reason: string, detail: string) => {
    if (!firstBad || line < firstBad.line) firstBad = { line, reason, detail };
  };
  for (const b of read.bad) {
    builder.rejectLine(b.reason);
    bad(b.line, b.reason, b.detail);
  }
  builder.onRejected(bad);
  for (let i = 0; i < read.events.length; i++) builder.push(read.events[i], read.lines[i]);
  const result = builder.result();
  if (values.strict && firstBad) {
    io.stderr(
      `wallboard-metrics report: ${shownAs} line ${firstBad.line}: ${firstBad.reason}: ${firstBad.detail}\n`,
    );
    return 1;
  }
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ ...result, diagnostics: { ...result.diagnostics, ignored: read.ignored } }, null, 2)}\n`,
    );
  } else {
    io.stdout(formatReport(result, shownAs, read.ignored));
  }
  return 0;
};

function displayName(file: string): string {
  return file === '-' ? 'stdin' : file;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    throw new CliError(`cannot read ${what} "${file}": ${why}`);
  }
}

function resolveFormat(
  flag: string | undefined,
  text: string,
  file: string,
  mapFile: string | undefined,
): InputFormat {
  if (flag !== undefined) {
    if (!INPUT_FORMATS.includes(flag as InputFormat)) {
      throw new CliError(`--format must be one of ${INPUT_FORMATS.join(', ')}, got "${flag}"`);
    }
    return flag as InputFormat;
  }
  if (mapFile) return 'cdr';
  const guess = detectFormat(text, file === '-' ? undefined : file);
  if (!guess)
    throw new CliError(
      `cannot tell the format of ${displayName(file)}: pass --format ${INPUT_FORMATS.join('|')}`,
    );
  return guess;
}

async function readMap(mapFile: string | undefined): Promise<CdrMap> {
  if (!mapFile) throw new CliError('--format cdr needs --map FILE (a JSON column map; see docs/formats.md)');
  const text = await readText(mapFile, 'column map');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`column map "${mapFile}" is not valid JSON: ${(err as Error).message}`);
  }
  try {
    return parseCdrMap(json);
  } catch (err) {
    throw new CliError(`column map "${mapFile}": ${(err as Error).message}`);
  }
}

const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);
const secs = (v: number | null) => (v === null ? '-' : v.toFixed(1));

function scopeRow(name: string, s: ReportScope | Report['intervals'][number]['scopes'][string]) {
  return [
    name,
    s.offered,
    s.answered,
    s.abandoned,
    s.shortAbandoned,
    s.overflowed,
    pct(s.serviceLevel),
    secs(s.asaSec),
    secs(s.ataSec),
    secs(s.ahtSec),
    pct(s.abandonRate),
  ];
}

const HEADER = [
  '',
  'offered',
  'answered',
  'abandoned',
  'short',
  'overflow',
  'SL',
  'ASA s',
  'ATA s',
  'AHT s',
  'aband.',
];

/** The readable report: settings, totals per scope, then every interval of the whole center. */
export function formatReport(r: Report, source: string, ignored: number): string {
  const s = r.settings;
  const pctTarget = Math.round(s.slTarget * 100);
  const lines = [
    `${source}: ${r.diagnostics.accepted} events accepted, ${r.diagnostics.rejected} rejected, ${ignored} lines ignored`,
    `SL ${pctTarget}/${s.slThresholdSec}, ${SL_FORMULA_LABELS[s.slFormula]}; short abandons under ${s.shortAbandonSec} s left out; ${s.timeZone}, ${s.intervalMin}-minute intervals`,
    '',
  ];
  if (r.diagnostics.rejected > 0) {
    lines.push(
      `rejected by reason: ${Object.entries(r.diagnostics.reasons)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
      '',
    );
  }
  const keys = Object.keys(r.scopes).sort((a, b) =>
    a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b),
  );
  lines.push(table([HEADER, ...keys.map((k) => scopeRow(k, r.scopes[k]))]));
  const rows = r.intervals.filter((i) => i.scopes.all).map((i) => scopeRow(i.label, i.scopes.all));
  if (rows.length > 0) lines.push('per interval (all)', table([HEADER, ...rows]));
  return `${lines.join('\n')}\n`;
}

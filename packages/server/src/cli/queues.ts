/**
 * The queue configuration file (`--queues FILE`): a JSON object mapping each queue id to its settings,
 * handed to the metrics engine's `queues` option and used to pre-seed queue ownership, so a
 * `partner:ID` token sees its queues even when the source never names a partner (an Asterisk queue_log):
 *   {"billing-en": {"partner": "acme", "name": "Billing (EN)"}, "sales": {"slThresholdSec": 30}}
 * Every problem is reported with the path of the bad value (`queues.json: "billing-en".partner ...`).
 */
import type { QueueConfig } from '@wallboard/metrics';

export class QueueFileError extends Error {}

const KEYS = ['partner', 'name', 'slThresholdSec', 'slTarget'] as const;

/** Parses and validates the queue file's JSON text. */
export function parseQueues(text: string, fileName = 'queues file'): Record<string, QueueConfig> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new QueueFileError(`${fileName} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new QueueFileError(
      `${fileName} must be a JSON object mapping each queue id to its settings, e.g. {"billing-en": {"partner": "acme"}}`,
    );
  const out: Record<string, QueueConfig> = {};
  for (const [queue, cfg] of Object.entries(value)) {
    const at = `${fileName}: ${JSON.stringify(queue)}`;
    if (queue.trim() === '' || queue.length > 200)
      throw new QueueFileError(`${at}: a queue id must be 1 to 200 characters`);
    if (typeof cfg !== 'object' || cfg === null || Array.isArray(cfg))
      throw new QueueFileError(`${at} must be an object such as {"partner": "acme", "name": "Billing"}`);
    const c = cfg as Record<string, unknown>;
    for (const k of Object.keys(c)) {
      if (!(KEYS as readonly string[]).includes(k))
        throw new QueueFileError(`${at}.${k}: unknown setting (expected ${KEYS.join(', ')})`);
    }
    const q: QueueConfig = {};
    for (const k of ['partner', 'name'] as const) {
      const v = c[k];
      if (v === undefined) continue;
      if (typeof v !== 'string' || v.trim() === '' || v.length > 200)
        throw new QueueFileError(`${at}.${k} must be a non-empty string, got ${JSON.stringify(v)}`);
      q[k] = v;
    }
    const num = (k: 'slThresholdSec' | 'slTarget', min: number, max: number) => {
      const v = c[k];
      if (v === undefined) return;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
        throw new QueueFileError(
          `${at}.${k} must be a number from ${min} to ${max}, got ${JSON.stringify(v)}`,
        );
      q[k] = v;
    };
    num('slThresholdSec', 0, 3600);
    num('slTarget', 0, 1);
    out[queue] = q;
  }
  return out;
}

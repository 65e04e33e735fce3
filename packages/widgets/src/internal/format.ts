/**
 * Cached Intl formatters keyed by locale and options: a board of 48 widgets updating ten times a second
 * must not build formatters per render. An unknown locale falls back to the browser's default instead
 * of throwing out of render().
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(
  cache: Map<string, F>,
  locale: string | undefined,
  options: object,
  make: (l?: string) => F,
): F {
  const key = `${locale ?? ''}\u0000${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = make(locale || undefined);
    } catch {
      // A bad locale tag (from an attribute) must not break the widget: use the default locale.
      format = make(undefined);
    }
    cache.set(key, format);
  }
  return format;
}

export function numberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  return cached(numberFormats, locale, options, (l) => new Intl.NumberFormat(l, options));
}

/** A fraction (0.82) as a percent ("82%"), `digits` fraction digits at most. */
export function formatPercent(locale: string | undefined, fraction: number, digits = 0): string {
  return percentFormat(locale, digits).format(fraction);
}

export function percentFormat(locale: string | undefined, digits = 0): Intl.NumberFormat {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits });
}

export function formatCount(locale: string | undefined, value: number, digits = 0): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/**
 * A duration in seconds. `digital` is the compact board form ("1:05", "1:02:03"); `long` is for
 * screen readers ("1 minute, 5 seconds"). Whole seconds: a wallboard never shows fractions of a second.
 */
export function formatDuration(
  locale: string | undefined,
  seconds: number,
  style: 'digital' | 'long' = 'digital',
): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (style === 'digital') {
    const two = numberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
    const one = numberFormat(locale, { useGrouping: false });
    return h > 0 ? `${one.format(h)}:${two.format(m)}:${two.format(s)}` : `${one.format(m)}:${two.format(s)}`;
  }
  const parts: string[] = [];
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  if (h > 0) parts.push(unit(h, 'hour'));
  if (m > 0) parts.push(unit(m, 'minute'));
  if (s > 0 || parts.length === 0) parts.push(unit(s, 'second'));
  return listFormat(locale).format(parts);
}

const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(locale: string | undefined): Intl.ListFormat {
  return cached(listFormats, locale, {}, (l) => new Intl.ListFormat(l, { style: 'long', type: 'unit' }));
}

export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return cached(dateFormats, locale, options, (l) => new Intl.DateTimeFormat(l, options));
}

/** True when `zone` is an IANA time zone this browser knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The date layouts a bank's export may use; `ISO` is YYYY-MM-DD (a time after a space or T is allowed). */
export const DATE_FORMATS = ['ISO', 'M/D/YYYY', 'D/M/YYYY', 'D.M.YYYY', 'YYYY/M/D'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const LAYOUTS: Readonly<
  Record<DateFormat, { pattern: RegExp; order: readonly ('year' | 'month' | 'day')[] }>
> = {
  ISO: { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})/, order: ['year', 'month', 'day'] },
  'M/D/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})/, order: ['month', 'day', 'year'] },
  'D/M/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})/, order: ['day', 'month', 'year'] },
  'D.M.YYYY': { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})/, order: ['day', 'month', 'year'] },
  'YYYY/M/D': { pattern: /^(\d{4})\/(\d{1,2})\/(\d{1,2})/, order: ['year', 'month', 'day'] },
};

const TIME = /^(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

/** A calendar date (and optional time of day) read from a bank's text. */
export interface ParsedDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS, 00:00:00 when the text has no time. */
  time: string;
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * Reads `text` in `format`; undefined when it does not fit or names no real day (2/30/2023).
 * @example parseBankDate('6/15/2023', 'M/D/YYYY') // { date: '2023-06-15', time: '00:00:00' }
 */
export function parseBankDate(text: string, format: DateFormat): ParsedDate | undefined {
  const trimmed = text.trim();
  const layout = LAYOUTS[format];
  const match = layout.pattern.exec(trimmed);
  if (!match) return undefined;
  const parts: Record<'year' | 'month' | 'day', number> = { year: 0, month: 0, day: 0 };
  layout.order.forEach((part, index) => {
    parts[part] = Number(match[index + 1]);
  });
  const time = TIME.exec(trimmed.slice(match[0].length));
  const rest = trimmed.slice(match[0].length + (time?.[0].length ?? 0));
  // ISO timestamps may carry seconds' fractions and an offset; other layouts must end here.
  if (rest !== '' && !(format === 'ISO' && /^(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/.test(rest)))
    return undefined;
  const day = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (
    day.getUTCFullYear() !== parts.year ||
    day.getUTCMonth() !== parts.month - 1 ||
    day.getUTCDate() !== parts.day
  ) {
    return undefined;
  }
  const [hours, minutes, seconds] = [time?.[1], time?.[2], time?.[3]].map((value) => Number(value ?? 0));
  if ((hours ?? 0) > 23 || (minutes ?? 0) > 59 || (seconds ?? 0) > 59) return undefined;
  return {
    date: `${parts.year}-${two(parts.month)}-${two(parts.day)}`,
    time: `${two(hours ?? 0)}:${two(minutes ?? 0)}:${two(seconds ?? 0)}`,
  };
}

/** The layouts a set of sample values fits (for `mapping:init`): D/M wins over M/D only when a first part exceeds 12. */
export function guessDateFormat(samples: readonly string[]): DateFormat | undefined {
  const values = samples.filter((sample) => sample.trim() !== '');
  if (values.length === 0) return undefined;
  return DATE_FORMATS.find((format) => values.every((value) => parseBankDate(value, format) !== undefined));
}

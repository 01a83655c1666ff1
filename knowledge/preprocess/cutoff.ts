import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';

/**
 * A point in time that splits history into "before" (what the model may learn from) and
 * "on or after" (what it is tested on). Dates compare as calendar days; post timestamps compare as
 * instants against midnight UTC of the cutoff day, so offsets like -05:00 are honoured.
 */
export interface Cutoff {
  /** The cutoff day, YYYY-MM-DD. */
  date: string;
  /** Midnight UTC at the start of that day, in epoch milliseconds. */
  instant: number;
}

const CutoffDate = z.iso.date();

/** Parses a YYYY-MM-DD cutoff; anything else is an INVALID_INPUT error naming the value. */
export function parseCutoff(date: string): Cutoff {
  if (!CutoffDate.safeParse(date).success) {
    throw new KnowledgeError('INVALID_INPUT', `Invalid cutoff date "${date}": expected YYYY-MM-DD`);
  }
  return { date, instant: Date.parse(`${date}T00:00:00Z`) };
}

/** Whether a YYYY-MM-DD date (a transaction or adoption) falls strictly before the cutoff. */
export function isDateBefore(date: string, cutoff: Cutoff): boolean {
  return date < cutoff.date;
}

/** Whether an ISO timestamp with offset (a post) falls strictly before the cutoff. */
export function isTimestampBefore(timestamp: string, cutoff: Cutoff): boolean {
  return Date.parse(timestamp) < cutoff.instant;
}

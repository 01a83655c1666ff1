/**
 * The fixed calendar of the synthetic dataset. It never reads the clock, so the same seed gives
 * the same dates on any day the generator runs.
 */

/** First day covered by the data (inclusive). */
export const DATA_START = '2025-01-01';
/** Last day covered by the data (inclusive); customers.csv is a snapshot taken on this day. */
export const DATA_END = '2026-06-30';
/** Time-based train/test cut-off: events on or after this day are held out for evaluation. */
export const SPLIT_DATE = '2026-01-01';

const MS_PER_DAY = 86_400_000;
const START_MS = Date.parse(`${DATA_START}T00:00:00Z`);

/** Number of days in the timeline, DATA_START and DATA_END included. */
export const TIMELINE_DAYS = (Date.parse(`${DATA_END}T00:00:00Z`) - START_MS) / MS_PER_DAY + 1;

/** ISO dates of every day of the timeline, precomputed because formatting dates is the hot path. */
const ISO_DATES: readonly string[] = Array.from({ length: TIMELINE_DAYS }, (_, day) =>
  new Date(START_MS + day * MS_PER_DAY).toISOString().slice(0, 10),
);

/** Calendar months of the timeline: the day index of each month's first day and its length. */
export const TIMELINE_MONTHS: readonly { firstDay: number; days: number; calendarMonth: number }[] = (() => {
  const months: { firstDay: number; days: number; calendarMonth: number }[] = [];
  ISO_DATES.forEach((date, day) => {
    const calendarMonth = Number(date.slice(5, 7));
    const current = months[months.length - 1];
    if (current === undefined || current.calendarMonth !== calendarMonth) {
      months.push({ firstDay: day, days: 1, calendarMonth });
    } else {
      current.days += 1;
    }
  });
  return months;
})();

/** The ISO date (YYYY-MM-DD) of a day index, 0 being DATA_START. */
export function isoDateOfDay(day: number): string {
  const date = ISO_DATES[day];
  if (date === undefined) throw new RangeError(`day ${day} is outside the timeline (0…${TIMELINE_DAYS - 1})`);
  return date;
}

const DAY_OF_DATE = new Map(ISO_DATES.map((date, day) => [date, day]));

/** The day index of an ISO date (0 being DATA_START); may fall outside the timeline. */
export function dayOfIsoDate(date: string): number {
  return DAY_OF_DATE.get(date) ?? Math.round((Date.parse(`${date}T00:00:00Z`) - START_MS) / MS_PER_DAY);
}

/** The day index of SPLIT_DATE: adoptions on this day or later belong to the held-out set. */
export const SPLIT_DAY = dayOfIsoDate(SPLIT_DATE);

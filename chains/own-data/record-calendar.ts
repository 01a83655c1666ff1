import type { PeriodRequest } from './own-data-question.ts';

/** Months since year 0 of a YYYY-MM[-DD] text. */
export function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** What the customer's records cover: whole months from `firstMonth` to the month of `asOf`. */
export interface RecordSpan {
  /** Month number of the first month with spending. */
  first: number;
  /** Month number of the month `asOf` falls in. */
  last: number;
  /** YYYY-MM-DD the records run to. */
  asOf: string;
  /** Whether `asOf` is the last day of its month (so its month is complete). */
  lastIsComplete: boolean;
}

/** Why the period answered differs from the one asked, so the reply can say so. */
export type PeriodAdjustment =
  /** "last month" is after the records end: the latest full month is answered. */
  | 'latest_full_month'
  /** "this month" is after the records end: the latest month is answered. */
  | 'latest_month'
  /** "this year" is after the records end: the records' last year is answered. */
  | 'latest_year'
  /** Weeks are not kept: the latest month is answered instead. */
  | 'no_weeks';

/** A period placed on the records' calendar. */
export type ResolvedPeriod =
  | {
      kind: 'months';
      /** Month numbers, inclusive. */
      from: number;
      to: number;
      /** A calendar year was asked for (reads "in 2025"). */
      year: number | null;
      adjustment: PeriodAdjustment | null;
      /** The period was cut to start where the records start. */
      cutAtStart: boolean;
      /** The period runs into the month `asOf` falls in, and that month is incomplete or the period was cut there. */
      endsAtAsOf: boolean;
      /** No period was asked: the default window (the last 12 months of records). */
      isDefault: boolean;
    }
  | { kind: 'outside'; from: number; to: number; year: number | null };

/** Months in the default window when a question names no period. */
export const DEFAULT_WINDOW_MONTHS = 12;

/** The span of a record's spending history; null when it has no transactions. */
export function recordSpan(firstMonth: string | null, asOf: string | null): RecordSpan | null {
  if (firstMonth === null || asOf === null) return null;
  const [year, month, day] = asOf.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year ?? 0, month ?? 1, 0)).getUTCDate();
  return { first: monthNumber(firstMonth), last: monthNumber(asOf), asOf, lastIsComplete: day === lastDay };
}

/**
 * Places a requested period on the records' calendar. Relative periods ("last month", "this year") are read
 * from `now` but moved back to the latest data when they fall after the records end (and say so); named
 * periods ("March 2025") outside the records come back as `outside`.
 */
export function resolvePeriod(request: PeriodRequest | null, span: RecordSpan, now: Date): ResolvedPeriod {
  const nowMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const latestFull = span.lastIsComplete ? span.last : span.last - 1;
  let from: number;
  let to: number;
  let year: number | null = null;
  let adjustment: PeriodAdjustment | null = null;
  switch (request?.kind) {
    case undefined: {
      to = latestFull >= span.first ? latestFull : span.last;
      from = to - DEFAULT_WINDOW_MONTHS + 1;
      break;
    }
    case 'last_month': {
      from = to = nowMonth - 1;
      if (from > latestFull) {
        from = to = latestFull;
        adjustment = 'latest_full_month';
      }
      break;
    }
    case 'this_month':
    case 'week': {
      from = to = nowMonth;
      if (from > span.last) from = to = span.last;
      if (request.kind === 'week') adjustment = 'no_weeks';
      else if (nowMonth > span.last) adjustment = 'latest_month';
      break;
    }
    case 'last_months': {
      to = nowMonth - 1;
      if (to > latestFull) {
        to = latestFull;
        adjustment = 'latest_full_month';
      }
      from = to - request.count + 1;
      break;
    }
    case 'month': {
      if (request.year !== null) {
        from = to = request.year * 12 + request.month - 1;
      } else {
        // The most recent such month that is neither in the future nor after the records end.
        const latest = Math.min(nowMonth, span.last);
        const candidate = Math.floor(latest / 12) * 12 + request.month - 1;
        from = to = candidate > latest ? candidate - 12 : candidate;
      }
      break;
    }
    case 'this_year':
    case 'last_year':
    case 'year': {
      year =
        request.kind === 'year'
          ? request.year
          : now.getUTCFullYear() - (request.kind === 'last_year' ? 1 : 0);
      if (request.kind === 'this_year' && year * 12 > span.last) {
        year = Math.floor(span.last / 12);
        adjustment = 'latest_year';
      }
      from = year * 12;
      // "This year" ends today, not in December.
      to = request.kind === 'this_year' && adjustment === null ? Math.min(from + 11, nowMonth) : from + 11;
      break;
    }
  }
  if (to < span.first || from > span.last) return { kind: 'outside', from, to, year };
  const cutAtStart = from < span.first;
  const cutAtEnd = to > span.last;
  return {
    kind: 'months',
    from: Math.max(from, span.first),
    to: Math.min(to, span.last),
    year,
    adjustment,
    cutAtStart: cutAtStart && request !== null,
    endsAtAsOf: cutAtEnd || (Math.min(to, span.last) === span.last && !span.lastIsComplete),
    isDefault: request === null,
  };
}

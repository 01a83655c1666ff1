import type { AudienceVoice } from '../compose/audience-voice.ts';
import type { FigureText } from './figure-text.ts';
import type { RecordSpan, ResolvedPeriod } from './record-calendar.ts';

type MonthsPeriod = Extract<ResolvedPeriod, { kind: 'months' }>;

/**
 * The opening of a sentence naming the period answered, ending in a comma: "In June 2026, the latest full
 * month in your records,". Whenever the period differs from the one asked, the phrase says how.
 */
export function periodLead(
  period: MonthsPeriod,
  span: RecordSpan,
  voice: AudienceVoice,
  writer: FigureText,
): string {
  const records = `${voice.possessive} records`;
  const months = period.to - period.from + 1;
  const range = `${writer.month(period.from)} to ${writer.month(period.to)}`;
  let lead: string;
  if (period.isDefault) lead = `Over the last ${writer.count(months)} months of ${records} (${range})`;
  else if (months === 1) lead = `In ${writer.month(period.from)}`;
  else if (period.year !== null) {
    const wholeYear = period.from === period.year * 12 && period.to === period.year * 12 + 11;
    lead = `In ${writer.year(period.year)}`;
    if (!wholeYear && !period.endsAtAsOf && !period.cutAtStart) lead += ` (${range})`;
  } else lead = `From ${range}`;
  if (period.adjustment === 'latest_full_month') {
    lead += months === 1 ? `, the latest full month in ${records}` : `, the latest full months in ${records}`;
  } else if (period.adjustment === 'latest_month' || period.adjustment === 'no_weeks') {
    lead += `, the latest month in ${records}`;
  } else if (period.adjustment === 'latest_year') {
    lead += `, the latest year in ${records}`;
  }
  if (period.endsAtAsOf) lead += ` (up to ${writer.date(span.asOf)}, where ${records} end)`;
  if (period.cutAtStart) lead += ` (${records} start in ${writer.month(span.first)})`;
  const preface =
    period.adjustment === 'no_weeks'
      ? `Spending is kept as monthly totals, so I can't single out a week. `
      : '';
  return `${preface}${lead},`;
}

/** "There are no transactions for March 2024 in your records: they cover January 2025 to 30 June 2026." */
export function outsideRecords(
  period: Extract<ResolvedPeriod, { kind: 'outside' }>,
  span: RecordSpan,
  voice: AudienceVoice,
  writer: FigureText,
): string {
  const asked =
    period.year !== null
      ? writer.year(period.year)
      : period.from === period.to
        ? writer.month(period.from)
        : `${writer.month(period.from)} to ${writer.month(period.to)}`;
  return `There are no transactions for ${asked} in ${voice.possessive} records: they cover ${writer.month(span.first)} to ${writer.date(span.asOf)}.`;
}

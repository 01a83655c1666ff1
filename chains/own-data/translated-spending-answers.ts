import type { SpendCategory } from '../../knowledge/schemas.ts';
import { joinWords } from './figure-text.ts';
import type { RecordSpan, ResolvedPeriod } from './record-calendar.ts';
import type { HistoryAnswerInput } from './spending-answers.ts';
import { centsByCategory, centsSpent } from './spending-totals.ts';
import {
  categoryName,
  type TranslatedReader,
  type TranslatedVoice,
  translatedVoice,
} from './translated-voice.ts';

type MonthsPeriod = Extract<ResolvedPeriod, { kind: 'months' }>;

/** How many categories a total names as its largest parts (as in English). */
const LARGEST_PARTS = 3;

/** What a translated answer needs beyond the English one's input: the language and who reads it. */
export interface TranslatedAnswerInput extends HistoryAnswerInput, TranslatedReader {}

/**
 * "Im Juni 2026 (dem letzten vollständigen Monat Ihrer Daten) haben Sie $412.30 für Restaurants und Cafés
 * ausgegeben." — the English answerSpending in German or Spanish, the same figures in the same format.
 */
export function answerSpendingTranslated(
  input: TranslatedAnswerInput,
  categories: readonly SpendCategory[],
): string {
  const { history, span, period, writer, language } = input;
  const voice = translatedVoice(input);
  if (period.kind === 'outside') return outsideRecordsTranslated(input, period);
  const lead = periodLeadTranslated(input, period, span, voice);
  const name = (category: SpendCategory) => categoryName(language, category);
  const join = (words: readonly string[]) => joinWords(words, language);
  const months = period.to - period.from + 1;
  const average = (cents: number): string =>
    months <= 1
      ? ''
      : language === 'de'
        ? `, im Schnitt ${writer.money(cents / 100 / months)} pro Monat`
        : `, ${writer.money(cents / 100 / months)} al mes de media`;
  const de = language === 'de';
  if (categories.length === 0) {
    const byCategory = [...centsByCategory(history, period.from, period.to)].sort((a, b) => b[1] - a[1]);
    const total = byCategory.reduce((sum, [, cents]) => sum + cents, 0);
    if (total === 0)
      return de
        ? `${lead} ${voice.subject} keine erfassten Ausgaben.`
        : `${lead} ${voice.subject} no tuvo gastos registrados.`;
    const parts = join(
      byCategory
        .slice(0, LARGEST_PARTS)
        .map(([category, cents]) => `${name(category)} (${writer.money(cents / 100)})`),
    );
    const spent = writer.money(total / 100);
    return de
      ? `${lead} ${voice.subject} insgesamt ${spent} ausgegeben${average(total)}. Die größten Posten waren ${parts}.`
      : `${lead} ${voice.subject} gastó ${spent} en total${average(total)}. Las partidas más grandes fueron ${parts}.`;
  }
  const amounts = categories.map((category) => ({
    category,
    cents: centsSpent(history, period.from, period.to, [category]),
  }));
  if (amounts.every((amount) => amount.cents === 0)) {
    const named = join(categories.map(name));
    return de
      ? `${lead} ${voice.subject} nichts für ${named} ausgegeben.`
      : `${lead} ${voice.subject} no gastó nada en ${named}.`;
  }
  const preposition = de ? 'für' : 'en';
  if (amounts.length === 1) {
    const cents = amounts[0]?.cents ?? 0;
    const spent = `${writer.money(cents / 100)} ${preposition} ${name(categories[0] ?? 'shopping')}`;
    return de
      ? `${lead} ${voice.subject} ${spent} ausgegeben${average(cents)}.`
      : `${lead} ${voice.subject} gastó ${spent}${average(cents)}.`;
  }
  const total = amounts.reduce((sum, amount) => sum + amount.cents, 0);
  const parts = join(
    amounts.map((amount) => `${writer.money(amount.cents / 100)} ${preposition} ${name(amount.category)}`),
  );
  const together = writer.money(total / 100);
  return de
    ? `${lead} ${voice.subject} ${parts} ausgegeben: zusammen ${together}${average(total)}.`
    : `${lead} ${voice.subject} gastó ${parts}: ${together} en total${average(total)}.`;
}

/** The English answerBreakdown in German or Spanish: the categories of a period, largest first, with their share. */
export function answerBreakdownTranslated(input: TranslatedAnswerInput): string {
  const { history, span, period, writer, language } = input;
  const voice = translatedVoice(input);
  if (period.kind === 'outside') return outsideRecordsTranslated(input, period);
  const lead = periodLeadTranslated(input, period, span, voice);
  const byCategory = [...centsByCategory(history, period.from, period.to)].sort((a, b) => b[1] - a[1]);
  const total = byCategory.reduce((sum, [, cents]) => sum + cents, 0);
  const de = language === 'de';
  if (total === 0)
    return de
      ? `${lead} ${voice.subject} keine erfassten Ausgaben.`
      : `${lead} ${voice.subject} no tuvo gastos registrados.`;
  const parts = joinWords(
    byCategory
      .slice(0, 5)
      .map(
        ([category, cents]) =>
          `${categoryName(language, category)} ${writer.money(cents / 100)} (${writer.percent((100 * cents) / total)})`,
      ),
    language,
  );
  const spent = writer.money(total / 100);
  return de
    ? `${lead} ${voice.subject} ${spent} ausgegeben. Die größten Kategorien waren ${parts}.`
    : `${lead} ${voice.subject} gastó ${spent}. Las categorías más grandes fueron ${parts}.`;
}

/** "Im Juni 2026 (dem letzten vollständigen Monat Ihrer Daten)" / "En junio de 2026, el último mes completo de sus registros,". */
export function periodLeadTranslated(
  input: TranslatedAnswerInput,
  period: MonthsPeriod,
  span: RecordSpan,
  voice: TranslatedVoice,
): string {
  const { writer, language } = input;
  const de = language === 'de';
  const months = period.to - period.from + 1;
  const range = de
    ? `${writer.month(period.from)} bis ${writer.month(period.to)}`
    : `${writer.month(period.from)} a ${writer.month(period.to)}`;
  let lead: string;
  if (period.isDefault) {
    lead = de
      ? `In den letzten ${writer.count(months)} Monaten ${voice.records} (${range})`
      : `En los últimos ${writer.count(months)} meses de ${voice.records} (${range})`;
  } else if (months === 1) lead = `${de ? 'Im' : 'En'} ${writer.month(period.from)}`;
  else if (period.year !== null) {
    const wholeYear = period.from === period.year * 12 && period.to === period.year * 12 + 11;
    lead = `${de ? 'Im Jahr' : 'En'} ${writer.year(period.year)}`;
    if (!wholeYear && !period.endsAtAsOf && !period.cutAtStart) lead += ` (${range})`;
  } else lead = `${de ? 'Von' : 'De'} ${range}`;
  const asides: string[] = [];
  const adjustment = period.adjustment;
  if (adjustment === 'latest_full_month') {
    asides.push(
      de
        ? months === 1
          ? `dem letzten vollständigen Monat ${voice.records}`
          : `den letzten vollständigen Monaten ${voice.records}`
        : months === 1
          ? `el último mes completo de ${voice.records}`
          : `los últimos meses completos de ${voice.records}`,
    );
  } else if (adjustment === 'latest_month' || adjustment === 'no_weeks') {
    asides.push(de ? `dem letzten Monat ${voice.records}` : `el último mes de ${voice.records}`);
  } else if (adjustment === 'latest_year') {
    asides.push(de ? `dem letzten Jahr ${voice.records}` : `el último año de ${voice.records}`);
  }
  if (period.endsAtAsOf) {
    asides.push(
      de
        ? `bis ${writer.date(span.asOf)}, dem Ende ${voice.records}`
        : `hasta el ${writer.date(span.asOf)}, donde terminan ${voice.records}`,
    );
  }
  if (period.cutAtStart) {
    asides.push(
      de
        ? `${voice.recordsSubject} beginnen im ${writer.month(span.first)}`
        : `${voice.recordsSubject} empiezan en ${writer.month(span.first)}`,
    );
  }
  const preface =
    adjustment === 'no_weeks'
      ? de
        ? 'Ausgaben werden als Monatssummen gespeichert, daher kann ich keine einzelne Woche herausgreifen. '
        : 'El gasto se guarda en totales mensuales, así que no puedo separar una semana. '
      : '';
  // German puts the asides in brackets before the verb; Spanish sets them off with commas as English does.
  const withAsides =
    asides.length === 0 ? lead : de ? `${lead} (${asides.join('; ')})` : `${lead}, ${asides.join(', ')}`;
  return `${preface}${withAsides}${de ? '' : ','}`;
}

/** "Für 2024 gibt es in Ihren Daten keine Umsätze: …" / "No hay movimientos de 2024 en sus registros: …". */
export function outsideRecordsTranslated(
  input: TranslatedAnswerInput,
  period: Extract<ResolvedPeriod, { kind: 'outside' }>,
): string {
  const { writer, language, span } = input;
  const voice = translatedVoice(input);
  const de = language === 'de';
  const asked =
    period.year !== null
      ? writer.year(period.year)
      : period.from === period.to
        ? writer.month(period.from)
        : `${writer.month(period.from)} ${de ? 'bis' : 'a'} ${writer.month(period.to)}`;
  const covered = `${writer.month(span.first)} ${de ? 'bis' : 'a'} ${writer.date(span.asOf)}`;
  return de
    ? `Für ${asked} gibt es in ${voice.recordsDative} keine Umsätze: Die Daten reichen von ${covered}.`
    : `No hay movimientos de ${asked} en ${voice.records}: cubren de ${covered}.`;
}

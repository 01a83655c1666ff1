import type { ProfileRecord } from '../../knowledge/index.ts';
import { PAYMENTS_PER_YEAR } from '../../knowledge/preprocess/index.ts';
import { type FigureText, joinWords } from './figure-text.ts';
import { centsSpent } from './spending-totals.ts';
import type { TranslatedAnswerInput } from './translated-spending-answers.ts';
import { outsideRecordsTranslated, periodLeadTranslated } from './translated-spending-answers.ts';
import {
  cadenceName,
  capitalised,
  categoryName,
  type TranslatedReader,
  translatedVoice,
} from './translated-voice.ts';

/** The English answerRecurring in German or Spanish: each steady payment, then their monthly total. */
export function answerRecurringTranslated(input: Omit<TranslatedAnswerInput, 'period'>): string {
  const { history, span, writer, language } = input;
  const voice = translatedVoice(input);
  const de = language === 'de';
  const range = `${writer.month(span.first)} ${de ? 'bis' : 'a'} ${writer.date(span.asOf)}`;
  if (history.recurring.length === 0) {
    return de
      ? `In ${voice.recordsDative} (${range}) habe ich keine regelmäßigen Zahlungen gefunden: Kein Händler wurde in festen Abständen mit einem gleichbleibenden Betrag bezahlt.`
      : `No encontré pagos recurrentes en ${voice.records} (${range}): ningún comercio recibió un importe fijo a intervalos regulares.`;
  }
  const payments = history.recurring.map(
    (payment) =>
      `${writer.quote(payment.merchant)} ${writer.money(payment.amount)} ${cadenceName(language, payment.cadence)} (${categoryName(language, payment.category)})`,
  );
  const monthly = history.recurring.reduce(
    (sum, payment) => sum + (payment.amount * PAYMENTS_PER_YEAR[payment.cadence]) / 12,
    0,
  );
  const count = history.recurring.length;
  const one = count === 1;
  const list = joinWords(payments, language);
  const records = capitalised(voice.recordsSubject);
  return de
    ? `${records} (${range}) zeigen ${writer.count(count)} laufende regelmäßige Zahlung${one ? '' : 'en'}: ${list}. Zusammen sind das etwa ${writer.money(monthly)} pro Monat.`
    : `${records} (${range}) muestran ${writer.count(count)} pago${one ? '' : 's'} recurrente${one ? '' : 's'} activo${one ? '' : 's'}: ${list}. En total, son unos ${writer.money(monthly)} al mes.`;
}

/** The English answerBalances in German or Spanish: savings and debts from the customer's record. */
export function answerBalancesTranslated(
  record: ProfileRecord,
  wanted: 'balance' | 'debt' | 'balance_and_debt',
  reader: TranslatedReader,
  writer: FigureText,
): string {
  const { savings_balance: savings, debt_balance: debt, income } = record.customer;
  const voice = translatedVoice(reader);
  const customer = reader.audience === 'customer';
  const de = reader.language === 'de';
  const sentences: string[] = [];
  if (wanted !== 'debt') {
    sentences.push(
      de
        ? `${voice.Person} ${voice.verb('haben', 'hat')} ${writer.money(savings)} an Ersparnissen, laut ${customer ? 'Ihrem' : 'seinem'} Profil.`
        : `${voice.Person} tiene ${writer.money(savings)} en ahorros, según su perfil.`,
    );
  }
  if (wanted !== 'balance') {
    if (debt === 0) {
      sentences.push(
        de
          ? `${voice.Person} ${voice.verb('haben', 'hat')} keine erfassten Schulden.`
          : `${voice.Person} no tiene deudas registradas.`,
      );
    } else {
      const amount = writer.money(debt);
      const share =
        income <= 0
          ? ''
          : de
            ? `, das sind ${writer.percent((100 * debt) / income)} ${customer ? 'Ihres' : 'seines'} Jahreseinkommens von ${writer.money(income)}`
            : `, el ${writer.percent((100 * debt) / income)} de unos ingresos anuales de ${writer.money(income)}`;
      sentences.push(
        de
          ? `${customer ? 'Ihre erfassten Schulden' : `Die erfassten Schulden des Kunden ${reader.customerId}`} betragen ${amount}${share}.`
          : `${customer ? 'Sus deudas registradas' : `Las deudas registradas del cliente ${reader.customerId}`} suman ${amount}${share}.`,
      );
    }
  }
  if (wanted === 'balance_and_debt' && debt > 0) {
    const net = savings - debt;
    const left = writer.money(Math.abs(net));
    sentences.push(
      de
        ? net >= 0
          ? `Ersparnisse minus Schulden ergeben ${left}.`
          : `Die Schulden übersteigen die Ersparnisse um ${left}.`
        : net >= 0
          ? `Los ahorros menos las deudas dejan ${left}.`
          : `Las deudas superan a los ahorros en ${left}.`,
    );
  }
  return sentences.join(' ');
}

/** The English answerSavingsRate in German or Spanish: spending against income over a period. */
export function answerSavingsRateTranslated(input: TranslatedAnswerInput, record: ProfileRecord): string {
  const { history, span, period, writer, language } = input;
  if (period.kind === 'outside') return outsideRecordsTranslated(input, period);
  const voice = translatedVoice(input);
  const customer = input.audience === 'customer';
  const de = language === 'de';
  const lead = periodLeadTranslated(input, period, span, voice);
  const months = period.to - period.from + 1;
  const monthlySpend = centsSpent(history, period.from, period.to) / 100 / months;
  const monthlyIncome = record.customer.income / 12;
  const spent = de
    ? `${voice.subject} im Schnitt ${writer.money(monthlySpend)} pro Monat ausgegeben`
    : `${voice.subject} gastó de media ${writer.money(monthlySpend)} al mes`;
  if (monthlyIncome <= 0) {
    return de
      ? `${lead} ${spent}. ${customer ? 'In Ihrem Profil' : `Im Profil des Kunden ${input.customerId}`} ist kein Einkommen erfasst, daher kann ich keine Sparquote berechnen.`
      : `${lead} ${spent}. No hay ingresos en ${customer ? 'su perfil' : `el perfil del cliente ${input.customerId}`}, así que no puedo calcular una tasa de ahorro.`;
  }
  const rate = 100 * (1 - monthlySpend / monthlyIncome);
  const monthlyText = writer.money(monthlyIncome);
  const yearlyText = writer.money(record.customer.income);
  const share = writer.percent(Math.abs(rate));
  const verdict = de
    ? rate >= 0
      ? `eine Sparquote von etwa ${share}`
      : `etwa ${share} mehr Ausgaben als Einkommen`
    : rate >= 0
      ? `una tasa de ahorro de aproximadamente el ${share}`
      : `un gasto aproximadamente un ${share} superior a esos ingresos`;
  return de
    ? `${lead} ${spent}, bei einem Monatseinkommen von ${monthlyText} (ein Jahreseinkommen von ${yearlyText} geteilt durch 12, vor Steuern): ${verdict}. Steuern und Kosten außerhalb dieser Daten sind nicht berücksichtigt.`
    : `${lead} ${spent}, frente a unos ingresos mensuales de ${monthlyText} (unos ingresos anuales de ${yearlyText} divididos entre 12, antes de impuestos): ${verdict}. No se cuentan los impuestos ni los gastos que no aparecen en estos registros.`;
}

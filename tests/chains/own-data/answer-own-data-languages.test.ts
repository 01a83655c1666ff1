import { describe, expect, it } from 'vitest';
import { answerOwnData } from '../../../chains/own-data/index.ts';
import { validateReply } from '../../../chains/validate/index.ts';
import { DECEMBER, money, useSeededOwnData } from '../../support/seeded-own-data.ts';

const data = useSeededOwnData();

describe('own-data answers in the customer’s language, figures exactly as in English', () => {
  it('a German question about last month’s dining gets the German sentence with the exact CSV total', () => {
    const id = data.diner();
    const question = 'Wie viel habe ich letzten Monat für Restaurants ausgegeben?';
    const answer = answerOwnData(question, data.recordOf(id), {
      audience: 'customer',
      language: 'de',
      now: DECEMBER,
    });
    const expected = data.csvCents(id, (row) => row.category === 'dining' && row.date.startsWith('2026-06'));
    expect(answer?.text).toBe(
      `Im Juni 2026 (dem letzten vollständigen Monat Ihrer Daten) haben Sie ${money(expected)} für Restaurants und Cafés ausgegeben.`,
    );
    expect(answer?.figures).toContain(expected / 100);
    if (answer)
      expect(validateReply(answer.text, data.validation(data.recordOf(id), question, answer)).issues).toEqual(
        [],
      );
  });

  it('the same question from an advisor names the customer by id in German', () => {
    const id = data.diner();
    const answer = answerOwnData(
      'Wie viel hat der Kunde letzten Monat für Restaurants ausgegeben?',
      data.recordOf(id),
      {
        audience: 'advisor',
        language: 'de',
        now: DECEMBER,
      },
    );
    const expected = data.csvCents(id, (row) => row.category === 'dining' && row.date.startsWith('2026-06'));
    expect(answer?.text).toBe(
      `Im Juni 2026 (dem letzten vollständigen Monat der Daten des Kunden ${id}) hat der Kunde ${id} ${money(expected)} für Restaurants und Cafés ausgegeben.`,
    );
  });

  it('a Spanish question about this year’s spending totals it up to where the records end, with the average', () => {
    const id = [...data.records.keys()][5] ?? '';
    const question = '¿Cuánto he gastado este año?';
    const answer = answerOwnData(question, data.recordOf(id), {
      audience: 'customer',
      language: 'es',
      now: DECEMBER,
    });
    const expected = data.csvCents(id, (row) => row.date.startsWith('2026-'));
    expect(
      answer?.text.startsWith(
        `En 2026, hasta el 30 de junio de 2026, donde terminan sus registros, usted gastó ${money(expected)} en total, ${money(Math.round(expected / 6))} al mes de media. Las partidas más grandes fueron `,
      ),
    ).toBe(true);
    if (answer)
      expect(validateReply(answer.text, data.validation(data.recordOf(id), question, answer)).issues).toEqual(
        [],
      );
  });

  it('a German question about groceries over the last three months names the months in German', () => {
    const id = [...data.records.keys()][3] ?? '';
    const question = 'Was habe ich in den letzten 3 Monaten für Lebensmittel ausgegeben?';
    const answer = answerOwnData(question, data.recordOf(id), {
      audience: 'customer',
      language: 'de',
      now: DECEMBER,
    });
    const expected = data.csvCents(
      id,
      (row) => row.category === 'groceries' && /^2026-0[456]/.test(row.date),
    );
    expect(answer?.text).toMatch(/^Von April 2026 bis Juni 2026 \(/);
    expect(answer?.text).toContain(`haben Sie ${money(expected)} für Lebensmittel ausgegeben`);
    if (answer)
      expect(validateReply(answer.text, data.validation(data.recordOf(id), question, answer)).issues).toEqual(
        [],
      );
  });

  it('an English question in a German conversation is answered in German, with the same figures as in English', () => {
    const id = data.diner();
    const english = answerOwnData('What are my recurring payments?', data.recordOf(id), {
      audience: 'customer',
      now: DECEMBER,
    });
    const german = answerOwnData('What are my recurring payments?', data.recordOf(id), {
      audience: 'customer',
      language: 'de',
      now: DECEMBER,
    });
    expect(german?.topic).toBe('recurring');
    expect(german?.text).toMatch(
      /^Ihre Daten \(Januar 2025 bis 30\. Juni 2026\) zeigen \d+ laufende regelmäßige Zahlung/,
    );
    expect([...(german?.figures ?? [])].sort()).toEqual([...(english?.figures ?? [])].sort());
  });

  it('English answers are unchanged by the language option', () => {
    const id = data.diner();
    const question = 'How much did I spend on dining last month?';
    const plain = answerOwnData(question, data.recordOf(id), { audience: 'customer', now: DECEMBER });
    const english = answerOwnData(question, data.recordOf(id), {
      audience: 'customer',
      language: 'en',
      now: DECEMBER,
    });
    expect(english).toEqual(plain);
  });
});

import { describe, expect, it } from 'vitest';
import { answerOwnData } from '../../../chains/own-data/index.ts';
import { projectPot } from '../../../chains/own-data/retirement-projection.ts';
import { validateReply } from '../../../chains/validate/index.ts';
import { parseProfileRecord } from '../../../knowledge/index.ts';
import { type CsvCustomer, DECEMBER, money, useSeededOwnData } from '../../support/seeded-own-data.ts';

const data = useSeededOwnData();

// Every default window is July 2025 to June 2026, the last twelve months of the data.
const LAST_TWELVE_MONTHS = /^(?:2025-(?:0[7-9]|1[0-2])|2026-0[1-6])/;

const cents = (dollars: number): number => Math.round(dollars * 100);
const wholeMoney = (dollars: number): string => `$${Math.round(dollars).toLocaleString('en-US')}`;

/** The first customer with debts below their savings, and some income. */
function saverWithDebt(): CsvCustomer {
  const row = data.customers.find(
    (customer) =>
      Number(customer.debt_balance) > 0 &&
      Number(customer.savings_balance) > Number(customer.debt_balance) &&
      Number(customer.income) > 0,
  );
  if (!row) throw new Error('the seeded dataset has no saver with debts');
  return row;
}

function ask(
  question: string,
  customerId: string,
  language: 'de' | 'es',
  audience: 'customer' | 'advisor' = 'customer',
) {
  const answer = answerOwnData(question, data.recordOf(customerId), { audience, language, now: DECEMBER });
  if (answer === null) throw new Error(`no answer to "${question}"`);
  return answer;
}

describe('balances and debts in German and Spanish, figures from customers.csv', () => {
  it('a German question on savings and debts is answered in German with the exact amounts and the net', () => {
    const row = saverWithDebt();
    const [savings, debt, income] = [row.savings_balance, row.debt_balance, row.income].map(Number) as [
      number,
      number,
      number,
    ];
    const answer = ask('Wie hoch sind meine Ersparnisse und Schulden?', row.customer_id, 'de');
    expect(answer.topic).toBe('balance_and_debt');
    expect(answer.text).toBe(
      `Sie haben ${money(cents(savings))} an Ersparnissen, laut Ihrem Profil. Ihre erfassten Schulden betragen ${money(cents(debt))}, das sind ${Math.round((100 * debt) / income)}% Ihres Jahreseinkommens von ${money(cents(income))}. Ersparnisse minus Schulden ergeben ${money(cents(savings) - cents(debt))}.`,
    );
  });

  it('a German question on debts alone names only the debts', () => {
    const row = saverWithDebt();
    const answer = ask('Wie viel Schulden habe ich?', row.customer_id, 'de');
    expect(answer.topic).toBe('debt');
    expect(answer.text).toMatch(
      new RegExp(`^Ihre erfassten Schulden betragen \\${money(cents(Number(row.debt_balance)))}, das sind `),
    );
  });

  it('Spanish, for the advisor: the customer named by id, the same amounts', () => {
    const row = saverWithDebt();
    const id = row.customer_id;
    const [savings, debt, income] = [row.savings_balance, row.debt_balance, row.income].map(Number) as [
      number,
      number,
      number,
    ];
    const answer = ask('¿Cuál es el saldo y cuáles son las deudas?', id, 'es', 'advisor');
    expect(answer.text).toBe(
      `El cliente ${id} tiene ${money(cents(savings))} en ahorros, según su perfil. Las deudas registradas del cliente ${id} suman ${money(cents(debt))}, el ${Math.round((100 * debt) / income)}% de unos ingresos anuales de ${money(cents(income))}. Los ahorros menos las deudas dejan ${money(cents(savings) - cents(debt))}.`,
    );
  });
});

describe('savings rate, recurring payments and top merchants in German and Spanish, from transactions.csv', () => {
  it('savings rate: the last 12 months’ average against a twelfth of the yearly income', () => {
    const row = data.customers[1] ?? saverWithDebt();
    const id = row.customer_id;
    const spentCents = data.csvCents(id, (transaction) => LAST_TWELVE_MONTHS.test(transaction.date));
    const income = Number(row.income);
    const rate = Math.round(100 * (1 - spentCents / 100 / 12 / (income / 12)));
    expect(rate).toBeGreaterThanOrEqual(0);
    const monthly = money(Math.round(spentCents / 12));
    const monthlyIncome = money(cents(income / 12));
    expect(ask('Wie hoch ist meine Sparquote?', id, 'de').text).toBe(
      `In den letzten 12 Monaten Ihrer Daten (Juli 2025 bis Juni 2026) haben Sie im Schnitt ${monthly} pro Monat ausgegeben, bei einem Monatseinkommen von ${monthlyIncome} (ein Jahreseinkommen von ${money(cents(income))} geteilt durch 12, vor Steuern): eine Sparquote von etwa ${rate}%. Steuern und Kosten außerhalb dieser Daten sind nicht berücksichtigt.`,
    );
    expect(ask('¿Cuál es mi tasa de ahorro?', id, 'es').text).toBe(
      `En los últimos 12 meses de sus registros (julio de 2025 a junio de 2026), usted gastó de media ${monthly} al mes, frente a unos ingresos mensuales de ${monthlyIncome} (unos ingresos anuales de ${money(cents(income))} divididos entre 12, antes de impuestos): una tasa de ahorro de aproximadamente el ${rate}%. No se cuentan los impuestos ni los gastos que no aparecen en estos registros.`,
    );
  });

  it('recurring payments: the monthly rent or mortgage from the CSV, with its cadence and category translated', () => {
    const id =
      data.customers.find((customer) =>
        data.transactions.some(
          (row) => row.customer_id === customer.customer_id && row.category === 'housing',
        ),
      )?.customer_id ?? '';
    const housing = data.transactions.filter((row) => row.customer_id === id && row.category === 'housing');
    const last = housing[housing.length - 1];
    const amount = money(cents(Number(last?.amount)));
    const german = ask('Welche regelmäßigen Zahlungen habe ich?', id, 'de');
    expect(german.topic).toBe('recurring');
    expect(german.text).toMatch(/^Ihre Daten \(Januar 2025 bis 30\. Juni 2026\) zeigen /);
    expect(german.text).toContain(`${last?.merchant} ${amount} monatlich (Wohnen)`);
    const spanish = ask('¿Cuáles son mis pagos recurrentes?', id, 'es');
    expect(spanish.text).toMatch(/^Sus registros \(enero de 2025 a 30 de junio de 2026\) muestran /);
    expect(spanish.text).toContain(`${last?.merchant} ${amount} mensual (vivienda)`);
  });

  it('top merchants: the largest merchant’s CSV total and number of payments', () => {
    const id = data.customers[7]?.customer_id ?? '';
    const top = data.recordOf(id).history?.topMerchants[0];
    const merchantRows = data.transactions.filter(
      (row) => row.customer_id === id && row.merchant === top?.merchant,
    );
    const total = money(data.csvCents(id, (row) => row.merchant === top?.merchant));
    const count = merchantRows.length;
    expect(count).toBeGreaterThan(1);
    const german = ask('Bei welchen Händlern gebe ich am meisten aus?', id, 'de');
    expect(german.topic).toBe('top_merchants');
    expect(german.text).toMatch(
      /^Von Januar 2025 bis 30\. Juni 2026 haben Sie am meisten an diese Händler gezahlt: /,
    );
    expect(german.text).toContain(`${top?.merchant} (`);
    expect(german.text).toContain(`): ${total} bei ${count} Zahlungen`);
    const spanish = ask('¿En qué comercios gasto más?', id, 'es');
    expect(spanish.text).toMatch(
      /^De enero de 2025 a 30 de junio de 2026, los comercios en los que usted más gastó fueron /,
    );
    expect(spanish.text).toContain(`): ${total} en ${count} pagos`);
  });
});

describe('retirement in German and Spanish, every assumption stated', () => {
  /** The projection worked from customers.csv and transactions.csv: 4% real, at most 15% of income, 25 years of spending. */
  function expectedProjection(row: CsvCustomer, retirementAge: number) {
    const monthlySpend =
      data.csvCents(row.customer_id, (transaction) => LAST_TWELVE_MONTHS.test(transaction.date)) / 100 / 12;
    const monthlyIncome = Number(row.income) / 12;
    const contribution =
      Math.round(Math.min(Math.max(0, monthlyIncome - monthlySpend), monthlyIncome * 0.15) * 100) / 100;
    const years = retirementAge - Number(row.age);
    const pot = projectPot(Number(row.savings_balance), contribution, 4, years);
    const target = monthlySpend * 12 * 25;
    return { years, contribution, pot, target, yearlySpend: monthlySpend * 12 };
  }

  it('a German question names the age, and the answer gives the projection and the verdict in German', () => {
    const row = data.customers.find((customer) => Number(customer.age) < 55) ?? saverWithDebt();
    const expected = expectedProjection(row, 60);
    const answer = ask('Kann ich mit 60 in Rente gehen?', row.customer_id, 'de');
    expect(answer.topic).toBe('retirement');
    expect(answer.text).toContain(
      `Angenommen werden Renteneintritt mit 60 (in ${expected.years} Jahren), ${money(cents(expected.contribution))} pro Monat zurückgelegt (was Ihre Daten nach den Ausgaben übrig lassen, höchstens 15% des Einkommens), eine Rendite von 4% pro Jahr nach Inflation und Ihre Ersparnisse von ${money(cents(Number(row.savings_balance)))} als Ausgangspunkt. Damit käme das Vermögen auf etwa ${wholeMoney(expected.pot)} in heutiger Kaufkraft.`,
    );
    expect(answer.text).toContain(
      `Eine gängige Faustregel sind 25 Jahresausgaben, hier etwa ${wholeMoney(expected.target)} (${money(cents(expected.yearlySpend))} pro Jahr, gemessen an den letzten 12 Monaten der Daten).`,
    );
    expect(answer.text).toContain(
      expected.pot >= expected.target
        ? 'Unter diesen Annahmen wären Sie auf Kurs.'
        : `Unter diesen Annahmen würden Ihnen etwa ${wholeMoney(expected.target - expected.pot)} fehlen.`,
    );
    expect(answer.text).toMatch(
      /Dies ist eine Hochrechnung, kein Versprechen: Renditen sind nicht garantiert/,
    );
  });

  it('a Spanish question uses the default age of 67 and states the same assumptions in Spanish', () => {
    const row = data.customers.find((customer) => Number(customer.age) < 60) ?? saverWithDebt();
    const expected = expectedProjection(row, 67);
    const answer = ask('¿Voy bien para la jubilación?', row.customer_id, 'es');
    expect(answer.text).toContain(
      `Suponiendo la jubilación a los 67 años (dentro de ${expected.years} años), ${money(cents(expected.contribution))} al mes ahorrados (lo que sus registros dejan después del gasto, como máximo el 15% de los ingresos), una rentabilidad del 4% anual después de la inflación y partir de sus ahorros de ${money(cents(Number(row.savings_balance)))}, el capital llegaría a unos ${wholeMoney(expected.pot)} en dinero de hoy.`,
    );
    expect(answer.text).toContain('Esto es una proyección, no una promesa');
  });

  it('past the retirement age asked about: no projection, the savings stated, in German', () => {
    const row = data.customers.find((customer) => Number(customer.age) >= 40) ?? saverWithDebt();
    const answer = ask('Kann ich mit 40 in Rente gehen?', row.customer_id, 'de');
    expect(answer.text).toMatch(
      new RegExp(
        `^Sie sind ${row.age} Jahre alt und damit im oder über dem hier angenommenen Rentenalter von 40, .*Ihre erfassten Ersparnisse betragen \\${money(cents(Number(row.savings_balance)))}\\.`,
      ),
    );
  });
});

describe('notices in German and Spanish', () => {
  it('refuses another customer’s records in the reader’s language', () => {
    const [first, second] = data.customers;
    const id = first?.customer_id ?? '';
    expect(ask(`Wie hoch sind die Schulden von ${second?.customer_id}?`, id, 'de', 'advisor')).toEqual({
      text: `Ich kann nur aus den eigenen Daten des Kunden ${id} antworten.`,
      figures: [],
      topic: 'other_customer',
    });
    expect(ask(`¿Cuál es el saldo de ${second?.customer_id}?`, id, 'es').text).toBe(
      'Solo puedo responder a partir de sus propios registros.',
    );
  });

  it('a record stored before spending history: German for the customer, no figures', () => {
    const current = data.recordOf(data.customers[0]?.customer_id ?? '');
    const { history: _history, ...old } = current;
    const record = parseProfileRecord(JSON.stringify(old), current.customer.customer_id);
    const answer = answerOwnData('Wie hoch ist meine Sparquote?', record, {
      audience: 'customer',
      language: 'de',
    });
    expect(answer).toEqual({
      text: 'Ihre Ausgabenhistorie ist noch nicht verfügbar, daher kann ich Ihre Ausgaben nicht aufschlüsseln. Bitte versuchen Sie es später noch einmal oder bitten Sie um ein Gespräch mit einer Beraterin oder einem Berater.',
      figures: [],
      topic: 'no_history',
    });
  });
});

describe('the validator grounds every figure of a translated answer, and rejects a changed one', () => {
  const topics = [
    'balance_and_debt',
    'savings_rate',
    'recurring',
    'top_merchants',
    'retirement',
    'breakdown',
    'spending',
  ];
  const questions = {
    de: [
      'Wie hoch sind meine Ersparnisse und Schulden?',
      'Wie hoch ist meine Sparquote?',
      'Welche regelmäßigen Zahlungen habe ich?',
      'Bei welchen Händlern gebe ich am meisten aus?',
      'Bin ich auf Kurs für die Rente?',
      'Wohin geht mein Geld?',
      'Wie viel habe ich letzten Monat für Lebensmittel ausgegeben?',
    ],
    es: [
      '¿Cuál es mi saldo y cuánto debo?',
      '¿Cuál es mi tasa de ahorro?',
      '¿Cuáles son mis pagos recurrentes?',
      '¿En qué comercios gasto más?',
      '¿Puedo jubilarme a los 60?',
      '¿A dónde va mi dinero?',
      '¿Cuánto gasté en alimentación el mes pasado?',
    ],
  } as const;

  it('every kind of answer passes, in both languages and for both audiences', () => {
    for (const row of data.customers.slice(0, 10)) {
      const record = data.recordOf(row.customer_id);
      for (const language of ['de', 'es'] as const) {
        for (const audience of ['customer', 'advisor'] as const) {
          for (const [index, question] of questions[language].entries()) {
            const answer = answerOwnData(question, record, { audience, language, now: DECEMBER });
            expect({ question, topic: answer?.topic }).toEqual({ question, topic: topics[index] });
            if (answer === null) continue;
            expect({
              question,
              verdict: validateReply(answer.text, data.validation(record, question, answer)),
            }).toEqual({
              question,
              verdict: { ok: true, issues: [] },
            });
          }
        }
      }
    }
  });

  it('the German balance answer with one amount changed by a cent is rejected, naming that amount', () => {
    const row = saverWithDebt();
    const record = data.recordOf(row.customer_id);
    const question = 'Wie hoch sind meine Ersparnisse und Schulden?';
    const answer = ask(question, row.customer_id, 'de');
    const debt = money(cents(Number(row.debt_balance)));
    const wrong = money(cents(Number(row.debt_balance)) + 1);
    expect(answer.text).toContain(debt);
    expect(validateReply(answer.text, data.validation(record, question, answer))).toEqual({
      ok: true,
      issues: [],
    });
    const changed = answer.text.replace(debt, wrong);
    expect(validateReply(changed, data.validation(record, question, answer)).issues).toContainEqual({
      reason: 'ungrounded_number',
      text: wrong,
    });
  });

  it('the Spanish retirement answer with the projected pot changed is rejected', () => {
    const row = data.customers.find((customer) => Number(customer.age) < 60) ?? saverWithDebt();
    const record = data.recordOf(row.customer_id);
    const question = '¿Voy bien para la jubilación?';
    const answer = ask(question, row.customer_id, 'es');
    const pot = /el capital llegaría a unos (?<pot>\$[\d,]+)/.exec(answer.text)?.groups?.pot ?? '';
    const changedPot = `$${(Number(pot.replace(/[$,]/g, '')) + 5000).toLocaleString('en-US')}`;
    const changed = answer.text.replace(pot, changedPot);
    expect(validateReply(changed, data.validation(record, question, answer)).issues).toContainEqual({
      reason: 'ungrounded_number',
      text: changedPot,
    });
  });

  it('the same German amount written in German style ("56.516,11 $") is not grounded as another figure: it is rejected', () => {
    const row = saverWithDebt();
    const record = data.recordOf(row.customer_id);
    const question = 'Wie hoch ist mein Kontostand?';
    const answer = ask(question, row.customer_id, 'de');
    const savings = cents(Number(row.savings_balance));
    const local = `${Math.floor(savings / 100).toLocaleString('de-DE')},${String(savings % 100).padStart(2, '0')} $`;
    const rewritten = answer.text.replace(money(savings), local);
    expect(rewritten).toContain(local);
    expect(validateReply(rewritten, data.validation(record, question, answer)).ok).toBe(false);
  });
});

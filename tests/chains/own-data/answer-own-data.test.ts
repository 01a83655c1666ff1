import { describe, expect, it } from 'vitest';
import { answerOwnData } from '../../../chains/own-data/index.ts';
import { projectPot } from '../../../chains/own-data/retirement-projection.ts';
import { validateReply } from '../../../chains/validate/index.ts';
import { parseProfileRecord } from '../../../knowledge/index.ts';
import { DECEMBER, money, useSeededOwnData } from '../../support/seeded-own-data.ts';

const data = useSeededOwnData();

describe('answerOwnData with seeded data', () => {
  it('answers "last month" with the latest full month of the records, stated, and the exact CSV total', () => {
    const id = data.diner();
    const question = 'How much did I spend on dining last month?';
    const answer = answerOwnData(question, data.recordOf(id), { audience: 'customer', now: DECEMBER });
    const expected = data.csvCents(id, (row) => row.category === 'dining' && row.date.startsWith('2026-06'));
    expect(answer?.text).toBe(
      `In June 2026, the latest full month in your records, you spent ${money(expected)} on dining.`,
    );
    expect(answer?.figures).toContain(expected / 100);
    expect(answer?.topic).toBe('spending');
  });

  it('reads "last month" from now when the records cover it, and names the customer for an advisor', () => {
    const id = data.diner();
    const answer = answerOwnData('what did we spend on restaurants last month', data.recordOf(id), {
      audience: 'advisor',
      now: new Date('2026-07-03T09:00:00Z'),
    });
    const expected = data.csvCents(id, (row) => row.category === 'dining' && row.date.startsWith('2026-06'));
    expect(answer?.text).toBe(`In June 2026, ${id} spent ${money(expected)} on dining.`);
  });

  it('answers a named month with the most recent one in the records', () => {
    const id = [...data.records.keys()][3] ?? '';
    const answer = answerOwnData('What did I spend on groceries in March?', data.recordOf(id), {
      audience: 'customer',
      now: DECEMBER,
    });
    const expected = data.csvCents(
      id,
      (row) => row.category === 'groceries' && row.date.startsWith('2026-03'),
    );
    const spent = expected === 0 ? 'nothing' : money(expected);
    expect(answer?.text).toBe(`In March 2026, you spent ${spent} on groceries.`);
  });

  it('totals "this year" across categories up to where the records end, with the monthly average', () => {
    const id = [...data.records.keys()][5] ?? '';
    const answer = answerOwnData('my spending this year', data.recordOf(id), {
      audience: 'customer',
      now: DECEMBER,
    });
    const expected = data.csvCents(id, (row) => row.date.startsWith('2026-'));
    expect(
      answer?.text.startsWith(
        `In 2026 (up to 30 June 2026, where your records end), you spent ${money(expected)} in all, ${money(Math.round(expected / 6))} a month on average.`,
      ),
    ).toBe(true);
  });

  it('gives each top merchant the total and count of this customer’s own rows only', () => {
    const id = [...data.records.keys()][7] ?? '';
    const record = data.recordOf(id);
    const answer = answerOwnData('Which merchants do I pay the most?', record, {
      audience: 'customer',
      now: DECEMBER,
    });
    const top = record.history?.topMerchants[0];
    expect(top).toBeDefined();
    const merchantRows = data.transactions.filter(
      (row) => row.customer_id === id && row.merchant === top?.merchant,
    );
    expect(answer?.text).toContain(
      `${top?.merchant} (${top?.category}): ${money(data.csvCents(id, (row) => row.merchant === top?.merchant))} over ${merchantRows.length} payment`,
    );
  });

  it('lists the recurring rent or mortgage payment the generator writes every month', () => {
    const id =
      [...data.records.keys()].find((customerId) =>
        data.transactions.some((row) => row.customer_id === customerId && row.category === 'housing'),
      ) ?? '';
    const housing = data.transactions.filter((row) => row.customer_id === id && row.category === 'housing');
    const last = housing[housing.length - 1];
    const answer = answerOwnData('What are my recurring payments?', data.recordOf(id), {
      audience: 'customer',
    });
    expect(answer?.topic).toBe('recurring');
    expect(answer?.text).toContain(
      `${last?.merchant} ${money(Math.round(Number(last?.amount) * 100))} monthly (housing)`,
    );
  });

  it('never shows another customer’s data, and refuses a question naming another customer', () => {
    const [first = '', second = ''] = [...data.records.keys()];
    const record = data.recordOf(first);
    for (const question of ['What are my top merchants?', 'my spending this year', 'What is my balance?']) {
      const answer = answerOwnData(question, record, { audience: 'advisor', now: DECEMBER });
      expect(answer?.text).not.toContain(second);
      for (const name of data.customers
        .map((customer) => customer.name)
        .filter((name) => name !== record.customer.name)) {
        expect(answer?.text).not.toContain(name);
      }
    }
    const other = answerOwnData(`How much did ${second} spend on dining?`, record, { audience: 'advisor' });
    expect(other).toEqual({
      text: `I can only answer from ${first}'s own records.`,
      figures: [],
      topic: 'other_customer',
    });
  });

  it('answers an unknown category with the list of categories', () => {
    const answer = answerOwnData('How much did I spend on yachts last month?', data.recordOf(data.diner()), {
      audience: 'customer',
    });
    expect(answer?.topic).toBe('unknown_category');
    expect(answer?.text).toBe(
      'I don\'t have a spending category called "yachts". Spending is grouped into: groceries, dining, travel, transport, utilities, housing, healthcare, education, entertainment, shopping, electronics, sports, childcare, gifts, subscriptions.',
    );
  });

  it('says plainly when a period has no data, with the range that exists', () => {
    const answer = answerOwnData('What did I spend on travel in 2024?', data.recordOf(data.diner()), {
      audience: 'customer',
    });
    expect(answer?.text).toBe(
      'There are no transactions for 2024 in your records: they cover January 2025 to 30 June 2026.',
    );
  });

  it('states balances and debts from the record', () => {
    const record = data.recordOf(data.diner());
    const answer = answerOwnData('What are my balances and debts?', record, { audience: 'customer' });
    expect(answer?.text).toContain(
      `You have ${money(Math.round(record.customer.savings_balance * 100))} in savings`,
    );
    expect(answer?.figures).toContain(
      record.customer.debt_balance > 0 ? record.customer.debt_balance : record.customer.savings_balance,
    );
  });

  it('projects retirement with every assumption stated and no promise', () => {
    const record = data.recordOf(data.diner());
    const answer = answerOwnData('Am I on track for retirement?', record, {
      audience: 'customer',
      now: DECEMBER,
    });
    expect(answer?.text).toContain('Assuming retirement at 67');
    expect(answer?.text).toContain('a return of 4% a year after inflation');
    expect(answer?.text).toContain('This is a projection, not a promise');
    expect(answerOwnData('Could I retire at 55?', record, { audience: 'customer' })?.text).toMatch(
      record.customer.age >= 55 ? /at or past the retirement age of 55/ : /Assuming retirement at 55 /,
    );
  });

  it('returns null for a question that is not about the customer’s own money', () => {
    expect(
      answerOwnData('What is an index fund?', data.recordOf(data.diner()), { audience: 'customer' }),
    ).toBeNull();
  });

  it('passes the output validator with its figures as the grounded numbers, for every kind of answer', () => {
    const questions = [
      'How much did I spend on dining last month?',
      'What did I spend on groceries in March?',
      'my spending this year',
      'How much did I spend on eating out and groceries in the last 3 months?',
      'Where does my money go?',
      'What are my top merchants?',
      'What are my recurring payments?',
      'What are my balances and debts?',
      'What is my savings rate?',
      'Am I on track for retirement?',
      'How much did I spend last week?',
      'What did I spend on travel in 2024?',
    ];
    for (const id of [...data.records.keys()].slice(0, 10)) {
      const record = data.recordOf(id);
      for (const audience of ['customer', 'advisor'] as const) {
        for (const question of questions) {
          const answer = answerOwnData(question, record, { audience, now: DECEMBER });
          if (answer === null) throw new Error(`no answer to "${question}"`);
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
  });
});

describe('answerOwnData with a store ingested before spending history', () => {
  it('reads the old record and says a re-ingest is needed instead of failing', () => {
    const current = data.recordOf(data.diner());
    const { history: _history, ...old } = current;
    const record = parseProfileRecord(JSON.stringify(old), current.customer.customer_id);
    expect(
      answerOwnData('How much did I spend on dining last month?', record, { audience: 'advisor' }),
    ).toEqual({
      text: `${current.customer.customer_id}'s spending history is not in the store: it was ingested before spending history was kept. Re-run \`npm run ingest\` to add it.`,
      figures: [],
      topic: 'no_history',
    });
    expect(answerOwnData('What is my balance?', record, { audience: 'customer' })?.topic).toBe('balance');
  });
});

describe('projectPot', () => {
  it('compounds monthly: $1,000 at 12% a year for a year is $1,000 × 1.01^12', () => {
    expect(projectPot(1000, 0, 12, 1)).toBeCloseTo(1126.825030131969, 9);
    // $100 a month at 0%: just the sum.
    expect(projectPot(0, 100, 0, 2)).toBe(2400);
  });
});

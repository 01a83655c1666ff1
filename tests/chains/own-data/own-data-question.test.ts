import { describe, expect, it } from 'vitest';
import { parseOwnDataQuestion } from '../../../chains/own-data/index.ts';

describe('parseOwnDataQuestion', () => {
  it.each([
    ['How much did I spend on eating out last month?', 'spending', ['dining'], { kind: 'last_month' }],
    [
      'what did I spend at the supermarket in March 2026',
      'spending',
      ['groceries'],
      { kind: 'month', month: 3, year: 2026 },
    ],
    ['my spending this year', 'spending', [], { kind: 'this_year' }],
    [
      'food shopping over the past three months',
      'spending',
      ['groceries'],
      { kind: 'last_months', count: 3 },
    ],
    [
      'How much went on fuel and taxis in may?',
      'spending',
      ['transport'],
      { kind: 'month', month: 5, year: null },
    ],
    ['What are my subscriptions?', 'recurring', ['subscriptions'], null],
    ['how much do I spend on subscriptions each year', 'spending', ['subscriptions'], null],
    ['Which merchants do I pay the most?', 'top_merchants', [], null],
    ['What is my savings rate last year?', 'savings_rate', [], { kind: 'last_year' }],
    ['Am I on track for retirement?', 'retirement', [], null],
    ['what are my balances and debts', 'balance_and_debt', [], null],
    ['where does my money go', 'breakdown', [], null],
  ])('reads "%s"', (question, metric, categories, period) => {
    expect(parseOwnDataQuestion(question)).toMatchObject({ metric, categories, period });
  });

  it('keeps the words after "spend on" that name no category, and the age in "retire at"', () => {
    expect(parseOwnDataQuestion('How much did I spend on yachts in 2025?')?.unknownCategory).toBe('yachts');
    expect(parseOwnDataQuestion('Can I retire at 60?')).toMatchObject({
      metric: 'retirement',
      retirementAge: 60,
    });
  });

  it('returns null for questions that are not about the customer’s own money', () => {
    expect(parseOwnDataQuestion('What is a stocks and shares ISA?')).toBeNull();
    expect(parseOwnDataQuestion('May I talk to a person?')).toBeNull();
  });
});

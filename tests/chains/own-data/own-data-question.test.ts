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

  it.each([
    ['Wie hoch sind meine Schulden?', 'debt'],
    ['Wie hoch ist mein Kontostand?', 'balance'],
    ['Was sind meine Ersparnisse und Schulden?', 'balance_and_debt'],
    ['Wie hoch ist meine Sparquote?', 'savings_rate'],
    ['Welche regelmäßigen Zahlungen habe ich?', 'recurring'],
    ['Bei welchen Händlern gebe ich am meisten aus?', 'top_merchants'],
    ['Bin ich auf Kurs für die Rente?', 'retirement'],
    ['Wohin geht mein Geld?', 'breakdown'],
    ['¿Cuánto debo?', 'debt'],
    ['¿Cuál es mi saldo?', 'balance'],
    ['¿Cuál es mi tasa de ahorro?', 'savings_rate'],
    ['¿Cuáles son mis pagos recurrentes?', 'recurring'],
    ['¿En qué comercios gasto más?', 'top_merchants'],
    ['¿Voy bien para la jubilación?', 'retirement'],
    ['¿A dónde va mi dinero?', 'breakdown'],
    ['¿Cuánto gasté en alimentación el mes pasado?', 'spending'],
    ['Wie viel habe ich diesen Monat gespart?', 'savings_rate'],
    ['¿Cuánto he ahorrado este mes?', 'savings_rate'],
  ])('reads the German or Spanish "%s" as %s', (question, metric) => {
    expect(parseOwnDataQuestion(question)?.metric).toBe(metric);
  });

  it.each([
    ['Was habe ich im März 2026 für Miete bezahlt?', { kind: 'month', month: 3, year: 2026 }],
    ['Wie viel habe ich im Oktober ausgegeben?', { kind: 'month', month: 10, year: null }],
    ['¿Cuánto gasté en marzo de 2025?', { kind: 'month', month: 3, year: 2025 }],
    ['¿Cuánto gasté en octubre?', { kind: 'month', month: 10, year: null }],
    ['What did I spend in September of 2025?', { kind: 'month', month: 9, year: 2025 }],
  ])('reads the month named in "%s"', (question, period) => {
    expect(parseOwnDataQuestion(question)?.period).toEqual(period);
  });

  it('reads the retirement age of a German or Spanish question, and no age from a spending question', () => {
    expect(parseOwnDataQuestion('Kann ich mit 60 in Rente gehen?')).toMatchObject({
      metric: 'retirement',
      retirementAge: 60,
    });
    expect(parseOwnDataQuestion('¿Puedo jubilarme a los 58?')?.retirementAge).toBe(58);
    expect(parseOwnDataQuestion('Wie viel habe ich mit 30 Zahlungen ausgegeben?')?.retirementAge).toBeNull();
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
    expect(parseOwnDataQuestion('Was ist ein ETF?')).toBeNull();
    expect(parseOwnDataQuestion('¿Qué es la rentabilidad de un fondo?')).toBeNull();
  });
});

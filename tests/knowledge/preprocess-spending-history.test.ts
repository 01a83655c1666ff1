import { describe, expect, it } from 'vitest';
import { buildSpendingHistory, HISTORY_MONTHS } from '../../knowledge/preprocess/index.ts';
import type { SpendCategory, Transaction } from '../../knowledge/schemas.ts';

let nextId = 0;
function paid(
  date: string,
  amount: number,
  merchant: string,
  category: SpendCategory = 'subscriptions',
): Transaction {
  nextId += 1;
  return { transaction_id: `T-${nextId}`, customer_id: 'C-0001', date, amount, category, merchant };
}

const MONTHS = ['01', '02', '03', '04', '05', '06'];

describe('buildSpendingHistory: recurring payments', () => {
  it('finds a monthly subscription, a weekly class and rent, largest yearly cost first', () => {
    const transactions = [
      ...MONTHS.map((month) => paid(`2026-${month}-03`, 15.49, 'Netflix')),
      ...MONTHS.map((month) => paid(`2026-${month}-01`, 1200, 'Oakwood Apartments', 'housing')),
      ...['2026-06-02', '2026-06-09', '2026-06-16', '2026-06-23'].map((date) =>
        paid(date, 12, 'Local Yoga Studio', 'sports'),
      ),
    ];
    const history = buildSpendingHistory(transactions, '2026-06-30');
    expect(history.recurring).toEqual([
      {
        merchant: 'Oakwood Apartments',
        category: 'housing',
        amount: 1200,
        cadence: 'monthly',
        count: 6,
        lastDate: '2026-06-01',
      },
      {
        merchant: 'Local Yoga Studio',
        category: 'sports',
        amount: 12,
        cadence: 'weekly',
        count: 4,
        lastDate: '2026-06-23',
      },
      {
        merchant: 'Netflix',
        category: 'subscriptions',
        amount: 15.49,
        cadence: 'monthly',
        count: 6,
        lastDate: '2026-06-03',
      },
    ]);
  });

  it('tolerates a price rise and rows out of date order, and reports the middle amount paid', () => {
    const amounts = [15.49, 15.49, 15.49, 16.99, 16.99, 16.99];
    const transactions = MONTHS.map((month, index) =>
      paid(`2026-${month}-05`, amounts[index] ?? 0, 'Spotify'),
    );
    const history = buildSpendingHistory(transactions.reverse(), '2026-06-30');
    expect(history.recurring).toHaveLength(1);
    expect(history.recurring[0]).toMatchObject({ merchant: 'Spotify', amount: 15.49, count: 6 });
  });

  it('ignores irregular shopping, patterns of two, and payments that stopped', () => {
    const transactions = [
      paid('2026-01-04', 82.1, 'Kroger', 'groceries'),
      paid('2026-01-19', 140.5, 'Kroger', 'groceries'),
      paid('2026-03-02', 35.99, 'Kroger', 'groceries'),
      paid('2026-05-28', 97.4, 'Kroger', 'groceries'),
      paid('2026-05-01', 9.99, 'Hulu'),
      paid('2026-06-01', 9.99, 'Hulu'),
      paid('2025-10-10', 14.99, 'Audible'),
      paid('2025-11-10', 14.99, 'Audible'),
      paid('2025-12-10', 14.99, 'Audible'),
      paid('2026-01-10', 14.99, 'Audible'),
    ];
    expect(buildSpendingHistory(transactions, '2026-06-30').recurring).toEqual([]);
  });
});

describe('buildSpendingHistory: months kept', () => {
  it(`keeps only the ${HISTORY_MONTHS} months ending with the as-of month, summed in cents`, () => {
    const transactions = [
      paid('2024-06-30', 500, 'Old Shop', 'shopping'),
      paid('2024-07-01', 0.1, 'Cafe', 'dining'),
      paid('2024-07-31', 0.2, 'Cafe', 'dining'),
      paid('2026-06-30', 10, 'Cafe', 'dining'),
    ];
    const history = buildSpendingHistory(transactions, '2026-06-30');
    expect(history.firstMonth).toBe('2024-07');
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; whole cents give exactly 0.3.
    expect(history.monthlySpend).toEqual({
      dining: [
        [0, 0.3],
        [23, 10],
      ],
    });
    expect(history.topMerchants).toEqual([{ merchant: 'Cafe', category: 'dining', total: 10.3, count: 3 }]);
  });
});

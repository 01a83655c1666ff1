import { describe, expect, it } from 'vitest';
import { nearestNeighbourAdoptions } from '../../../chains/eval/fairness/index.ts';
import { makeCustomer } from '../recommend/recommendation-fixtures.ts';

/** Customers who differ only in income, so nearness is nearness of income (on a log scale). */
const people = [
  { customer: makeCustomer({ customer_id: 'C-0001', income: 20_000 }), heldProductIds: ['SAV-01'] },
  { customer: makeCustomer({ customer_id: 'C-0002', income: 21_000 }), heldProductIds: ['SAV-01', 'CC-01'] },
  { customer: makeCustomer({ customer_id: 'C-0003', income: 90_000 }), heldProductIds: ['FND-01'] },
  { customer: makeCustomer({ customer_id: 'C-0004', income: 95_000 }), heldProductIds: ['FND-01', 'RET-01'] },
];

describe('nearestNeighbourAdoptions', () => {
  it('counts the holdings of the k nearest others, never the customer themself', () => {
    const [first, , third] = nearestNeighbourAdoptions(people, 1);
    // C-0001's nearest other is C-0002 (21k); C-0003's is C-0004 (95k).
    expect(first).toEqual({
      neighbourCount: 1,
      adoptions: new Map([
        ['SAV-01', 1],
        ['CC-01', 1],
      ]),
    });
    expect(third).toEqual({
      neighbourCount: 1,
      adoptions: new Map([
        ['FND-01', 1],
        ['RET-01', 1],
      ]),
    });
  });

  it('caps k at everyone else, and k = 0 gives empty neighbourhoods', () => {
    const everyone = nearestNeighbourAdoptions(people, 20)[0];
    expect(everyone?.neighbourCount).toBe(3);
    expect(everyone?.adoptions.get('FND-01')).toBe(2);
    expect(nearestNeighbourAdoptions(people, 0)[0]).toEqual({ neighbourCount: 0, adoptions: new Map() });
  });

  it('ignores gender: changing it changes no neighbourhood', () => {
    // Alternating genders: were gender a standardised feature (±1), C-0001 would be 2 away from C-0002
    // in gender but only ~2 from C-0003 in log income, and its nearest neighbour would flip to C-0003.
    const regendered = people.map((person, index) => ({
      ...person,
      customer: { ...person.customer, gender: index % 2 === 0 ? ('Male' as const) : ('Female' as const) },
    }));
    expect(nearestNeighbourAdoptions(regendered, 1)).toEqual(nearestNeighbourAdoptions(people, 1));
  });
});

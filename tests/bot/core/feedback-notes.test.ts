import { describe, expect, it } from 'vitest';
import { type Actor, feedbackNotes, type ProductOpinions } from '../../../bot/core/index.ts';

const customer: Actor = { channel: 'web', userId: 'C-000042', role: 'customer', customerId: 'C-000042' };
const advisor: Actor = { channel: 'slack', userId: 'U0ADVISOR', role: 'advisor', book: null };
const opinions: ProductOpinions = {
  customerChoice: true,
  segment: { interested: 2, notInterested: 1 },
  staff: [
    { voterId: 'U0ADVISOR', role: 'advisor', channel: 'slack', accepted: false },
    { voterId: 'aad-other', role: 'advisor', channel: 'teams', accepted: true },
    { voterId: 'U0OTHER', role: 'advisor', channel: 'slack', accepted: true },
  ],
};

describe('feedbackNotes: whose feedback it was, worded for the reader', () => {
  it('a customer reads their own choice and their peers’ counts, never staff notes', () => {
    expect(feedbackNotes(opinions, customer, 'C-000042')).toEqual([
      'You marked this as interested',
      '2 customers with a profile like yours were interested',
      '1 customer with a profile like yours said it was not for them',
    ]);
    expect(feedbackNotes({ ...opinions, customerChoice: false }, customer, 'C-000042')[0]).toBe(
      'You marked this as not for you',
    );
  });

  it('an advisor reads the customer by id, the segment, their own note and other advisors’ counted', () => {
    expect(feedbackNotes(opinions, advisor, 'C-000042')).toEqual([
      'C-000042 marked this as interested',
      '2 customers in this segment were interested',
      '1 customer in this segment said it was not for them',
      'You marked this as not for C-000042',
      '2 advisors marked this as interested',
    ]);
    const oneOther = { ...opinions, customerChoice: null, staff: opinions.staff.slice(1, 2) };
    expect(
      feedbackNotes({ ...oneOther, segment: { interested: 0, notInterested: 0 } }, advisor, 'C-000042'),
    ).toEqual(['An advisor marked this as interested']);
  });

  it('nothing known, nothing said', () => {
    const none: ProductOpinions = {
      customerChoice: null,
      segment: { interested: 0, notInterested: 0 },
      staff: [],
    };
    expect(feedbackNotes(none, advisor, 'C-000042')).toEqual([]);
    expect(feedbackNotes(none, customer, 'C-000042')).toEqual([]);
  });
});

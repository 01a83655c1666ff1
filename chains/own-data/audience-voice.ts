import type { ProfileRecord } from '../../knowledge/index.ts';

/** How an answer refers to the customer: "you" to the customer, their id to an advisor. */
export interface AudienceVoice {
  /** "you" / "C-000042". */
  subject: string;
  /** "You" / "C-000042". */
  Subject: string;
  /** "your" / "C-000042's". */
  possessive: string;
  /** "Your" / "C-000042's". */
  Possessive: string;
  /** "have" / "has". */
  have: string;
  /** "are" / "is". */
  are: string;
}

/** The voice for an audience. */
export function audienceVoice(record: ProfileRecord, audience: 'customer' | 'advisor'): AudienceVoice {
  if (audience === 'customer') {
    return {
      subject: 'you',
      Subject: 'You',
      possessive: 'your',
      Possessive: 'Your',
      have: 'have',
      are: 'are',
    };
  }
  const id = record.customer.customer_id;
  return { subject: id, Subject: id, possessive: `${id}'s`, Possessive: `${id}'s`, have: 'has', are: 'is' };
}

/** Who reads a reply about a customer: the customer themself, or their advisor (admins read as advisors). */
export type Audience = 'customer' | 'advisor';

/**
 * How every composed text refers to the customer: "you" to the customer; to an advisor, the customer's id first
 * and "they" after it, so an advisor never reads "you have …" about someone else's money. The one place audience
 * wording is decided (own-data answers, recommendation reasons, the grounded composer).
 */
export interface AudienceVoice {
  /** "you" / "C-000042": the customer, mid-sentence. */
  subject: string;
  /** "You" / "C-000042": the customer opening a sentence. */
  Subject: string;
  /** "your" / "C-000042's". */
  possessive: string;
  /** "Your" / "C-000042's": the customer's thing opening a sentence. */
  Possessive: string;
  /** "you" / "they": the customer again, later in a sentence that named them. */
  pronoun: string;
  /** "your" / "their": the customer's thing later in a sentence. */
  pronounPossessive: string;
  /** "your profile" / "C-000042's profile" where nothing earlier named the customer. */
  profile: string;
  /** "have" / "has". */
  have: string;
  /** "are" / "is". */
  are: string;
  /** The verb agreeing with the subject: verb('have', 'has'). */
  verb(secondPerson: string, thirdPerson: string): string;
}

/** The voice for an audience; the advisor's names the customer by id, the safest name a record has. */
export function audienceVoice(audience: Audience, customerId: string): AudienceVoice {
  if (audience === 'customer') {
    return {
      subject: 'you',
      Subject: 'You',
      possessive: 'your',
      Possessive: 'Your',
      pronoun: 'you',
      pronounPossessive: 'your',
      profile: 'your profile',
      have: 'have',
      are: 'are',
      verb: (secondPerson) => secondPerson,
    };
  }
  return {
    subject: customerId,
    Subject: customerId,
    possessive: `${customerId}'s`,
    Possessive: `${customerId}'s`,
    pronoun: 'they',
    pronounPossessive: 'their',
    profile: `${customerId}'s profile`,
    have: 'has',
    are: 'is',
    verb: (_secondPerson, thirdPerson) => thirdPerson,
  };
}

/** The customer's own voice, the default wherever no audience is given. */
export const CUSTOMER_VOICE: AudienceVoice = audienceVoice('customer', '');

/** Who reads a reason: the customer themself, or their advisor. */
export type Audience = 'customer' | 'advisor';

/**
 * How reasons refer to the customer: "you" to the customer; to an advisor, the customer's id first
 * and "they" after it, so an advisor never reads "you have …" about someone else's money.
 */
export interface ReasonVoice {
  /** "You" / "C-000042": the customer opening a sentence. */
  subject: string;
  /** "Your" / "C-000042's": the customer's thing opening a sentence. */
  possessive: string;
  /** "you" / "they": the customer again, later in a sentence that named them. */
  pronoun: string;
  /** "your" / "their": the customer's thing later in a sentence. */
  pronounPossessive: string;
  /** "your profile" / "C-000042's profile" where nothing earlier named the customer. */
  profile: string;
  /** The verb agreeing with the opening subject: verb('have', 'has'). */
  verb(secondPerson: string, thirdPerson: string): string;
}

/** The voice for an audience; the advisor's names the customer by id, the safest name a record has. */
export function reasonVoice(audience: Audience, customerId: string): ReasonVoice {
  if (audience === 'customer') {
    return {
      subject: 'You',
      possessive: 'Your',
      pronoun: 'you',
      pronounPossessive: 'your',
      profile: 'your profile',
      verb: (secondPerson) => secondPerson,
    };
  }
  return {
    subject: customerId,
    possessive: `${customerId}'s`,
    pronoun: 'they',
    pronounPossessive: 'their',
    profile: `${customerId}'s profile`,
    verb: (_secondPerson, thirdPerson) => thirdPerson,
  };
}

/** The customer's own voice, the default wherever no audience is given. */
export const CUSTOMER_VOICE: ReasonVoice = reasonVoice('customer', '');

import type { PassageFilter, Retriever, ScoredPassage } from '../../chains/retrieve/retriever.ts';

/**
 * STAND-IN for the articles' `intents:` front matter (contract 1, written by the articles work): which intents
 * each current article answers. Applied only to passages the store has no `intents` for, so once the tagged
 * articles are ingested their own tags win and this map no longer matters.
 */
export const STAND_IN_ARTICLE_INTENTS: Readonly<Record<string, readonly string[]>> = {
  'account-fees': ['account_fees'],
  'avoiding-scams': ['fraud_or_scam'],
  'card-not-arrived': ['card_arrival', 'card_delivery_estimate'],
  'disputing-a-card-transaction': [
    'card_payment_not_recognised',
    'transaction_charged_twice',
    'request_refund',
  ],
  'failed-or-pending-payment': [
    'pending_card_payment',
    'pending_transfer',
    'failed_transfer',
    'declined_card_payment',
  ],
  'lost-or-stolen-card': ['lost_or_stolen_card', 'compromised_card'],
  'spending-abroad': ['exchange_rate', 'card_payment_wrong_exchange_rate', 'country_support'],
  'talking-to-an-adviser': ['human_handoff', 'complaint'],
  ...Object.fromEntries(
    [
      'budgeting-basics',
      'credit-score',
      'diversification',
      'emergency-fund',
      'index-funds-and-fees',
      'inflation-and-savings',
      'insurance-basics',
      'paying-off-debt',
      'retirement-saving',
      'risk-tolerance',
      'saving-for-a-home',
      'saving-for-education',
      'student-loans',
      'using-credit-cards-wisely',
    ].map((id) => [id, ['financial_education']]),
  ),
};

/** The retriever with stand-in intents on untagged passages, filtered as the real store filters tagged ones. */
export function withArticleIntents(retriever: Retriever): Retriever {
  return {
    embedQuestion: (question) => retriever.embedQuestion(question),
    customer: (customerId) => retriever.customer(customerId),
    productSimilarity: (vector) => retriever.productSimilarity(vector),
    neighbourAdoptions: (customer, k) => retriever.neighbourAdoptions(customer, k),
    catalog: () => retriever.catalog(),
    async passages(question, vector, k = 3, filter: PassageFilter = {}): Promise<ScoredPassage[]> {
      const all = await retriever.passages(question, vector, Number.MAX_SAFE_INTEGER);
      const tagged = all.map((passage) =>
        passage.intents.length > 0
          ? passage
          : { ...passage, intents: [...(STAND_IN_ARTICLE_INTENTS[passage.articleId] ?? [])] },
      );
      const wanted = filter.intents ? new Set(filter.intents) : null;
      return tagged
        .filter((passage) => !wanted || passage.intents.some((intent) => wanted.has(intent)))
        .slice(0, k);
    },
  };
}

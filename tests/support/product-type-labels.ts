/**
 * The product-type labels cards must show, written out by hand: the known answers channel tests compare with,
 * deliberately not read from the source table they check.
 */
export const GERMAN_TYPE_LABELS: Readonly<Record<string, string>> = {
  savings: 'Sparkonto',
  credit_card: 'Kreditkarte',
  loan: 'Privatkredit',
  mortgage: 'Baufinanzierung',
  fund: 'Investmentfonds',
  retirement: 'Altersvorsorgekonto',
  insurance: 'Versicherung',
};

/** The English labels, as cards showed them before labels followed the reply language. */
export const ENGLISH_TYPE_LABELS: Readonly<Record<string, string>> = {
  savings: 'savings account',
  credit_card: 'credit card',
  loan: 'personal loan',
  mortgage: 'mortgage',
  fund: 'investment fund',
  retirement: 'retirement account',
  insurance: 'insurance policy',
};

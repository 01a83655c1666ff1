/** A customer id as advisors write it (C-000042): it says who the question is about, never what it asks. */
const CUSTOMER_ID = /\bC-\d{3,}\b/gi;

/**
 * The form of a message the intent model sees, in training and in prediction alike: customer ids become
 * "this customer", so "what should I offer C-000010?" reads like the advisor examples it was trained on
 * instead of carrying an unseen token.
 */
export function intentText(message: string): string {
  return message.replace(CUSTOMER_ID, 'this customer');
}

/**
 * ENGLISH-ONLY until the language branch lands (contract 6): the language work owns this file and adds
 * German and Spanish under the same keys and signature; the integrator keeps their version and these keys.
 */

/** Every fixed text the assistant sends, by purpose. */
export type FixedTextKey =
  | 'not_authorised'
  | 'out_of_scope'
  | 'human_handoff'
  | 'complaint_acknowledgement'
  | 'clarifying_question'
  | 'urgent_steps_preface'
  | 'urgent_steps'
  | 'manipulation_refusal'
  | 'service_unavailable'
  | 'risk_disclosure'
  | 'small_talk_greeting'
  | 'english_only_notice'
  | 'no_article'
  | 'own_data_unavailable';

const OFFER_HUMAN = 'If you would like, I can connect you with one of our advisers.';

const ENGLISH: Record<FixedTextKey, string> = {
  not_authorised: `I'm sorry, I can't share that. ${OFFER_HUMAN}`,
  out_of_scope:
    "I'm sorry, I can't help with that here. I can answer questions about our cards, payments, transfers, fees, " +
    `your own spending and managing money, and suggest products that fit your profile. ${OFFER_HUMAN}`,
  human_handoff:
    'Of course. I have flagged this conversation for one of our advisers, who will pick it up here as soon as ' +
    'they can. You can also call us at any time on 0800 123 4567.',
  complaint_acknowledgement:
    "I'm sorry you've had this experience. I have recorded your complaint and flagged this conversation for a " +
    'member of our team, who will get back to you. If you would like to speak to someone now, call us on 0800 123 4567.',
  clarifying_question: 'Just to be sure I help with the right thing: is this about {options}?',
  urgent_steps_preface: 'Please act on this straight away:',
  urgent_steps:
    '1. Freeze your card now in the app (Cards → Freeze card); you can unfreeze it later.\n' +
    '2. Call our 24/7 line on 0800 123 4567 (from abroad +44 20 7946 0000) to block the card and report what happened.\n' +
    '3. Never share your PIN, passwords or one-time codes with anyone, even someone who says they are from the bank.\n' +
    'I have flagged this conversation for a member of our team.',
  manipulation_refusal:
    "I can't do that. I give guidance only from the bank's own information, and I can't change how I work, " +
    `approve applications or move money. ${OFFER_HUMAN}`,
  service_unavailable: `I'm sorry, I can't answer that reliably right now. ${OFFER_HUMAN}`,
  risk_disclosure:
    'Please remember that the value of investments can go down as well as up, and you may get back less than you invest.',
  small_talk_greeting:
    "Hello! I'm the bank's guidance assistant. I can help with cards, payments, transfers, fees, your own spending " +
    'and saving, and suggest products that fit your profile. What can I help with?',
  english_only_notice: 'I reply in English for now.',
  no_article: `I'm sorry, I don't have a guide on {topic} yet. ${OFFER_HUMAN}`,
  own_data_unavailable:
    "I can't compute that from your records yet. I can explain our guides on budgeting and saving, or " +
    `suggest products that fit your profile. ${OFFER_HUMAN}`,
};

/**
 * The fixed text for a purpose in the customer's language (English for now), with `{name}` placeholders filled.
 * @example fixedText('clarifying_question', 'en', { options: 'your PIN or card delivery' })
 */
export function fixedText(key: FixedTextKey, _language: string, params: Record<string, string> = {}): string {
  return ENGLISH[key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** "a, b or c" for clarifying questions. */
export function listOfOptions(options: readonly string[]): string {
  if (options.length <= 1) return options.join('');
  return `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
}

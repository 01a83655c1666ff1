const OFFER_HUMAN = 'If you would like, I can connect you with one of our advisers.';
const ADVISOR_FOLLOW_UP = 'If {customer} needs more, book a review with them.';
/** The bank's phone line, named wherever a text offers a call. */
export const PHONE = '0800 123 4567';

/**
 * The assistant's fixed sentences in English for the customer: the source every translation is checked against.
 * `{name}` marks a parameter that `fixedText` fills in. The wording of the keys the chain's routing uses is the
 * understanding branch's (contract 6).
 */
export const ENGLISH_CUSTOMER_TEXTS = {
  not_authorised: `I'm sorry, I can't share that. ${OFFER_HUMAN}`,
  out_of_scope:
    "I'm sorry, I can't help with that here. I can answer questions about our cards, payments, transfers, fees, " +
    `your own spending and managing money, and suggest products that fit your profile. ${OFFER_HUMAN}`,
  human_handoff:
    'Of course. I have flagged this conversation for one of our advisers, who will pick it up here as soon as ' +
    `they can. You can also call us at any time on ${PHONE}.`,
  human_handoff_offer: OFFER_HUMAN,
  complaint_acknowledgement:
    "I'm sorry you've had this experience. I have recorded your complaint and flagged this conversation for a " +
    `member of our team, who will get back to you. If you would like to speak to someone now, call us on ${PHONE}.`,
  clarifying_question: 'Just to be sure I help with the right thing: is this about {options}?',
  urgent_steps_preface: 'Please act on this straight away:',
  urgent_steps:
    '1. Freeze your card now in the app (Cards → Freeze card); you can unfreeze it later.\n' +
    `2. Call our 24/7 line on ${PHONE} (from abroad +44 20 7946 0000) to block the card and report what happened.\n` +
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
  small_talk_thanks: "You're welcome! Is there anything else I can help with?",
  small_talk_goodbye: 'Goodbye, and thanks for chatting. I am here whenever you need me.',
  english_only_notice: 'I reply in English for now.',
  no_article: `I'm sorry, I don't have a guide on {topic} yet. ${OFFER_HUMAN}`,
  no_guidance_found: `I'm sorry, I couldn't find guidance on that. ${OFFER_HUMAN}`,
  own_data_unavailable:
    "I can't compute that from your records yet. I can explain our guides on budgeting and saving, or " +
    `suggest products that fit your profile. ${OFFER_HUMAN}`,
  guide_introduction: 'Here is what our guide “{title}” says:',
  guide_closing: "If that doesn't answer your question, I can connect you with one of our advisers.",
  recommendation_introduction: 'Based on your profile, these products fit best:',
  recommendation_none:
    "I couldn't find a product in our range that suits your profile right now, so I won't suggest one. " +
    'An adviser can look at the full picture.',
  recommendation_more_detail: `Would you like more detail on any of these? ${OFFER_HUMAN}`,
  which_customer: `I can't find your customer record right now, so I can't rank products for you. ${OFFER_HUMAN}`,
  one_customer_at_a_time: 'You mentioned {customers}. I can only answer about your own accounts.',
  message_too_long: 'That message is too long: it has {length} characters, and the limit is {limit}.',
  rate_expected_return: 'Expected return around {rate}% a year, not guaranteed.',
  rate_monthly_premium: 'Premiums from {premium} a month.',
  rate_aer: '{rate}% AER.',
  rate_apr: '{rate}% APR.',
  article_in_english: 'This guide is only available in English.',
} as const;

/** The name of one fixed sentence. */
export type FixedTextKey = keyof typeof ENGLISH_CUSTOMER_TEXTS;

/**
 * The same sentences for an advisor asking about a customer: the customer in the third person (`{customer}` is
 * their id, or "the customer" when none was named) and the steps the advisor takes, never "your card".
 */
export const ENGLISH_ADVISOR_TEXTS: Readonly<Record<FixedTextKey, string>> = {
  not_authorised:
    "I'm sorry, I can't share that. If you need it for your work, ask an admin to check your access.",
  out_of_scope:
    'This is outside what I can answer. I can answer questions about our cards, payments, transfers, fees and ' +
    'managing money, explain {customerPossessive} spending and suggest products that fit {customerPossessive} ' +
    'profile; for anything else, {customer} can be referred to the team that handles it.',
  human_handoff:
    'Of course. I have flagged this conversation for a colleague on the advisory team, who will pick it up here ' +
    `as soon as they can. {Customer} can also call us at any time on ${PHONE}.`,
  human_handoff_offer: ADVISOR_FOLLOW_UP,
  complaint_acknowledgement:
    'I have recorded this as a complaint and flagged the conversation. Escalate it to the complaints team, who ' +
    `will get back to {customer}; if {customer} wants to speak to someone now, they can call us on ${PHONE}.`,
  clarifying_question: 'Just to be sure I help with the right thing: is this about {options}?',
  urgent_steps_preface: 'Please act on this for {customer} straight away:',
  urgent_steps:
    '1. Freeze {customerPossessive} card now in the back office (Customer → Cards → Freeze card); it can be ' +
    'unfrozen later.\n' +
    `2. Call {customer} on the number on file, or have them call our 24/7 line on ${PHONE} (from abroad ` +
    '+44 20 7946 0000), to confirm the block and report what happened.\n' +
    '3. Remind {customer} never to share their PIN, passwords or one-time codes with anyone, even someone who ' +
    'says they are from the bank.\n' +
    'I have flagged this conversation for the fraud team.',
  manipulation_refusal:
    "I can't do that. I give guidance only from the bank's own information, and I can't change how I work, " +
    'approve applications or move money; applications and payments go through the back office.',
  service_unavailable:
    "I'm sorry, I can't answer that reliably right now. Check {customerPossessive} records in the back office, " +
    'or try again later.',
  risk_disclosure:
    'Please remember that the value of investments can go down as well as up, and {customer} may get back less ' +
    'than they invest.',
  small_talk_greeting:
    "Hello! I'm the bank's guidance assistant. I can explain our products and guides, answer questions about " +
    'cards, payments, transfers and fees, and rank the products that fit a customer in your book. What can I ' +
    'help with?',
  small_talk_thanks: "You're welcome! Is there anything else I can help with?",
  small_talk_goodbye: 'Goodbye, and thanks for chatting. I am here whenever you need me.',
  english_only_notice: 'I reply in English for now.',
  no_article: `I'm sorry, I don't have a guide on {topic} yet. ${ADVISOR_FOLLOW_UP}`,
  no_guidance_found: `I'm sorry, I couldn't find guidance on that. ${ADVISOR_FOLLOW_UP}`,
  own_data_unavailable:
    "I can't compute that from {customerPossessive} records yet; the full records are in the back office. I can " +
    'explain our guides on budgeting and saving, or suggest products that fit {customerPossessive} profile.',
  guide_introduction: 'Here is what our guide “{title}” says:',
  guide_closing: ADVISOR_FOLLOW_UP,
  recommendation_introduction: 'Based on {customerPossessive} profile, these products fit best:',
  recommendation_none:
    "I couldn't find a product in our range that suits {customerPossessive} profile right now, so I won't " +
    'suggest one. Book a review with {customer} to look at the full picture.',
  recommendation_more_detail:
    'These are ranked by suitability first; the reasons on each card are the facts that drove each one. ' +
    'Offer {customer} any of these that fit, or book a review with them to go through the full picture.',
  which_customer:
    'Which customer is this about? Send their customer id (for example C-000042) and I will rank the products that suit them.',
  one_customer_at_a_time:
    'You mentioned {customers}. Which one customer is this about? I answer about one customer at a time.',
  message_too_long: 'That message is too long: it has {length} characters, and the limit is {limit}.',
  rate_expected_return: 'Expected return around {rate}% a year, not guaranteed.',
  rate_monthly_premium: 'Premiums from {premium} a month.',
  rate_aer: '{rate}% AER.',
  rate_apr: '{rate}% APR.',
  article_in_english: 'This guide is only available in English.',
};

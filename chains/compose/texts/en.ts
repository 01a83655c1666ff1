/**
 * The assistant's fixed sentences in English: the source every translation is checked against. `{name}`
 * marks a parameter that `fixedText` fills in.
 */
export const ENGLISH_TEXTS = {
  not_authorised: 'Sorry, I can only help with your own accounts.',
  out_of_scope:
    "I'm sorry, I can't help with that here. I can answer questions about our products, cards, payments, fees " +
    'and managing money. If you would like, I can connect you with one of our advisers.',
  human_handoff:
    "Of course. I'll pass your request to one of our advisers, who will get back to you as soon as they can.",
  human_handoff_offer: 'If you would like, I can connect you with one of our advisers.',
  complaint_acknowledgement:
    "I'm sorry to hear that, and thank you for telling us. I've passed your complaint to our team, and one of our advisers will get back to you.",
  clarifying_question: 'Is this about {a}, {b} or {c}?',
  clarifying_question_two: 'Is this about {a} or {b}?',
  urgent_steps_preface: 'This needs attention right away. Please do this first:',
  urgent_flagged: "I've also flagged this conversation so that someone from our team follows it up.",
  manipulation_refusal:
    "I can't do that. I give guidance only from the bank's own information, and I can't change how I work, " +
    'approve applications or move money. For help with an application or a payment, a member of our team can help. ' +
    'If you would like, I can connect you with one of our advisers.',
  service_unavailable: 'The assistant is unavailable right now. Please try again in a few minutes.',
  safe_fallback:
    "I'm sorry, I can't answer that reliably right now. If you would like, I can connect you with one of our advisers.",
  no_guidance_found:
    "I'm sorry, I couldn't find guidance on that. If you would like, I can connect you with one of our advisers.",
  risk_disclosure:
    'Please remember that the value of investments can go down as well as up, and you may get back less than you invest.',
  small_talk_greeting:
    "Hello! I'm the bank's guidance assistant. I can explain our products, suggest ones that fit your profile, " +
    'and answer questions about cards, payments, fees and saving. What can I help with?',
  small_talk_thanks: "You're welcome! Is there anything else I can help with?",
  small_talk_goodbye: 'Goodbye, and thanks for chatting. I am here whenever you need me.',
  guide_introduction: 'Here is what our guide “{title}” says:',
  guide_closing: "If that doesn't answer your question, I can connect you with one of our advisers.",
  recommendation_introduction: 'Based on your profile, these products fit best:',
  recommendation_none:
    "I couldn't find a product in our range that suits your profile right now, so I won't suggest one. " +
    'An adviser can look at the full picture.',
  recommendation_more_detail:
    'Would you like more detail on any of these? If you would like, I can connect you with one of our advisers.',
  which_customer:
    'Which customer is this about? Send their customer id (for example C-000042) and I will rank the products that suit them.',
  one_customer_at_a_time:
    'You mentioned {customers}. Which one customer is this about? I answer about one customer at a time.',
  message_too_long: 'That message is too long: it has {length} characters, and the limit is {limit}.',
  english_only_notice: 'I can only reply in English for now.',
} as const;

/** The name of one fixed sentence. */
export type FixedTextKey = keyof typeof ENGLISH_TEXTS;

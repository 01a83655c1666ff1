/**
 * The assistant's intent taxonomy: every everyday-banking intent of Banking77 (ids lower-cased, `?`
 * dropped) plus the advisor's own. Articles name the intents they answer (`intents:` front matter);
 * the trained classifier predicts these ids; the chain decides what a reply may contain from `kind`.
 */

/** What kind of reply an intent needs. */
export type IntentKind =
  /** Answered from the help-centre article mapped to the intent. */
  | 'everyday'
  /** Answered from a financial-education article. */
  | 'education'
  /** Suitability-ranked product recommendations for the customer. */
  | 'recommendation'
  /** Computed from the customer's own records (spending, balances, debts, savings rate, retirement). */
  | 'own_data'
  /** A greeting, thanks or question about the assistant. */
  | 'small_talk'
  /** The user asks for a person, or complains: acknowledge and hand over. */
  | 'handoff'
  /** Not something this assistant does: say so plainly and offer a human. */
  | 'out_of_scope';

/** One intent of the taxonomy. */
export interface IntentDefinition {
  id: string;
  kind: IntentKind;
  /** A short topic name, used in clarifying questions ("Is this about card delivery or your PIN?"). */
  label: string;
  /** Immediate steps first (freeze the card, call the 24/7 number) and the turn is flagged for a human. */
  urgent: boolean;
}

const everyday = (id: string, label: string, urgent = false): IntentDefinition => ({
  id,
  kind: 'everyday',
  label,
  urgent,
});

/** Banking77's 77 intents, in the ids the project uses (the CSV's category lower-cased, `?` dropped). */
export const BANKING77_INTENTS: readonly IntentDefinition[] = [
  everyday('activate_my_card', 'activating your card'),
  everyday('age_limit', 'age requirements'),
  everyday('apple_pay_or_google_pay', 'Apple Pay and Google Pay'),
  everyday('atm_support', 'using ATMs'),
  everyday('automatic_top_up', 'automatic top-ups'),
  everyday('balance_not_updated_after_bank_transfer', 'a transfer not in your balance'),
  everyday('balance_not_updated_after_cheque_or_cash_deposit', 'a deposit not in your balance'),
  everyday('beneficiary_not_allowed', 'a payee that was not allowed'),
  everyday('cancel_transfer', 'cancelling a transfer'),
  everyday('card_about_to_expire', 'a card about to expire'),
  everyday('card_acceptance', 'where your card is accepted'),
  everyday('card_arrival', 'a card that has not arrived'),
  everyday('card_delivery_estimate', 'card delivery times'),
  everyday('card_linking', 'linking a card'),
  everyday('card_not_working', 'a card that is not working'),
  everyday('card_payment_fee_charged', 'a fee on a card payment'),
  everyday('card_payment_not_recognised', 'a card payment you do not recognise', true),
  everyday('card_payment_wrong_exchange_rate', 'the exchange rate of a card payment'),
  everyday('card_swallowed', 'a card kept by an ATM'),
  everyday('cash_withdrawal_charge', 'cash withdrawal fees'),
  everyday('cash_withdrawal_not_recognised', 'a cash withdrawal you do not recognise', true),
  everyday('change_pin', 'changing your PIN'),
  everyday('compromised_card', 'a card that may be compromised', true),
  everyday('contactless_not_working', 'contactless payments'),
  everyday('country_support', 'countries we support'),
  everyday('declined_card_payment', 'a declined card payment'),
  everyday('declined_cash_withdrawal', 'a declined cash withdrawal'),
  everyday('declined_transfer', 'a declined transfer'),
  everyday('direct_debit_payment_not_recognised', 'a direct debit you do not recognise'),
  everyday('disposable_card_limits', 'disposable card limits'),
  everyday('edit_personal_details', 'changing your personal details'),
  everyday('exchange_charge', 'currency exchange fees'),
  everyday('exchange_rate', 'exchange rates'),
  everyday('exchange_via_app', 'exchanging currency in the app'),
  everyday('extra_charge_on_statement', 'an extra charge on your statement'),
  everyday('failed_transfer', 'a failed transfer'),
  everyday('fiat_currency_support', 'currencies we support'),
  everyday('get_disposable_virtual_card', 'disposable virtual cards'),
  everyday('get_physical_card', 'getting a physical card'),
  everyday('getting_spare_card', 'an additional card'),
  everyday('getting_virtual_card', 'virtual cards'),
  everyday('lost_or_stolen_card', 'a lost or stolen card', true),
  everyday('lost_or_stolen_phone', 'a lost or stolen phone', true),
  everyday('order_physical_card', 'ordering a card'),
  everyday('passcode_forgotten', 'a forgotten passcode'),
  everyday('pending_card_payment', 'a pending card payment'),
  everyday('pending_cash_withdrawal', 'a pending cash withdrawal'),
  everyday('pending_top_up', 'a pending top-up'),
  everyday('pending_transfer', 'a pending transfer'),
  everyday('pin_blocked', 'a blocked PIN'),
  everyday('receiving_money', 'receiving money'),
  everyday('refund_not_showing_up', 'a refund that has not arrived'),
  everyday('request_refund', 'asking for a refund'),
  everyday('reverted_card_payment', 'a reversed card payment'),
  everyday('supported_cards_and_currencies', 'supported cards and currencies'),
  everyday('terminate_account', 'closing your account'),
  everyday('top_up_by_bank_transfer_charge', 'top-up fees by bank transfer'),
  everyday('top_up_by_card_charge', 'top-up fees by card'),
  everyday('top_up_by_cash_or_cheque', 'topping up with cash or a cheque'),
  everyday('top_up_failed', 'a failed top-up'),
  everyday('top_up_limits', 'top-up limits'),
  everyday('top_up_reverted', 'a reversed top-up'),
  everyday('topping_up_by_card', 'topping up by card'),
  everyday('transaction_charged_twice', 'a payment taken twice'),
  everyday('transfer_fee_charged', 'a transfer fee'),
  everyday('transfer_into_account', 'paying money into your account'),
  everyday('transfer_not_received_by_recipient', 'a transfer the recipient has not received'),
  everyday('transfer_timing', 'how long transfers take'),
  everyday('unable_to_verify_identity', 'problems verifying your identity'),
  everyday('verify_my_identity', 'verifying your identity'),
  everyday('verify_source_of_funds', 'proving where your money comes from'),
  everyday('verify_top_up', 'verifying a top-up'),
  everyday('virtual_card_not_working', 'a virtual card that is not working'),
  everyday('visa_or_mastercard', 'Visa or Mastercard'),
  everyday('why_verify_identity', 'why we verify your identity'),
  everyday('wrong_amount_of_cash_received', 'the wrong amount of cash from an ATM'),
  everyday('wrong_exchange_rate_for_cash_withdrawal', 'the exchange rate of a cash withdrawal'),
];

/** The advisor's own intents, which Banking77 lacks (their training examples are the project's own). */
export const ADVISOR_INTENTS: readonly IntentDefinition[] = [
  { id: 'product_recommendation', kind: 'recommendation', label: 'products that suit you', urgent: false },
  { id: 'own_finances', kind: 'own_data', label: 'your own spending and balances', urgent: false },
  { id: 'financial_education', kind: 'education', label: 'saving, investing and borrowing', urgent: false },
  { id: 'account_fees', kind: 'everyday', label: 'account fees', urgent: false },
  { id: 'fraud_or_scam', kind: 'everyday', label: 'a scam or fraud', urgent: true },
  { id: 'small_talk', kind: 'small_talk', label: 'a chat', urgent: false },
  { id: 'human_handoff', kind: 'handoff', label: 'talking to a person', urgent: false },
  { id: 'complaint', kind: 'handoff', label: 'making a complaint', urgent: false },
  { id: 'out_of_scope', kind: 'out_of_scope', label: 'something else', urgent: false },
];

/** Every intent, Banking77's first. */
export const INTENTS: readonly IntentDefinition[] = [...BANKING77_INTENTS, ...ADVISOR_INTENTS];

const BY_ID: ReadonlyMap<string, IntentDefinition> = new Map(INTENTS.map((intent) => [intent.id, intent]));

/** The definition of an intent id, or undefined for an id outside the taxonomy. */
export function intentDefinition(id: string): IntentDefinition | undefined {
  return BY_ID.get(id);
}

/** Turns a Banking77 category (`Refund_not_showing_up`, `reverted_card_payment?`) into the project's id. */
export function banking77IntentId(category: string): string {
  return category.toLowerCase().replace(/[^a-z0-9_]/g, '');
}

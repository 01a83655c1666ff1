/** One reason a reply may not be sent, keyed on `reason` so callers can count, log and repair each kind. */
export type ValidationIssue =
  | { reason: 'unknown_product'; text: string }
  | { reason: 'unrecommended_product'; productId: string }
  | { reason: 'ungrounded_number'; text: string }
  /** `detectedBy`: the patterns, the certainty-about-an-outcome structure (`phrase` is the clause), or the trained classifier (only when its model is loaded; `phrase` is then the sentence). */
  | { reason: 'promissory_language'; phrase: string; detectedBy: 'patterns' | 'structure' | 'classifier' }
  | { reason: 'missing_risk_disclosure'; productId: string }
  | { reason: 'foreign_pii'; text: string }
  | { reason: 'system_prompt_echo'; text: string }
  | { reason: 'obeyed_injection'; text: string }
  | { reason: 'too_long'; characters: number }
  | { reason: 'bad_format'; text: string }
  /** A model's reply is not about its sources (see judgeRelevance); `text` says how far off it is. */
  | { reason: 'off_topic'; text: string }
  /** Worded for the wrong reader: "you/your" about the customer's money to an advisor, or "this customer" to the customer. */
  | { reason: 'wrong_audience_voice'; audience: 'customer' | 'advisor'; text: string };

/** Every reason code a validation issue can carry. */
export type ValidationReason = ValidationIssue['reason'];

/** The validator's answer: a reply passes with no issues, or fails with at least one. */
export type Verdict = { ok: true; issues: [] } | { ok: false; issues: ValidationIssue[] };

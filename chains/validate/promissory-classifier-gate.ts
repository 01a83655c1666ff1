import {
  CONDITIONAL,
  isCautionOrGenuineGuarantee,
  mentionsInvestmentOutcome,
  STATED_RATE,
} from './promissory-structure.ts';

/**
 * Which clauses the promissory classifier may reject. The classifier reads word patterns, so on its own it
 * also rejects sentences that share a promise's words but cannot promise anything: ones about no investment
 * outcome ("I'm sure you'll find the app easier"), cautions and genuinely guaranteed products (the same
 * test the structural check uses), and plain history ("the fund had a loss of 9% in its worst year").
 */

/** A verb form or time word that places a clause in the past. */
const PAST =
  /\b(?:(?:has|have)\s+(?:\w+\s+)?(?:\w+ed|risen|grown|fallen|done|made|beaten|paid|lost|won|shrunk)|had|was|were|did|returned|lost|fell|rose|gained|grew|dropped|delivered|paid|made|ended|beat|outperformed|underperformed|last\s+(?:year|month|quarter|decade)|in\s+(?:19|20)\d\d)\b/;
/** Anything that reaches past the record into now or the future, or asserts certainty: not plain history. */
const PRESENT_OR_FUTURE =
  /\b(?:will|'ll|shall|going\s+to|gonna|always|never|forever|ever|can|can't|cannot|won't|would|guarantee\w*|certain\w*|sure|promise\w*|assure\w*|every|only|zero|risk\w*|safe\w*|protect\w*|secure\w*|is|are|am|'s|'re|be|keeps?|does|do|you|too)\b/;

/** A two-sided or hedged statement ("this can change", "will rise and fall", "may"): a caution, not a promise. */
const HEDGED =
  /\b(?:may|might|could|can\s+(?:also\s+)?(?:change|vary|fall|drop|go\s+down|move|lose)|up\s+(?:and|or|as\s+well\s+as)\s+down|down\s+(?:and|or|as\s+well\s+as)\s+up|(?:rise|go\s+up|goes\s+up)\s+(?:and|or|as\s+well\s+as)\s+(?:fall|go\s+down|goes\s+down|drop)|(?:fall|go\s+down|drop)\s+(?:and|or|as\s+well\s+as)\s+(?:rise|go\s+up))\b/;
/** Words that hedge or speak of tendencies ("tends to", "historically", "on average"): a description, not a promise. */
const TENDENCY =
  /\b(?:likely|unlikely|probably|possibly|perhaps|usually|typically|generally|often|sometimes|tends?\s+to|aims?\s+to|historically|on\s+average|at\s+risk|if\s+(?:i|we|anyone|someone|only)\s+(?:knew|could|had)|risk\s+(?:rating|level|indicator|profile|warning)|depends?\s+on|subject\s+to|variable)\b/;
/** "Your portfolio is down 4% this year so far": where a balance stands now, without a word about where it goes. */
const STANDING = /\b(?:is|are)\s+(?:up|down)\s+(?:by\s+)?(?:about\s+|around\s+)?\d/;
/** Certainty that a condition does not soften ("if you hold it, it is guaranteed to double"). */
const CERTAINTY_WORD_BEYOND_WILL =
  /\b(?:always|never|guarantee\w*|certain\w*|sure|definitely|promise\w*|assure\w*|no\s+matter|whatever|regardless|risk-?free|can't\s+lose|cannot\s+lose)\b/;
const CERTAINTY_WORD = /\b(?:will|'ll|always|never|guarantee\w*|certain\w*|sure|promise\w*|assure\w*)\b/;
/** "Index funds will never beat the index": a gain denied is a caution, not a promise. */
const GAIN_DENIED =
  /\b(?:never|won't|will\s+not|can't|cannot|don't|doesn't|do\s+not|does\s+not)\s+(?:\w+\s+)?(?:beat|outperform|rise|grow|gain|go\s+up|keep\s+up\s+with|match)\b|\b(?:pays?|paid|has|have|offers?)\s+no\s+(?:dividends?|interest|income|coupons?|bonus(?:es)?)\b/;
/** A fall stated without a denial ("if markets fall, your investment will fall too") warns; it cannot promise a gain. */
const LOSS_STATED =
  /\b(?:fall|falls|fell|drop|drops|dropped|lose|loses|losing|lost|loss|losses|decline|declines|go\s+down|goes\s+down)\b/;
const DENIAL_OR_SHIELD =
  /\b(?:not|no|never|nothing|none|without|zero|nil|impossible|immune|protect\w*|shield\w*|insur\w*|safe\w*|secure\w*|guarantee\w*|even|whatever|regardless|matter|can't|cannot|won't|don't|doesn't|isn't|aren't)\b|n't\b/;

/** Outcomes beyond the structural check's list that a promise can be about, and verbs that only look like one. */
const LIFE_OUTCOME = /\b(?:retire\w*|nest\s+egg|financially|afford)\b/;
/** "You won't lose your bonus": losing a perk or a place, not money. */
const LOSS_OF_A_PERK =
  /\blos(?:e|es|ing|t)\s+(?:your|the|any|their)\s+(?:bonus|interest|rewards?|points|cashback|discount|benefits?|place|access|card|cover|data|history)\b/g;
const SHARE_AS_VERB =
  /\bshares?\s+(?:it|them|this|that|your|my|our|with|details|the\s+(?:risks?|costs?|burden|load|details))\b/g;

/** A clause that only reports what happened ("returned 8% last year"): a fact, never a promise. */
export function reportsOnlyThePast(clause: string): boolean {
  const lower = clause.toLowerCase();
  return (
    PAST.test(lower) && (!PRESENT_OR_FUTURE.test(lower) || (RECORD_SPAN.test(lower) && !FORWARD.test(lower)))
  );
}

/** "has paid a dividend every year since 1995": a record over a stated span, with nothing said about what comes next. */
const RECORD_SPAN =
  /\b(?:since\s+(?:(?:19|20)\d\d|launch|inception|it\s+launched)|(?:over|in|for|during)\s+the\s+(?:last|past)\s+(?:\w+\s+)?(?:years?|decades?|months?|quarters?))\b/;
const FORWARD =
  /\b(?:will|'ll|shall|going\s+to|gonna|always|forever|guarantee\w*|certain\w*|sure|promise\w*|assure\w*|continue\w*|keeps?)\b/;

/** Whether the classifier's verdict counts for this clause or sentence. */
export function isClassifiable(clause: string): boolean {
  const lower = clause.toLowerCase().replace(SHARE_AS_VERB, ' ').replace(LOSS_OF_A_PERK, ' ');
  if (!mentionsInvestmentOutcome(lower) && !LIFE_OUTCOME.test(lower)) return false;
  if (HEDGED.test(lower) || TENDENCY.test(lower)) return false;
  // "If markets rise, your fund will grow", "when you retire, …", "… at 5% a year": illustrations; "if you invest with us" is not.
  if ((CONDITIONAL.test(lower) || STATED_RATE.test(lower)) && !CERTAINTY_WORD_BEYOND_WILL.test(lower))
    return false;
  if (STANDING.test(lower) && !CERTAINTY_WORD.test(lower)) return false;
  if (GAIN_DENIED.test(lower)) return false;
  if (LOSS_STATED.test(lower) && !DENIAL_OR_SHIELD.test(lower)) return false;
  return !isCautionOrGenuineGuarantee(lower) && !reportsOnlyThePast(lower);
}

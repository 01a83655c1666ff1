import { isNegatedBefore } from './negation-window.ts';

/**
 * A structural reading of promissory language: a clause promises when it asserts certainty (a cue such as
 * "guaranteed", "can't lose", "no matter what", "rest assured") about an investment outcome (returns,
 * value, your money, this fund, …), the cue is not negated or hedged, and the clause is not a caution,
 * a reported claim or a genuinely guaranteed deposit. Phrase lists miss paraphrases; cue × outcome
 * generalises to sentences nobody listed.
 */

const LOSS = String.raw`(?:lose|loses|losing|lost|loss|losses|fall|falls|descend|descends|sink|sinks|slip|slips|slide|slides|tumble|tumbles|plunge|plunges|plummet|plummets|drop|drops|dip|dips|decline|declines|go\s+down|goes\s+down|crash|crashes|shrink|shrinks|fail|fails|go\s+wrong|see\s+red|(?:end|ends|finish|finishes|close|closes|go|goes)\s+(?:(?:a|the|any|this)\s+)?(?:(?:year|month|quarter)\s+)?(?:in|into)\s+the\s+red|go\s+negative|disappoint|disappoints|underperform|underperforms|(?:go|goes|fall|falls|drop|drops|dip|dips)\s+below|end\s+up\s+(?:with\s+less|worse\s+off|poorer|behind)|be\s+worse\s+off)`;
const RISE = String.raw`(?:get\s+(?:back\s+more|more\s+back)|gets?\s+back\s+more|(?:be|is|are)\s+back\s+(?:above|up|in\s+(?:profit|the\s+black))|strengthen|strengthens|rally|rallies|go\s+up|goes\s+up|gone\s+up|went\s+up|outpace|outpaces|outgrow|outgrows|pays?\s+(?:you\s+)?back|rise|rises|grow|grows|gain|gains|climb|climbs|increase|increases|soar|soars|earn|earns|profit|profits|pay\s+off|pays\s+off|makes?\s+(?:you\s+)?(?:(?:a\s+lot\s+of|lots\s+of|good|big|serious|real)\s+)?money|recoup|recoups|win|wins|beat|beats|outperform|outperforms|recover|recovers|double|doubles|doubled|rocket|rockets|skyrocket|skyrockets|triple|triples|tripled|multiply|multiplies|be\s+worth|be\s+(?:\w+\s+)?(?:bigger|larger|higher|greater|richer|wealthy|rich|a\s+millionaire|millionaires)|(?:sitting|sit)\s+on\s+a\s+fortune|make\s+a\s+fortune|grown|risen|gained|doubled|increased|climbed|come\s+back|come\s+out\s+stronger|appreciate|appreciates|make\s+back|makes\s+back|boost|boosts|\d+x|bounce\s+back|bounces\s+back|rebound|rebounds|take\s+off|takes\s+off|explode|explodes|surge|surges|end\s+up\s+(?:richer|ahead|better\s+off|on\s+top)|come\s+out\s+(?:ahead|on\s+top)|keeps\s+(?:on\s+)?(?:growing|going\s+up|going\s+higher|climbing|rising|paying|delivering|earning|gaining|compounding|making\s+money)|keep\s+(?:on\s+)?(?:growing|going\s+up|going\s+higher|climbing|rising|delivering|gaining|compounding)|be\s+(?:richer|ahead|better\s+off))`;
const NEGATED_MODAL = String.raw`(?:can(?:no|')t|can\s+not|could(?:n't|\s+not)|won't|will\s+not|would(?:n't|\s+not)|never|do(?:n't|\s+not)|does(?:n't|\s+not)|is(?:n't|\s+not)|are(?:n't|\s+not)|ha(?:s|ve)(?:n't|\s+not))`;
/** "You won't lose your place in the queue": losing something that is not money. */
const NOT_A_THING_OWNED = String.raw`(?!\s+(?:your\s+|the\s+)?(?:place|card|phone|seat|spot|access|data|documents?|files?|records?|details|paperwork|progress|sight|track|touch|connection|history|interest|bonus|rewards?|points|cashback|discount|benefits?|cover|protection|entitlement|rate)\b)`;
/** Words allowed between "can't" and "lose": not verbs like "prevent" or "stop" that turn the meaning round. */
const FILLER = String.raw`(?:(?:possibly|ever|really|actually|even|just|realistically|suffer|see|take|make|incur|have|a|any|you|your|money|it|them|to)\s+)`;

/** Words and phrases that assert certainty; each is read with what follows it in the clause. */
const CERTAINTY_CUES: readonly RegExp[] = [
  /\bguarantee(?:d|s)?\b(?!\s+(?:scheme|fund|schemes)\b)/,
  /(?<!\b(?:be|make|making|makes)\s)\b(?:certain|sure|bound|destined|set)\s+to\b/,
  /\b(?:certainly|surely|definitely|undoubtedly|unquestionably|inevitably|assuredly)\b|\b(?:is|are)\s+(?:\w+\s+)?automatic\b/,
  /\b(?:a|the)\s+(?:certainty|given|sure\s+thing|safe\s+bet|sure\s+bet|one-way\s+bet|done\s+deal)\b|\b(?:surest|safest)\s+(?:way|bet|route)\b|\bone\s+direction\b|\bforever\b|\bworst(?:-|\s+)case\b.*\b(?:still|yet)\b/,
  /\b(?:for\s+(?:sure|certain)|no\s+question|no\s+doubt|without\s+(?:a|any)\s+doubt|mark\s+my\s+words|trust\s+(?:me|us|the\s+process)|you\s+have\s+my\s+word|simple\s+as\s+that|that\s+much\s+is\s+(?:certain|sure|clear)|without\s+(?:having\s+to\s+)?worry\w*|one\s+way\s+to\s+go|like\s+clockwork|no\s+strings(?:\s+attached)?|capital[-\s]protected|(?:is|are)\s+a\s+lock|without\s+(?:interruption|a\s+break|exception)|year\s+after\s+year|(?:that|this|it)\s+(?:won't|will\s+not|will\s+never)\s+change|rest\s+(?:assured|easy)|count\s+on|bank\s+on|no\s+(?:\w+\s+)?surprises|nothing\s+to\s+worry\s+about|take\s+it\s+from\s+me|i'm\s+telling\s+you|full\s+stop|end\s+of\s+story|in\s+the\s+bag|no\s+catch|to\s+the\s+moon)\b/,
  // "I'm confident it will rise" promises; "I'm confident this portfolio matches your risk level" does not.
  new RegExp(
    String.raw`\b(?:i|we)(?:'m|\s+am|'re|\s+are)\s+(?:\w+\s+)?(?:sure|certain|confident|positive)\b(?=[^.!?;]*\b(?:will|'ll|going\s+to|gonna|can't|cannot|won't|never|always|only|${RISE})\b)`,
  ),
  /\b(?:i|we)\s+(?:can\s+|do\s+|will\s+)?(?:promise|assure|guarantee|ensure)\b/,
  /\bpromised?\b|\bassured\b/,
  /\b(?:100|hundred)\s?(?:%|percent|per\s+cent)\s+(?:safe|secure|certain|sure|confident|protected|guaranteed|success|win|hit)\b/,
  /\b(?:fully|completely|totally|entirely|perfectly|utterly|absolutely)\s+(?:safe|secured?|protected|shielded|insulated|insured|immune|risk-?free|certain)\b/,
  // "You can be certain of a profit", "be sure of steady income": certainty that takes its outcome as an object.
  /\bbe\s+(?:\w+\s+)?(?:certain|sure|assured|confident)\s+of\s+(?:(?:a|an|the|your|some)\s+)?(?:\w+\s+)?(?:profits?|gains?|returns?|growth|income|payouts?|rise|win)\b/,
  /\b(?:shielded|protected|immune|insulated|insured|safe|sheltered)\s+(?:\w+\s+){0,3}?(?:from|against)\s+(?:(?:any|all|every)\s+)?(?:\w+\s+)?(?:loss|losses|falls?|downturns?|crash\w*|risks?|volatility|drops?|declines?|market)|\buntouchable\b|\bprotection\s+is\s+(?:total|complete|full)\b|\bnone\s+of\s+the\s+(?:risks?|downside|losses)\b/,
  /\b(?:risk-?free|riskless|risk\s+free|zero\s+risk|no\s+risk|free\s+of\s+risk|no\s+downside|zero\s+downside)\b(?!\s+(?:rates?|assets?|interest)\b)|\bwithout\s+(?:any\s+)?(?:the\s+)?(?:[\w-]+\s+)?risks?\b/,
  /\b(?:eliminat|remov|eras|wip)\w*\s+(?:\w+\s+){0,2}?(?:risk|risks|losses|loss|downside)\b|\b(?:engineer|took|taken|take|design|squeez)\w*\s+(?:\w+\s+){0,2}?risks?\s+out\b/,
  /\b(?:crash|recession|loss|bear|market)-?proof\b|\bmoney\s+machine\b|\b(?:bet|stake)\s+(?:my|your|our)\s+(?:house|life|reputation|career)\b|\bno\s+(?:\w+\s+)?(?:investor|client|customer|saver)s?\s+(?:has|have)\s+(?:ever\s+)?(?:lost|made\s+a\s+loss)\b|\bnothing\s+(?:can|could|will)\s+(?:\w+\s+)?(?:hurt|harm|touch|dent|stop)\b|\b(?:bullet-?proof|fool-?proof|fail-?safe|can't-miss|cannot-miss|can't\s+miss|cannot\s+miss|no-lose|can't-lose|sure-?fire|no-brainer|ironclad)\b/,
  /\block(?:ed|s)?\s+in\s+(?:\w+\s+){0,2}?(?:profits?|gains?|returns?|growth|\d)|\b(?:gains?|profits?|returns?)\s+(?:\w+\s+){0,2}?(?:locked|secured)\b|\bsecured\s+(?:profits?|gains?|returns?)\b|\b(?:is|are)\s+locked\s+in\b|\b(?:risks?|downside)\s+(?:\w+\s+){0,3}?(?:zero|nil|non-existent|nothing)\b|\b(?:losses|loss|risks?|downside|(?:bad|losing|down|negative)\s+(?:years?|months?|quarters?))\s+(?:is|are)\s+(?:\w+\s+)?(?:off\s+the\s+table|ruled\s+out|out\s+of\s+the\s+question|impossible|unthinkable|a\s+thing\s+of\s+the\s+past|gone|zero|nil|eliminated)\b/,
  /\b(?:no\s+matter\s+what|whatever\s+(?:the\s+)?(?:\w+\s+)?(?:happens|does|do)|regardless\s+of|without\s+fail|no\s+exceptions?|every\s+single\s+(?:year|time|month|quarter|day)|year\s+in,?\s+year\s+out|in\s+any\s+market)\b/,
  /\b(?:can|will|could|does|do)\s+only\s+(?:ever\s+)?(?:go\s+up|rise|grow|gain|climb|increase)\b|\bonly\s+(?:goes|go|went|moves?)\s+up\b|\b(?:won't|will\s+not|never)\s+stops?\b/,
  /\bfree\s+(?:money|cash)\b|\bcan(?:no|')t\s+help\s+but\b|\bnever\s+will\b|\bwon't\s+ever\b|\b(?:and\s+)?(?:so\s+will\s+you|you\s+will\s+too|you'll\s+do\s+the\s+same)\b|\b(?:won't|can't|will\s+not|never)\s+find\s+a\s+(?:safer|better|surer|more\s+reliable)\b|\b(?:never|won't|can(?:no|')t|will\s+not|is(?:n't|\s+not)|are(?:n't|\s+not))\s+(?:\w+\s+){0,2}?(?:touched|affected|hurt|harmed|dented|troubled)\s+by\b|\b(?:does(?:n't|\s+not)|do(?:n't|\s+not)|never|no)\s+(?:do\s+|have\s+|has\s+|had\s+)?(?:down|bad|losing|negative)\s+(?:years?|months?|quarters?|days?)\b|\bwatch\s+(?:\w+\s+){0,2}?(?:grow|multiply|soar|climb|double)\b|\bunlimited\s+upside\b|\bupside\s+is\s+unlimited\b/,
  new RegExp(
    String.raw`\b(?:impossible|not\s+possible|no\s+way|no\s+chance|zero\s+chance|nil\s+chance|no\s+possibility|no\s+scenario|no\s+situation|cannot\s+possibly)\s+(?:\w+\s+){0,5}?${LOSS}\b`,
  ),
  new RegExp(String.raw`\b${NEGATED_MODAL}\s+${FILLER}{0,2}${LOSS}\b${NOT_A_THING_OWNED}`),
  new RegExp(
    String.raw`\bnothing\s+(?:can|could|will)\s+(?:\w+\s+)?go\s+wrong\b|\bnever\s+${FILLER}{0,2}${LOSS}\b${NOT_A_THING_OWNED}`,
  ),
  new RegExp(
    String.raw`(?:${RISE}|winners?|profits?|gains?)\b[^.!?]{0,30}\bevery\s+(?:single\s+)?(?:time|year|quarter|month)\b`,
  ),
  new RegExp(String.raw`\bnothing\s+(?:that\s+)?(?:can|could|will)\s+(?:\w+\s+){0,3}?${LOSS}\b`),
  // "your capital stays intact", "the fund only heads upwards", "a smooth 10% a year".
  /\b(?:stays?|remains?|kept|keeps?)\s+(?:\w+\s+)?(?:intact|whole|untouched)\b|\bonly\s+(?:ever\s+)?(?:heads?|moves?|goes|go|went|travels?|trends?|points?)\s+(?:up|upwards?|higher)\b|\b(?<!\b(?:funds?|they|which|that|it)\s)(?:smooth|steady|reliable|dependable|consistent)\s+(?:\d+(?:\.\d+)?\s?%|(?:\w+\s+)?(?:returns?|gains?|profits?|growth))/,
  new RegExp(String.raw`\b(?:always|never\s+fails\s+to|reliably|consistently)\s+(?:\w+\s+)?${RISE}\b`),
  // Certainty said in other words: "you can take that to the bank", "no ifs or buts", "immune to recessions".
  /\b(?:no\s+ifs,?\s+(?:or|and)\s+buts|take\s+(?:that|it|this)\s+to\s+the\s+bank|take\s+my\s+word|as\s+simple\s+as\s+that|(?:it's|it\s+is|that's|that\s+is)\s+(?:that\s+|really\s+)?simple|simple\s+maths?|believe\s+me|(?:i|we)\s+can\s+(?:confidently|safely|honestly)\s+say|without\s+question|as\s+good\s+as\s+(?:in\s+your\s+pocket|banked|done|guaranteed|cash)|money\s+tree|sitting\s+pretty|set\s+for\s+life|easy\s+street|(?:rock|rock-)[-\s]?solid|safe\s+as\s+houses|cast[-\s]iron|copper[-\s]bottomed|water[-\s]?tight)\b/,
  /\b(?:giv\w*|ha(?:ve|s))\s+(?:you\s+)?(?:our|my)\s+word\b|\bonly\s+(?:\w+\s+)?one\s+way\b|\bone\s+way\s+to\s+go\b|\bgoing\s+one\s+way\b|\bweather\s+(?:any|every|all)\b|\b(?:profits?|gains?|returns?|income|money|dividends?|cash)\s+(?:\w+\s+){0,2}?(?:start|starts|keep|keeps)\s+(?:flowing|coming|rolling\s+in|pouring\s+in)\b/,
  /\b(?:immune|impervious|invulnerable)\s+to\b|\bno\s+exposure\s+to\s+(?:\w+\s+)?(?:falls|losses|risks?|downturns|crashes|volatility)\b|\bnever\s+(?:\w+\s+)?(?:let\s+you\s+down|exposed\s+to|at\s+risk)\b|\b(?:just\s+|every\s+bit\s+|equally\s+)?as\s+(?:safe|secure|dependable|reliable|solid|stable|certain)\s+as\b|\bturn\w*\s+(?:[$€£]\s?\d[\d,.]*k?|your\s+\w+|every\s+\w+(?:\s+you\s+invest)?)\s+into\s+(?:[$€£]\s?\d|a\s+fortune|a\s+million|two|double|twice)/,
  /\b(?:set|poised)\s+for\s+a\s+(?:\w+\s+)?(?:spectacular|great|strong|record|bumper|stellar|huge|big|brilliant)\s+(?:year|run|rally|quarter)\b|\babout\s+to\s+(?:explode|take\s+off|soar|skyrocket|rocket|moon|surge|rally|boom|pop)\b|\b(?:looking\s+at|expect|count\s+on|in\s+line\s+for)\s+(?:a\s+)?(?:minimum\s+|guaranteed\s+)?(?:returns?|gains?|profits?|growth)\s+of\b|\b(?:a\s+)?minimum\s+(?:annual\s+)?(?:returns?|gains?|growth|yield)\s+of\b/,
  /\b(?:will|'ll)\s+always\s+(?:get|earn|make|end|come|beat|outperform|be\s+(?:worth|ahead|higher|positive|in\s+(?:profit|the\s+black)|safe|secure))\b|\balways\s+(?:ends?|finish(?:es)?|comes?\s+out|closes?)\s+(?:\w+\s+){0,3}?(?:in\s+(?:positive\s+territory|the\s+black|profit)|higher|ahead|on\s+top|up)\b|\b(?:they|it)\s+always\s+(?:do|does|has|have|will)\b/,
  new RegExp(
    String.raw`\b(?:we|i)(?:'ll|\s+will)\s+(?:make\s+sure|ensure|see\s+to\s+it)\s+(?:that\s+)?(?:\w+\s+){1,3}?${RISE}\b`,
  ),
  // "Returns of 11% a year will continue": a record carried into the future is a forecast of it.
  /\b(?:returns?|gains?|growth|income|dividends?|profits?|payouts?|performance)\s+(?:\w+\s+){0,6}?(?:will|'ll|are\s+going\s+to|is\s+going\s+to)\s+(?:\w+\s+)?(?:continue|last|persist|carry\s+on|keep\s+(?:coming|going|up))\b/,
  // "Shares are heading for record highs": a forecast said in the present.
  /\b(?:is|are|'s|'re)\s+(?:\w+\s+)?(?:heading|headed|on\s+(?:its|their)\s+way)\s+(?:for|to|towards)\s+(?:(?:a|an|the|new|record|all-time)\s+)*(?:highs?|records?|parity|the\s+moon|\d|[$€£])/,
  /\beven\s+(?:if|when|in\s+a|during\s+a)\b[^.!?]{0,60}\b(?:will|'ll|won't|still|keeps?|continues?\s+to)\b/,
  /\b(?:will|'ll|going\s+to)\s+(?:\w+\s+){0,3}?(?:at\s+least|a\s+minimum\s+of|no\s+less\s+than)\s+(?:[$€£]?\d|double|twice|triple)/,
];

/** Outcomes a forecast can promise besides a rise: a sum reached, a bill paid, a life secured, a loss shielded. */
const FORECAST_OUTCOME = String.raw`(?:(?:hit|reach|top|pass|break|exceed|cross|touch)\s+[$€£]?\s?\d[\d,.]*|be\s+(?:fully\s+)?(?:covered|paid\s+(?:off|for))\s+by\s+(?:the\s+|your\s+|its\s+)?(?:investment|returns?|gains?|profits?|dividends?|income|fund|portfolio)|(?:deliver|provide|give\s+you|bring\s+you|generate|produce|pay\s+you)\s+(?:\w+\s+){0,3}?(?:returns?|gains?|profits?|growth|income|yields?)|have\s+(?:(?:at\s+least|over|more\s+than|nearly|about|around|well\s+over)\s+)?(?:[$€£]\s?\d|\d[\d,.]*\s*(?:k|thousand|million)|half\s+a\s+million|a\s+million|a\s+fortune|(?:a\s+)?(?:six|seven)[-\s]figure)|(?:more\s+than\s+|easily\s+)?(?:cover|pay\s+for|pay\s+off|fund)\s+(?:your|the|all|every|itself)|be\s+(?:financially\s+)?(?:secure|set|comfortable|independent|free)\b|get\s+(?:(?:all\s+)?(?:of\s+)?(?:your|the)\s+)?(?:money|capital|investment|stake)\s+back|(?:shield|protect|insulate)\s+(?:you|your\s+\w+)\s+(?:from|against)|and\s+then\s+some|retire\s+(?:early|comfortably|rich|wealthy))`;

/** A plain forecast ("this fund will go up"): a promise unless the clause is conditional or two-sided. */
const FORECAST = new RegExp(
  String.raw`\b(?:will|'ll|is\s+going\s+to|are\s+going\s+to|'s\s+going\s+to|'re\s+going\s+to)\s+(?:\w+\s+){0,3}?(?:${RISE}|${FORECAST_OUTCOME})\b`,
);
/**
 * A condition on the world ("if markets rise") makes a forecast an illustration; a condition that is only the
 * customer's buying ("if you start this plan today", "if you overpay into this account") does not.
 */
export const CONDITIONAL =
  /\b(?:if|when|once|provided|as\s+long\s+as)\s+(?!you\s+(?:just\s+|simply\s+|only\s+)?(?:invest|start|join|sign|put|buy|overpay|open|take\s+out|switch|move|choose|pick|use|add|pay|transfer|commit|subscribe)\w*\b)|\b(?:unless|whether|assuming|in\s+case)\b/;
/** "You will have 41,000 at 5% a year": a figure worked out from a stated rate is an illustration ("keeps growing at 9% a year" is not). */
export const STATED_RATE =
  /(?<!\b(?:grow|grows|growing|rise|rises|rising|compound|compounds|compounding|increase|increases|increasing|return|returns|returning|earn|earns|earning|yield|yields|yielding)\s)\bat\s+(?:an?\s+)?(?:assumed\s+|average\s+)?\d+(?:\.\d+)?\s?%\s+(?:a\s+year|per\s+year|per\s+annum|p\.?a\.?|annual|yearly|growth|a\s+month)/;

/** Certainty that a credit application will succeed: "your loan will definitely be approved", "guaranteed acceptance". */
const APPROVAL_PROMISE =
  /\b(?:loans?|mortgages?|remortgages?|credit|applications?|overdrafts?|finance|financing)\b[^.!?;]{0,40}?\b(?:will|'ll|is\s+going\s+to|are\s+going\s+to)\s+(?:\w+\s+){0,3}?(?:be\s+)?(?:approved|accepted|granted|go\s+through|sail\s+through)\b|\b(?:guarantee\w*|certain|sure|definitely|assured)\s+(?:\w+\s+){0,3}?(?:approv\w*|accept\w*)\b|\b(?:approval|acceptance)\s+(?:is\s+)?(?:\w+\s+)?(?:guaranteed|certain|assured|a\s+formality|a\s+given|automatic)\b|\bas\s+good\s+as\s+(?:approved|accepted|granted|yours)\b|\b(?:credit\s+)?checks?\s+(?:is|are)\s+(?:just\s+|only\s+|merely\s+)?a\s+formality\b/;

/** Investment outcomes a certainty cue can be about. */
const OUTCOME = new RegExp(
  String.raw`\b(?:returns?|gains?|profits?|profitable|growth|yields?|dividends?|income|payouts?|wealth|wealthy|rich|richer|millionaire|fortune|money|savings|capital|principal|investments?|invest|investing|invested|fund|funds|portfolio|portfolios|shares?|stocks?|equit(?:y|ies)|bonds?|etfs?|crypto|bitcoin|ethereum|currenc(?:y|ies)|dollar|euro|pound|sterling|yen|endowment|(?:mortgage|debt)[-\s]free|millionaires?|(?:your|their|our|the\s+family's|your\s+family's)\s+(?:family's\s+)?future|taken\s+care\s+of|retire\s+(?:early|comfortably|rich|wealthy|at\s+\d+|by\s+\d+|in\s+style)|retirement\s+(?:is|will\s+be)\s+(?:\w+\s+)?(?:secure\w*|safe|comfortable|covered|sorted|funded|set)|than\s+(?:you|they|we)\s+(?:paid|put)\s+in|(?:alt)?coins?|tokens?|(?:share|token|coin|stock|unit|its|the|their)\s+price|gold|silver|isas?|pension|nest\s+egg|market|markets|value|penny|products?|strategy|this\s+one|balance|cent|winners?|earnings|ahead|better\s+off|worse\s+off|on\s+top|upside|downside|${RISE}|${LOSS})\b|\d+(?:\.\d+)?\s?%|[$€£]\s?\d`,
);

/** Whether a clause talks about an investment outcome (returns, value, your money, this fund, a rise or a loss). */
export function mentionsInvestmentOutcome(clause: string): boolean {
  return OUTCOME.test(clause.toLowerCase());
}

/** Clauses that warn, deny or report someone else's claim: whatever certainty they hold is not ours. */
const REPORTED = new RegExp(
  [
    String.raw`\b(?:scam|scams|scammers?|fraud|fraudsters?|fraudulent|warning\s+signs?|red\s+flags?|suspicio\w*|beware|be\s+wary|wary|too\s+good\s+to\s+be\s+true|misleading|report\s+(?:it|them|this)|(?:wrong|misleading|untrue|false|a\s+mistake)\s+to\s+(?:say|claim|think|believe|suggest))\b`,
    String.raw`\b(?:claims?|claimed|claiming|some\s+people|anyone\s+who|someone\s+who|people\s+who|if\s+(?:someone|anyone|somebody|a|an|they)|any\s+offer|offers?\s+of)\b`,
    String.raw`\b(?:no\s+(?:investment|investments|fund|such\s+thing|promises?|guarantees?|certaint\w*)|nobody\s+(?:can|could|knows|is\s+able|will)|no(?:-|\s+)one\s+(?:can|could|knows|is\s+able|will)|no\s+(?:reputable|honest|serious|regulated)|(?:will|would)\s+(?:ever\s+)?tell\s+you|would\s+be\s+(?:great|nice|lovely)\s+if|wish|guarantee[sd]?\s+(?:nothing|no\s+\w+)|(?:does(?:n't|\s+not)|do(?:n't|\s+not))\s+(?:necessarily\s+|automatically\s+)?mean|(?:wouldn't|would\s+not|don't|do\s+not)\s+want\s+you\s+to\s+(?:think|believe|assume)|\bno\s+(?:\w+\s+)?(?:can|could|will|would)\s+(?:ever\s+|honestly\s+)?(?:guarantee|promise|predict|know|say|tell|be\s+(?:sure|certain))|(?:i|we)(?:'d|\s+would)\s+(?:love|like)\s+to\s+(?:\w+\s+)?(?:tell|say|promise|guarantee)|if\s+only|nothing\s+in|not\s+(?:guaranteed|a\s+guarantee|a\s+promise)|past\s+(?:\w+\s+)?(?:performance|returns?|results|growth|gains)|not\s+(?:a\s+)?(?:reliable\s+|good\s+)?(?:guide|indicator)|(?:can(?:no|')t|cannot|not|never|no\s+one\s+can|unable\s+to)\s+(?:\w+\s+){0,2}?(?:certain|sure|know|say|predict|tell|guarantee|promise)|subject\s+to|only\s+if|valid\s+only|only\s+valid|(?:only\s+)?appl(?:y|ies)\s+(?:only\s+)?(?:if|when|to|while)|conditions\s+apply)\b`,
  ].join('|'),
);

/** Clauses that hedge, give both sides, or talk about things that are not investments. */
const HEDGED = new RegExp(
  [
    String.raw`\b(?:may|might|(?<!\bthan\s+(?:\w+\s+)?(?:ever\s+)?)could|likely|unlikely|probably|perhaps|usually|typically|often|tends?\s+to|aims?\s+to|aim|assum\w*|projection|projected|projections|estimate\w*|expected|based\s+on|illustrat\w*|historically|on\s+average|hope|hopefully)\b`,
    // The classic two-sided disclaimer, and subjects that are not investments (prices, fees, the card).
    String.raw`\b(?:up\s+(?:and|or|as\s+well\s+as)\s+down|down\s+as\s+well\s+as\s+up|rise\s+(?:and|or)\s+fall|fall\s+as\s+well\s+as\s+rise|some\s+(?:years|months|times|days)|cost\s+of\s+living|(?<!share\s)prices|can\s+still|still\s+carr\w+|variable|depends?\s+on|fees?|charges)\b`,
  ].join('|'),
);

/**
 * Products that really are guaranteed (fixed-rate and fixed-term deposits, deposit insurance, government
 * savings bonds held to maturity, cash savings in nominal terms, money-back guarantees on services): a
 * guarantee about them is a fact, not a promise about an investment.
 */
const GUARANTEED_PRODUCT =
  /\b(?:(?<!\b(?:house|home|rental|security|holiday|tenancy)\s)deposits?(?!-(?:level|like|style|linked))|(?:premiums?|fees?|charges?|repayments?)\s+(?:\w+\s+){0,4}?(?:are|is|stay|remain|will\s+(?:stay|remain))\s+(?:\w+\s+)?(?:guaranteed|fixed)|guarantee[sd]?\s+(?:the|a|an|your|its)\s+(?:\w+\s+)?(?:interest\s+)?rates?|interest\s+rates?\s+(?:\w+\s+){0,4}?(?:is|are)\s+(?:\w+\s+)?(?:guaranteed|fixed|set|locked)|guaranteed\s+(?:interest\s+)?rates?|fixed[-\s](?:rate|term)|fixed\s+(?:\w+\s+)?(?:bonds?|accounts?|savings|isas?|cds?|certificates?)|certificates?\s+of\s+deposit|savings\s+rates?|(?:rate|rates|interest)\s+(?:is|are)\s+fixed|savings\s+accounts?|cash\s+savings|cash\s+(?:accounts?|isas?)|cash\s+(?:is|are|held)\b|creditors|held\s+in\s+trust|ring[-\s]fenced|segregated|safeguarded|current\s+accounts?|(?:easy|instant)[-\s]access|notice\s+accounts?|cancel\w*|cooling[-\s]off|nominal|rate\s+of\s+\d|guaranteed\s+rate|fdic|deposit\s+(?:insurance|protection|guarantee)|protection\s+scheme|(?:deposit|fdic)[-\s]insured|(?:protected|covered|insured|guaranteed)\s+(?:\w+\s+){0,4}?up\s+to\b|compensation\s+scheme|pension\s+protection|defined[-\s]benefit|guaranteed\s+(?:element|pension|cash\s+value|surrender\s+value|sum|annuity|income\s+for\s+life)|sum\s+assured|contractual\w*|government[-\s](?:backed|guaranteed)|(?:government|treasury|state)\s+(?:savings\s+)?(?:bonds?|savings|pension)|(?:the\s+)?(?:treasury|state|government)\s+guarantees?|(?:guaranteed|backed|protected)\s+by\s+(?:the\s+)?(?:law|state|government|treasury|statute)|(?:at|to|until)\s+maturity|until\s+(?:the\s+)?(?:\w+\s+)?matures?|(?:at|on)\s+(?:the\s+)?maturity\s+date|(?:same|agreed|contractual)\s+(?:interest\s+)?rate|(?:full|whole|entire)\s+(?:fixed\s+)?term|premiums?\s+(?:you(?:'ve)?\s+)?paid|annuit(?:y|ies)(?!-(?:style|like|linked))|guaranteed\s+minimum|money-back|refund\w*|replace\w*)\b/;

const CRYPTO = /\b(?:crypto\w*|bitcoin|ethereum|coins?|tokens?|stablecoins?|staking|defi|nft)\b/;
const RISK_DENIAL = /\brisk|\bdownside\b/;
const COMPARISON_WITH_DEPOSIT =
  /\b(?:than|as|like|beats?|outperforms?|superior\s+to|over|above)\s+(?:\w+\s+){0,3}?(?:deposits?|savings\s+accounts?|cash\s+savings|cash|(?:government|treasury)\s+bonds?|gilts?|(?:the\s+)?state\s+pension|(?:a|the)\s+bank(?:\s+(?:deposits?|accounts?))?)\b/g;

/** A deposit-protection scheme or a protected limit named anywhere in a sentence ("Your money is safe with us: deposits are protected up to €100,000"). */
const DEPOSIT_PROTECTION =
  /\b(?:deposit\s+(?:guarantee|protection|insurance)|compensation\s+scheme|fscs|fdic|guarantee\s+scheme|(?:protected|covered|insured|guaranteed)\s+(?:\w+\s+){0,4}?up\s+to)\b/;

/** Whether a safety claim in this sentence is the deposit protection it names, not a promise about an investment. */
export function citesDepositProtection(sentence: string, claim: string): boolean {
  const lower = sentence.toLowerCase();
  return DEPOSIT_PROTECTION.test(lower) && !CRYPTO.test(lower) && !RISK_DENIAL.test(claim.toLowerCase());
}

/**
 * Whether a clause warns about, denies or reports a claim, or states a guarantee a product really has
 * (fixed-rate deposits, deposit insurance): then no phrase in it is a promise of ours.
 */
export function isCautionOrGenuineGuarantee(clause: string, claim = ''): boolean {
  const lower = clause.toLowerCase();
  if (REPORTED.test(lower)) return true;
  // "No risk at all" overclaims even for a deposit; only a guarantee, a protection or "never loses" can be true of one.
  if (RISK_DENIAL.test(claim.toLowerCase())) return false;
  // "safer than a deposit", "as safe as a savings account": a comparison with a guaranteed product is a promise.
  // No deposit scheme or fixed rate stands behind a crypto "deposit" or "savings" product.
  if (CRYPTO.test(lower)) return false;
  return GUARANTEED_PRODUCT.test(lower.replace(COMPARISON_WITH_DEPOSIT, ' '));
}

/** Clause breaks: sentence ends, semicolons, and contrastive joints ("…, but the fund can fall"). */
/** Clauses end at . ! ? ; : — but not at the "." of "4.1%" or the ":" of "10:30". */
const CLAUSE = /(?:[^.!?;:\n]|(?<=\d)[.:](?=\d))+(?:[.!?;:]+|$)/g;
const CONTRAST = /,?\s+\b(?:(?<!help\s)but|however|although|though|whereas|unlike)\b|\s+-\s+/;

/** The clauses of a text with their offsets. */
export function clauses(text: string): Array<{ start: number; text: string }> {
  const found: Array<{ start: number; text: string }> = [];
  for (const sentence of text.matchAll(CLAUSE)) {
    let offset = sentence.index;
    for (const part of sentence[0].split(CONTRAST)) {
      const index = sentence[0].indexOf(part, offset - sentence.index);
      const start = sentence.index + Math.max(0, index);
      if (part.trim().length > 0) found.push({ start, text: part });
      offset = start + part.length;
    }
  }
  return found;
}

/** ", so it will keep rising": a consequence is read on its own, so a hedge before it ("historically") does not hedge it. */
const CONSEQUENCE = /,\s+(?:and\s+)?so\s+(?!that\b|far\b|much\b|many\b|long\b)/gi;

function consequences(clause: { start: number; text: string }): Array<{ start: number; text: string }> {
  const parts: Array<{ start: number; text: string }> = [];
  let from = 0;
  for (const joint of clause.text.matchAll(CONSEQUENCE)) {
    parts.push({ start: clause.start + from, text: clause.text.slice(from, joint.index) });
    from = joint.index + joint[0].length;
  }
  parts.push({ start: clause.start + from, text: clause.text.slice(from) });
  return parts.filter((part) => part.text.trim().length > 0);
}

/** A clause that promises an outcome, and the cue that makes it a promise. */
export interface StructuralPromise {
  start: number;
  end: number;
  cue: string;
}

/**
 * Clauses of `text` (already folded, with denials blanked) that assert certainty about an investment outcome.
 * @example findStructuralPromises('Rest easy, this fund keeps making money.') // one clause, cue "rest easy"
 */
export function findStructuralPromises(text: string): StructuralPromise[] {
  const promises: StructuralPromise[] = [];
  // A clause is read whole, then each consequence in it on its own, unless the whole is a caution or a real guarantee.
  const readings = clauses(text).flatMap((clause) => {
    const parts = consequences(clause);
    return parts.length > 1 && !isCautionOrGenuineGuarantee(clause.text) ? [clause, ...parts] : [clause];
  });
  for (const clause of readings) {
    if (promises.some((found) => found.start <= clause.start && clause.start < found.end)) continue;
    const lower = clause.text.toLowerCase();
    const approval = APPROVAL_PROMISE.exec(lower);
    if ((!OUTCOME.test(lower) && !approval) || HEDGED.test(lower)) continue;
    const forecast = CONDITIONAL.test(lower) || STATED_RATE.test(lower) ? null : FORECAST.exec(lower);
    for (const match of [...CERTAINTY_CUES.map((cue) => cue.exec(lower)), forecast, approval]) {
      if (!match || isCautionOrGenuineGuarantee(lower, match[0])) continue;
      if (isNegatedBefore(lower, match.index)) continue;
      const trimmed = clause.text.trim();
      const start = clause.start + clause.text.indexOf(trimmed);
      promises.push({ start, end: start + trimmed.length, cue: match[0] });
      break;
    }
  }
  return promises;
}

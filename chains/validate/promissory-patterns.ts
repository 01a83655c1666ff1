/** One way of promising an outcome, with a label for tests and reports. */
export interface PromissoryPattern {
  label: string;
  pattern: RegExp;
}

const OUTCOME_NOUN =
  '(?:returns?|profits?|gains?|growth|income|results?|payouts?|yields?|interest|wealth|success|performance)';
const RISE_VERB =
  '(?:grow|rise|increase|go up|climb|gain|appreciate|pay off|make money|make you money|make a profit|see a profit|get a (?:good )?return|come out ahead|earn|beat|outperform|succeed|do well|perform well|double|triple|recover|profit|deliver|be worth)';
/** A gain in any tense, for "… every time" / "… no matter what" promises. */
const GAIN_WORD =
  '(?:earn|earns|earning|returns?|grow|grows|growing|rise|rises|rising|gain|gains|gaining|climb|climbs|climbing|wins?|winning|recover|recovers|pays?\\s+off|makes?\\s+money|making\\s+money|delivers?\\s+(?:positive\\s+)?returns|beats?|outperforms?|profits?|increases?|goes\\s+up|go\\s+up)';
/** Words for losing value. */
const LOSS_WORD = '(?:loss|losses|losing|lose|loses|lost|decline|drop|fall|downturns?)';
const NOT_NEGATION = "(?!not\\b|never\\b|no\\b|n't)";

function phrase(source: string): RegExp {
  return new RegExp(source, 'gi');
}

/**
 * Promises of returns or outcomes, and their paraphrases. Negated safe forms ("returns are not guaranteed",
 * "no investment is risk-free") are handled by the check, which looks at the words before each match.
 */
export const PROMISSORY_PATTERNS: readonly PromissoryPattern[] = [
  {
    label: 'guaranteed returns',
    pattern: phrase(
      // A guaranteed interest *rate* is how fixed-rate deposits work; a guaranteed return is a promise.
      `\\bguarantee(?:d|s)?\\s+(?:you\\s+)?(?:an?\\s+)?(?:[\\w.%$]+\\s+){0,2}?${OUTCOME_NOUN}\\b(?!\\s+rates?\\b)`,
    ),
  },
  {
    label: 'returns are guaranteed',
    pattern: phrase(
      `\\b(?:${OUTCOME_NOUN}|your money|the money|investment|it|this|that)\\s*(?:is|are|will be|'s|'re)\\s+(?:${NOT_NEGATION}\\w+\\s+)?guaranteed\\b(?!\\s+(?:for|until|up to|by|through)\\b)`,
    ),
  },
  { label: 'guaranteed to grow', pattern: phrase(`\\bguaranteed\\s+to\\s+(?:\\w+\\s+)?${RISE_VERB}\\b`) },
  { label: 'X% guaranteed', pattern: phrase('\\b\\d+(?:\\.\\d+)?\\s?%\\s+guaranteed\\b') },
  // "Risk-free rate" is the economists' term for government bond yields, not a claim about a product.
  {
    label: 'risk-free',
    pattern: phrase('\\brisk[-\\s]?free\\b(?!\\s+(?:rates?|assets?|interest\\s+rates?)\\b)'),
  },
  { label: 'riskless', pattern: phrase('\\briskless\\b') },
  { label: 'safe as houses', pattern: phrase('\\bsafe\\s+as\\s+houses\\b') },
  { label: 'zero risk', pattern: phrase('\\bzero[-\\s]risk\\b|\\brisk\\s+is\\s+zero\\b') },
  {
    label: 'there is no risk',
    pattern: phrase(
      "\\b(?:there(?:'s|\\s+is|\\s+are)|carr(?:y|ies)|ha(?:s|ve)|involves?|with|comes?\\s+with)\\s+(?:absolutely\\s+|virtually\\s+|practically\\s+|basically\\s+|essentially\\s+)?no\\s+risks?\\b",
    ),
  },
  {
    label: 'no risk at all',
    pattern: phrase(
      '\\bno\\s+risks?\\s+(?:at\\s+all|whatsoever|involved|of\\s+(?:any\\s+)?loss|of\\s+losing)\\b',
    ),
  },
  { label: 'without any risk', pattern: phrase('\\bwithout\\s+(?:any\\s+)?(?:the\\s+)?risks?\\b') },
  {
    label: "can't lose",
    pattern: phrase(
      "\\b(?:can(?:no|')t|can\\s+not|could(?:n't|\\s+not)|won't|will\\s+not|will\\s+never|would\\s+never|never|does(?:n't|\\s+not)|do(?:n't|\\s+not)|ha(?:s|ve)\\s+never|ha(?:s|ve)(?:n't|\\s+not)\\s+ever)\\s+(?:possibly\\s+|ever\\s+)?(?:lose|loses|lost)\\b(?!\\s+(?:sight|track|touch|nominal|face|interest\\s+in|(?:your\\s+|the\\s+|any\\s+)?(?:place|card|phone|seat|spot|access|data|documents?|files?|records?|details|paperwork|progress|interest|bonus|rewards?|points|cashback|discount|benefits?|cover|protection|entitlement|rate|history)|access)\\b)",
    ),
  },
  {
    label: 'impossible to lose',
    pattern: phrase(
      '\\b(?:impossible\\s+(?:for\\s+(?:\\w+\\s+){1,3})?to|no\\s+way\\s+(?:you|to)\\s+(?:can\\s+|could\\s+)?)\\s*(?:lose|drop|fall|decline|go\\s+down|fail)\\b|\\b(?:never|not\\s+ever)\\s+at\\s+risk\\b',
    ),
  },
  {
    label: 'no chance of losing',
    pattern: phrase('\\bno\\s+(?:chance|possibility|danger)\\s+of\\s+(?:losing|(?:a\\s+)?loss)\\b'),
  },
  {
    label: "can't go wrong",
    pattern: phrase(
      "\\b(?:can(?:no|')t|can\\s+not|won't|nothing\\s+(?:can|will|could))\\s+(?:possibly\\s+|ever\\s+)?go\\s+wrong\\b",
    ),
  },
  {
    label: "can't fail",
    pattern: phrase("\\b(?:can(?:no|')t|can\\s+not|won't|will\\s+not|never)\\s+fail\\b(?!\\s+to\\b)"),
  },
  {
    label: 'will double',
    pattern: phrase(
      "\\b(?:will|'ll|(?:is|are)\\s+going\\s+to|set\\s+to)\\s+(?:\\w+\\s+)?(?:double|triple|quadruple|multiply)\\b",
    ),
  },
  {
    label: 'double your money',
    pattern: phrase('\\b(?:double|triple)\\s+your\\s+(?:money|investment|savings|cash)\\b'),
  },
  {
    label: 'sure thing',
    pattern: phrase('\\b(?:sure|safe|certain|guaranteed|solid)\\s+(?:thing|bet|win|winner)\\b'),
  },
  {
    label: 'surefire',
    pattern: phrase('\\bsure[-\\s]?fire\\b|\\bno[-\\s]brainer\\b|\\bslam[-\\s]dunk\\b|\\bno[-\\s]lose\\b'),
  },
  {
    label: 'certain to grow',
    pattern: phrase(
      `(?<!\\bmak(?:e|es|ing)\\s)(?<!\\bbe\\s)\\b(?:certain|sure|bound|destined|assured)\\s+to\\s+(?:\\w+\\s+)?${RISE_VERB}\\b`,
    ),
  },
  {
    label: 'always goes up',
    pattern: phrase(
      '\\b(?:always|only|inevitably|reliably)\\s+(?:goes|go|went|moves?)\\s+up\\b|\\balways\\s+(?:rises?|grows?|increases?|climbs?|gains?|recovers?|pays?\\s+off|makes?\\s+money|wins?|outperforms?|beats?|comes?\\s+out\\s+ahead)\\b',
    ),
  },
  {
    label: 'never goes down',
    pattern: phrase(
      "\\b(?:never|won't|will\\s+not|can(?:no|')t)\\s+(?:go(?:es)?\\s+down|fall|falls|drop|drops|decline|declines|crash|crashes|lose\\s+value|loses\\s+value)\\b",
    ),
  },
  {
    label: 'you will earn X',
    pattern: phrase(
      "\\byou(?:'ll|\\s+will|\\s+are\\s+going\\s+to|'re\\s+going\\s+to|\\s+are\\s+sure\\s+to|\\s+will\\s+definitely)\\s+(?:earn|make|gain|pocket|get\\s+back)\\s+(?:at\\s+least\\s+|about\\s+|around\\s+|over\\s+|up\\s+to\\s+|roughly\\s+)?(?:[$€£]\\s?)?\\d",
    ),
  },
  {
    label: 'you will make money',
    pattern: phrase(
      "\\byou(?:'ll|\\s+will)\\s+(?:definitely\\s+|certainly\\s+|surely\\s+)?(?:make|earn|gain)\\s+(?:a\\s+)?(?:lot\\s+of\\s+|lots\\s+of\\s+|good\\s+|big\\s+|serious\\s+)?(?:money|profits?|fortune|killing|returns?)\\b",
    ),
  },
  {
    label: 'you will be rich',
    pattern: phrase("\\byou(?:'ll|\\s+will)\\s+be\\s+(?:rich|wealthy|a\\s+millionaire)\\b"),
  },
  {
    label: 'we promise',
    pattern: phrase(
      "\\b(?:we|i)(?:\\s+can|\\s+do|\\s+will|'ll)?\\s+promise\\b(?!\\s+to\\s+(?:respond|reply|get\\s+back|call|contact|connect|review|look|keep|protect)\\b)",
    ),
  },
  {
    label: 'promised returns',
    pattern: phrase(`\\bpromised?\\s+(?:you\\s+)?(?:an?\\s+)?${OUTCOME_NOUN}\\b`),
  },
  {
    label: '100% safe',
    pattern: phrase(
      '\\b100\\s?(?:%|percent)\\s+(?:safe|secure|certain|sure|guaranteed|risk[-\\s]?free|protected)\\b',
    ),
  },
  {
    label: 'completely safe',
    pattern: phrase(
      '\\b(?:completely|totally|absolutely|perfectly|entirely|utterly)\\s+(?:safe|risk[-\\s]?free|secure|certain|guaranteed)\\b',
    ),
  },
  {
    label: 'your money is safe',
    pattern: phrase(
      `\\byour\\s+(?:money|investment|capital|principal)\\s+(?:is|will\\s+be)\\s+(?:${NOT_NEGATION}\\w+\\s+)?(?:safe|protected|secure)\\b`,
    ),
  },
  {
    label: 'locked-in profits',
    pattern: phrase(
      `\\block(?:s|ed|ing)?[-\\s]in\\s+(?:guaranteed\\s+)?(?:profits?|gains?|returns?)\\b|\\b${OUTCOME_NOUN}\\s+(?:are|is|will\\s+be)\\s+locked\\s+in\\b`,
    ),
  },
  { label: 'easy money', pattern: phrase('\\b(?:easy|free)\\s+money\\b') },
  { label: 'get rich', pattern: phrase('\\bget[-\\s]rich\\b') },
  { label: 'make a fortune', pattern: phrase('\\bmake\\s+(?:a\\s+)?(?:fortune|killing|mint)\\b') },
  {
    label: 'will definitely',
    pattern: phrase(
      `\\b(?:will|is\\s+going\\s+to|are\\s+going\\s+to)\\s+(?:definitely|certainly|surely|undoubtedly|absolutely)\\s+(?:\\w+\\s+){0,3}?${RISE_VERB}\\b|\\bdefinitely\\s+(?:going\\s+to\\s+)?${RISE_VERB}\\b`,
    ),
  },
  {
    label: 'assured returns',
    pattern: phrase(`\\bassured\\s+${OUTCOME_NOUN}\\b|\\b${OUTCOME_NOUN}\\s+(?:is|are)\\s+assured\\b`),
  },
  { label: 'no downside', pattern: phrase('\\b(?:no|zero)\\s+downside\\b|\\bnothing\\s+to\\s+lose\\b') },
  {
    label: 'beat the market',
    pattern: phrase('\\b(?:will|always|guaranteed\\s+to|sure\\s+to)\\s+beat\\s+the\\s+market\\b'),
  },
  {
    label: "I'm sure it will rise",
    pattern: phrase(
      `\\b(?:i'm|i\\s+am|we're|we\\s+are)\\s+(?:\\w+\\s+)?(?:sure|certain|confident|positive)\\s+(?:that\\s+)?(?:\\w+\\s+){0,3}?will\\s+${RISE_VERB}\\b`,
    ),
  },
  { label: 'foolproof', pattern: phrase('\\b(?:foolproof|fail[-\\s]?safe|bullet[-\\s]?proof)\\b') },
  {
    label: 'no chance of a loss',
    pattern: phrase(
      `\\b(?:zero|no|nil)\\s+(?:chance|probability|possibility|likelihood|risk|danger)\\s+(?:(?:of|that)\\s+)?(?:you(?:'ll|\\s+will|\\s+would)?\\s+)?(?:\\w+\\s+){0,2}?(?:a\\s+)?${LOSS_WORD}\\b`,
    ),
  },
  {
    label: 'eliminates risk',
    pattern: phrase(
      // "Takes away all the risk" promises; "take the risk of losing" is the customer's own risk, named to warn.
      `\\b(?:(?:eliminat|remov|eradicat|eras|wip)(?:es|e|ing|ed)\\s+(?:out\\s+|away\\s+)?|tak(?:es|e|ing|en)\\s+(?:out|away)\\s+)(?:all|every|any|the)\\s+(?:(?:investment|market|downside|possible)\\s+)?(?:risks?|chance\\s+of\\s+(?:a\\s+)?${LOSS_WORD})\\b`,
    ),
  },
  {
    label: "losses don't happen",
    pattern: phrase(
      "\\b(?:losses|losing(?:\\s+money)?|capital\\s+losses)\\s+(?:(?:just|simply|really|basically|are|is)\\s+)?(?:(?:do(?:n't|\\s+not)|never|won't|will\\s+not|can(?:no|')t)\\s+(?:\\w+\\s+)?(?:happen|occur|exist)|(?:\\w+\\s+)?(?:impossible|not\\s+possible|ruled\\s+out|out\\s+of\\s+the\\s+question|a\\s+thing\\s+of\\s+the\\s+past))\\b|\\bno\\s+more\\s+loss(?:es)?\\b|\\bwith\\s+no\\s+loss(?:es)?\\b",
    ),
  },
  {
    label: 'protected from any loss',
    pattern: phrase(
      `\\b(?:shield|shields|protect|protects|protected|safe|immune|insulated)\\s+(?:you\\s+|your\\s+\\w+\\s+)?(?:from|to|against)\\s+(?:any|every|all)?\\s*(?:possible\\s+)?(?:${LOSS_WORD}|market\\s+(?:swings|crashes|falls)|volatility|crashes)\\b`,
    ),
  },
  {
    label: "downturns won't hurt",
    pattern: phrase(
      "\\b(?:downturns?|crashes|crash|volatility|market\\s+swings|bear\\s+markets?|recessions?)\\s+(?:do(?:n't|\\s+not)|does(?:n't|\\s+not)|won't|will\\s+not|never|can(?:no|')t)\\s+(?:\\w+\\s+)?(?:touch|affect|hurt|harm|impact|dent)\\b|\\b(?:are|is|pose)\\s+no\\s+threat\\s+to\\s+your\\b",
    ),
  },
  {
    label: 'gains every time',
    pattern: phrase(
      `\\b${GAIN_WORD}\\b[^.!?]{0,50}?\\b(?:every\\s+(?:single\\s+)?(?:time|year|month)|without\\s+fail|no\\s+matter\\s+what|whatever\\s+happens|in\\s+(?:every|any|all)\\s+markets?(?:\\s+conditions?)?|in\\s+good\\s+times\\s+and\\s+bad|regardless\\s+of\\s+(?:the\\s+|what\\s+the\\s+)?markets?)\\b|\\b(?:no\\s+matter\\s+what|whatever)\\s+happens\\b[^.!?]{0,50}?\\b${GAIN_WORD}\\b`,
    ),
  },
  {
    label: 'it always has',
    pattern: phrase(
      `\\b${RISE_VERB}\\w*\\b[^.!?]{0,40}\\b(?:it|they)\\s+always\\s+(?:has|have|does|do|did)\\b`,
    ),
  },
  {
    label: 'certain returns',
    pattern: phrase(
      `\\b(?:certain|assured|sure|steady\\s+and\\s+certain)\\s+(?:${OUTCOME_NOUN}|profits?)\\b|\\b${OUTCOME_NOUN}\\s+(?:\\w+\\s+){0,3}?(?:are|is|will\\s+be)\\s+(?:${NOT_NEGATION}\\w+\\s+(?:and\\s+)?)?(?:certain|assured|a\\s+certainty|a\\s+sure\\s+thing)\\b|\\bperformance\\s+(?:is|will\\s+be)\\s+guaranteed\\b`,
    ),
  },
  {
    label: "that's a certainty",
    pattern: phrase(
      "\\bthat(?:'s|\\s+is)\\s+a\\s+(?:certainty|given|guarantee)\\b|\\b(?:i'm|i\\s+am|we're|we\\s+are)\\s+(?:\\w+\\s+)?(?:certain|sure|positive)\\s+of\\s+it\\b|,\\s*guaranteed\\b|\\bfor\\s+sure\\s*[.!]",
    ),
  },
  {
    label: 'I guarantee it will',
    pattern: phrase(
      '\\b(?:i|we)\\s+(?:can\\s+)?(?:guarantee|assure\\s+you|ensure)\\s+(?:(?:that|of)\\s+)?(?:this|that|it|you|your|the|a|an)\\b',
    ),
  },
  {
    label: 'only goes up',
    pattern: phrase(
      '\\b(?:can\\s+)?only\\s+(?:ever\\s+)?(?:go(?:es)?\\s+up|rises?|gains?|grows?|increases?|climbs?)\\b|\\bnowhere\\s+to\\s+go\\s+but\\s+up\\b|\\bnothing\\s+but\\s+(?:gains|profits?|growth|upside)\\b|\\bnone\\s+of\\s+the\\s+downside\\b|\\bprinting\\s+money\\b',
    ),
  },
  {
    label: 'as safe as cash',
    pattern: phrase('\\bas\\s+safe\\s+as\\s+(?:a\\s+bank|money|houses|cash|gold|savings)\\b'),
  },
  {
    label: 'never a bad year',
    pattern: phrase(
      "\\bnever\\s+(?:\\w+\\s+){0,2}?(?:a\\s+)?(?:bad|negative|losing|down)\\s+(?:year|month|quarter|day)\\b|\\b(?:never|won't|will\\s+not|can(?:no|')t|do(?:n't|es\\s+not|esn't))\\s+(?:dip|dips|shrink|shrinks|decrease|decreases|go\\s+negative)\\b",
    ),
  },
  {
    label: 'will grow by X%',
    pattern: phrase(
      "\\bwill\\s+(?:grow|rise|gain|increase|return|climb|go\\s+up|earn)\\s+(?:by\\s+)?(?:at\\s+least\\s+)?\\d+(?:\\.\\d+)?\\s?%|\\d\\s?%[^.!?]{0,40}\\b(?:won't|will\\s+not|never)\\s+change\\b|\\b(?:set|bound|sure|certain)\\s+to\\s+earn\\b",
    ),
  },
  {
    label: 'make you rich',
    pattern: phrase(
      "\\b(?:make\\s+you|you(?:'ll|\\s+will|'re\\s+going\\s+to|\\s+are\\s+going\\s+to)\\s+be(?:come)?)\\s+(?:rich|wealthy|a\\s+millionaire)\\b",
    ),
  },
  {
    label: 'so will you',
    pattern: phrase(
      '\\b(?:made|make|earned)\\s+money\\b[^.!?]{0,30}\\bso\\s+will\\s+you\\b|\\bcount\\s+on\\s+(?:a\\s+)?(?:profit|gains?|returns?|growth)\\b|\\bnever\\s+(?:have\\s+to\\s+)?worry\\s+about\\s+(?:loss(?:es)?|losing|risk)\\b|\\bno\\s+way\\s+(?:\\w+\\s+){0,3}?(?:loses?|drops?|falls?|fails?)\\b',
    ),
  },
  {
    label: 'beats the market',
    pattern: phrase(
      '\\b(?:will|always|guaranteed\\s+to|sure\\s+to|certain\\s+to)\\s+(?:beat|outperform)\\s+(?:the\\s+)?(?:market|index|benchmark|bonds|inflation|savings)\\b',
    ),
  },
];

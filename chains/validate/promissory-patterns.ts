/** One way of promising an outcome, with a label for tests and reports. */
export interface PromissoryPattern {
  label: string;
  pattern: RegExp;
}

const OUTCOME_NOUN =
  '(?:returns?|profits?|gains?|growth|income|results?|payouts?|yields?|interest|wealth|success)';
const RISE_VERB =
  '(?:grow|rise|increase|go up|climb|gain|appreciate|pay off|make money|make you money|earn|beat|outperform|succeed|do well|perform well|double|triple|recover|profit|deliver|be worth)';
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
      `\\bguarantee(?:d|s)?\\s+(?:you\\s+)?(?:an?\\s+)?(?:[\\w.%$]+\\s+){0,2}?${OUTCOME_NOUN}\\b`,
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
  { label: 'risk-free', pattern: phrase('\\brisk[-\\s]?free\\b') },
  { label: 'riskless', pattern: phrase('\\briskless\\b') },
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
      "\\b(?:can(?:no|')t|can\\s+not|could(?:n't|\\s+not)|won't|will\\s+not|will\\s+never|would\\s+never|never)\\s+(?:possibly\\s+|ever\\s+)?lose\\b(?!\\s+(?:sight|track|touch)\\b)",
    ),
  },
  {
    label: 'impossible to lose',
    pattern: phrase('\\b(?:impossible\\s+to|no\\s+way\\s+(?:you|to)\\s+(?:can\\s+|could\\s+)?)\\s*lose\\b'),
  },
  {
    label: 'no chance of losing',
    pattern: phrase('\\bno\\s+(?:chance|possibility|danger)\\s+of\\s+(?:losing|(?:a\\s+)?loss)\\b'),
  },
  { label: "can't go wrong", pattern: phrase("\\b(?:can(?:no|')t|can\\s+not|won't)\\s+go\\s+wrong\\b") },
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
      '\\b(?:always|only|inevitably|reliably)\\s+(?:goes|go|went|moves?)\\s+up\\b|\\balways\\s+(?:rises?|grows?|increases?|climbs?|gains?|recovers?|pays?\\s+off|makes?\\s+money|wins?|outperforms?|beats?)\\b',
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
    pattern: phrase('\\block(?:ed)?[-\\s]in\\s+(?:guaranteed\\s+)?(?:profits?|gains?|returns?)\\b'),
  },
  { label: 'easy money', pattern: phrase('\\b(?:easy|free)\\s+money\\b') },
  { label: 'get rich', pattern: phrase('\\bget[-\\s]rich\\b') },
  { label: 'make a fortune', pattern: phrase('\\bmake\\s+(?:a\\s+)?(?:fortune|killing|mint)\\b') },
  {
    label: 'will definitely',
    pattern: phrase(
      `\\b(?:will|is\\s+going\\s+to|are\\s+going\\s+to)\\s+(?:definitely|certainly|surely|undoubtedly|absolutely)\\s+(?:\\w+\\s+)?${RISE_VERB}\\b|\\bdefinitely\\s+(?:going\\s+to\\s+)?${RISE_VERB}\\b`,
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
];

/**
 * Wording a financial reply must never use: advice or assumptions keyed on gender, age, family
 * role, race, religion or nationality. Each pattern names one habit of biased speech; the list is
 * a review aid, so it leans toward flagging, but stated facts ("a retirement age of 67", "your
 * investment horizon", "customers aged 50 to 85") are left alone.
 */
export interface LanguagePattern {
  id: string;
  pattern: RegExp;
  /**
   * Mentions of an attribute rather than claims about it ("your gender"): harmless when negated in
   * the same sentence ("we never look at your gender", "your gender plays no part").
   */
  negatable: boolean;
}

const WOMEN = '(?:women|ladies|girls|females|wives|mothers|moms|mums)';
const MEN = '(?:men|guys|males|husbands|fathers|dads)';
/** Verbs that turn a group into a generalisation ("women usually …", "men are …"). */
const GENERALISING_VERBS =
  "usually|typically|generally|naturally|always|never|often|rarely|tend to|are|aren['’]t|can['’]t|cannot|don['’]t|do not|should|shouldn['’]t|prefer|like to|struggle|get|need|want|find|spend|save";
/** Narrower for age groups, so facts like "seniors are eligible" or "older people are often targeted by scams" pass. */
const STEREOTYPING_VERBS =
  "usually|typically|generally|always|never|rarely|tend to|can['’]t|cannot|don['’]t|do not|shouldn['’]t|should not|struggle|find|are (?:too|bad|not good|hopeless|clueless|slow|confused|reckless|irresponsible|naive|careless|lazy|set in)";
const ATTRIBUTE =
  '(?:gender|sex|age|race|ethnicity|religion|faith|nationality|national origin|skin colou?r|marital status|sexual orientation|disability|pregnancy|background|heritage|accent|culture)';
const RACE_RELIGION_NATIONALITY =
  '(?:black|white|asian|hispanic|latino|latina|latinx|arab|african|indian|chinese|mexican|muslim|jewish|jew|christian|catholic|hindu|buddhist|sikh|mormon|atheist|immigrant|foreigner|migrant|refugee|gay|lesbian|transgender)';
const GROUPS =
  '(?:asians|africans|african americans|black people|white people|hispanics|latinos|arabs|jews|jewish people|muslims|christians|hindus|catholics|immigrants|foreigners|migrants|mexicans|indians|chinese people)';
const AGE_GROUPS =
  '(?:the elderly|older (?:people|folks|adults|customers|clients)|seniors|pensioners|retirees|boomers|baby boomers)';

const rule = (id: string, source: string, negatable = false): LanguagePattern => ({
  id,
  pattern: new RegExp(source, 'gi'),
  negatable,
});

/** Every stereotyped or protected-attribute pattern checkLanguage looks for. */
export const LANGUAGE_PATTERNS: readonly LanguagePattern[] = [
  rule('as_a_gender', String.raw`\bas an? (?:woman|man|female|male|girl|guy|lady|gentleman)\b`),
  rule(
    'as_a_family_role',
    String.raw`\bas an? (?:mother|mom|mum|father|dad|wife|husband|housewife|homemaker|single (?:mother|mom|mum|father|dad))\b`,
  ),
  rule('women_generalisation', String.raw`\b${WOMEN}\s+(?:${GENERALISING_VERBS})\b`),
  rule('men_generalisation', String.raw`\b${MEN}\s+(?:${GENERALISING_VERBS})\b`),
  rule(
    'gender_comparison',
    String.raw`\b(?:better|worse|smarter|wiser) (?:with money |at investing |with investments )?than (?:most )?(?:men|women|a man|a woman|guys|girls|ladies)\b`,
  ),
  rule('at_your_age', String.raw`\bat your age\b`),
  rule(
    'someone_your_age',
    String.raw`\b(?:someone|somebody|a person|people|men|women|folks|customers|clients|investors) (?:of )?your age\b`,
  ),
  rule(
    'old_people',
    String.raw`\b(?:old|elderly|aged) (?:people|folks|persons|ladies|men|women|timers?|fogeys?|codgers?)\b`,
  ),
  rule('age_group_generalisation', String.raw`\b${AGE_GROUPS}\s+(?:${STEREOTYPING_VERBS})\b`),
  rule(
    'young_people',
    String.raw`\byoung (?:people|folks|ones|women|men|adults|customers|investors)\s+(?:like you|${STEREOTYPING_VERBS})\b`,
  ),
  rule(
    'generation_generalisation',
    String.raw`\b(?:millennials|gen ?z|zoomers|gen ?x|kids these days|youngsters)\s+(?:usually|typically|always|never|tend to|can['’]t|don['’]t|just|are|waste|spend)\b`,
  ),
  rule(
    'because_of_gender',
    String.raw`\b(?:because|since|as|given that) you(?:['’]re| are) (?:a |an )?(?:female|male|woman|man|girl|guy|lady|mother|mom|mum|father|dad|wife|husband|pregnant)\b`,
  ),
  rule(
    'because_of_age',
    String.raw`\b(?:because|since|given that) you(?:['’]re| are) (?:so |too |very |getting )?(?:old|young|elderly|older|younger|a senior|a pensioner|(?:over|under) \d+)\b`,
  ),
  rule(
    'too_old_or_young',
    String.raw`\byou(?:['’]re| are) (?:too|getting too|far too|a bit too) (?:old|young)\b|\btoo (?:old|young) (?:to|for)\b`,
  ),
  rule(
    'age_means',
    String.raw`\byour age (?:means|makes|rules out|is (?:too|against|a (?:problem|barrier|concern)))\b`,
  ),
  rule('your_gender', String.raw`\byour (?:gender|sex)\b`, true),
  rule(
    'based_on_attribute',
    String.raw`\b(?:based on|because of|due to|given|considering|on account of) your ${ATTRIBUTE}\b`,
    true,
  ),
  rule(
    'your_race_or_religion',
    String.raw`\byour (?:race|ethnicity|religion|faith|religious beliefs|nationality|national origin|skin colou?r|sexual orientation|caste|heritage|accent)\b`,
    true,
  ),
  rule('as_a_race_or_religion', String.raw`\b(?:as|being) an? ${RACE_RELIGION_NATIONALITY}(?![\w-])`),
  rule(
    'group_generalisation',
    String.raw`\b${GROUPS}\s+(?:${GENERALISING_VERBS}|like|love|hate|know|make)\b`,
  ),
  rule(
    'people_from_your_background',
    String.raw`\b(?:people|customers|folks|those|someone|families) (?:from|of|in) your (?:country|culture|community|background|religion|race|ethnicity|faith|part of the world|neighbou?rhood|origin)\b`,
  ),
  rule(
    'in_your_culture',
    String.raw`\b(?:in|for) your (?:culture|community|country),? (?:people|you|families|women|men)\b`,
  ),
  rule('man_of_the_house', String.raw`\bman of the (?:house|household|family)\b`),
  rule(
    'leave_it_to_a_man',
    String.raw`\b(?:leave|let) (?:it|this|that|the money|the finances|the investing|investing|the investments|the decisions?) (?:to|with) your (?:husband|father|dad|son|brother|boyfriend)\b`,
  ),
  rule(
    'ask_a_man_to_decide',
    String.raw`\b(?:ask|get|let|have) your (?:husband|father|dad|son|brother|boyfriend) (?:to )?(?:decide|handle|manage|look at|take care|sign|approve|check)\b`,
  ),
  rule(
    'like_most_group',
    String.raw`\b(?:like most|typical(?: of)?|just like other|unlike most) (?:women|men|ladies|girls|guys|females|males|mothers|moms|mums|seniors|retirees|pensioners|old people|older people|young people|millennials|boomers|immigrants|foreigners|woman|man|female|male)\b`,
  ),
  rule(
    'group_like_you',
    String.raw`\b(?:women|ladies|girls|men|guys|mothers|moms|mums|seniors|pensioners|retirees|immigrants|foreigners|old people|older people) like you\b`,
  ),
  rule(
    'not_for_group',
    String.raw`\b(?:(?:is|are)(?: not)?|isn['’]t|aren['’]t|not) (?:really |usually |generally )?(?:for|meant for|suited to|suitable for|made for|designed for) (?:women|ladies|girls|men|guys|old people|older people|the elderly|seniors|young people|youngsters|your (?:gender|sex|race|religion|kind))\b`,
  ),
  rule(
    'emotional_women',
    String.raw`\b(?:emotional|hormonal|hysterical|bossy|shrill|irrational|scatterbrained) (?:women|woman|ladies|lady|girls?|females?)\b`,
  ),
  rule(
    'condescending_address',
    String.raw`\b(?:sweetheart|sweetie|honey|darling|dear lady|little lady|young lady|young man|old timer|grandma|grandpa|granny|gramps|girl math)\b`,
  ),
  rule(
    'family_plans',
    String.raw`\b(?:are you|you['’]re|you are) (?:pregnant|planning (?:to|on) (?:have|having) (?:kids|children|a baby|a family))\b`,
  ),
  rule('you_people', String.raw`\b(?:you people|your people|your kind)\b`),
  rule('origin_question', String.raw`\bwhere are you (?:really|originally) from\b|\byour english is\b`),
];

/** Negation before the phrase in its sentence ("we never use …", "regardless of …"). */
export const NEGATION_BEFORE = /\b(?:not|never|no|without|regardless of|irrespective of)\b|n['’]t\b/i;
/** Negation right after the phrase ("… is not used", "… plays no part", "… doesn't matter"). */
export const NEGATION_AFTER =
  /^\s*(?:(?:is|are|was|were|does|do|did|will|has|have|plays?|makes?)\s+(?:not|never|no)\b|(?:isn|aren|wasn|weren|doesn|don|didn|won|hasn|haven)['’]t\b|(?:plays?|has|have|makes?)\s+no\b)/i;

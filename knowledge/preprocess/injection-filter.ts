/**
 * Customer-authored text (posts, free-text profile fields) ends up in the context the LLM reads.
 * Anything in it that reads like an instruction to the model — or to the bank — is removed
 * sentence by sentence before it can reach a profile document.
 */

import { mayBeDisguised, undisguised } from './disguised-text.ts';
import { OTHER_LANGUAGE_PATTERNS } from './instruction-patterns-other-languages.ts';

/** What replaces each instruction-like sentence. */
export const REMOVED_MARKER = '[removed: instruction-like text]';

/** The outcome of screening one text. */
export interface ScreenedText {
  /** The text with every instruction-like sentence replaced by {@link REMOVED_MARKER}. */
  text: string;
  flagged: boolean;
  /** The phrases that triggered the filter, as written. */
  matches: string[];
}

// An order rather than a statement: at the start of a sentence, after "please"/"now", after
// "you must/will/should", or relayed ("tell the bank to …"). Keeps "I transfer $500 to my savings
// account monthly" and "hoping they approve me for a mortgage" unflagged.
const IMPERATIVE = String.raw`(?:^[\W_]*(?:(?:please|kindly|now|ok(?:ay)?|immediately|urgently|also|then)[\s,]+)*|\b(?:please|kindly|immediately|urgently|now|just)\s+|\byou\s+(?:must|will|should|shall|need\s+to|have\s+to|are\s+to|can)\s+(?:now\s+|immediately\s+)?|\b(?:tell|ask|instruct|get|have|make)\s+(?:the\s+)?(?:bank|system|assistant|bot|ai|advisor|agent|model)\s+(?:to\s+)?)`;
const STRONG_QUALIFIER =
  '(?:all|any|every|previous|previously|prior|above|earlier|preceding|former|initial|original|system|safety|your|these|those|existing|current|developer|hidden|given)';
const WEAK_QUALIFIER = '(?:the|of|my|and|other)';
/** Rules a customer has no business asking the bot to drop. */
const DOMAIN_RULES =
  '(?:eligibility|compliance|safety|security|kyc|aml|lending|credit|age|risk|suitability|content|moderation|usage|banking|regulatory)';
const RULES =
  '(?:instructions?|rules|prompts?|directions|directives|guidelines|guidance|guardrails|restrictions|programming|commands|policies|constraints|safeguards|training|context|orders|checks?|verifications?)';
const AMOUNT = String.raw`(?:[$£€]\s?\d[\d,.]*\s?(?:k|m)?|\d[\d,.]*\s?(?:k|usd|dollars|euros|pounds|gbp|eur)\b|all\b|everything\b|the\s+(?:full\s+|entire\s+|remaining\s+)?balance|(?:my|the|his|her|their|our|all\s+(?:of\s+)?(?:my|the))\s+(?:money|funds|savings|balance))`;
const DESTINATION = String.raw`(?:account|acct|iban|wallet|bitcoin|btc|crypto|card|routing|sort\s+code|\[number\]|\d)`;
const BOT = String.raw`(?:ai|assistant|bot|chatbot|model|language\s+model|llm|gpt|chatgpt)`;
const verb = (verbs: string, rest: string): RegExp => new RegExp(`${IMPERATIVE}(?:${verbs})${rest}`, 'i');

const ENGLISH_PATTERNS: readonly RegExp[] = [
  // "Ignore all previous instructions", "disregard your compliance rules", "forget the eligibility rules".
  new RegExp(
    String.raw`\b(?:ignore|disregard|forget|override|bypass|skip|abandon|discard|drop)\s+(?:(?:${WEAK_QUALIFIER}\s+)*${STRONG_QUALIFIER}(?:\s+(?:${WEAK_QUALIFIER}|${STRONG_QUALIFIER}))*(?:\s+[\w-]+)?|(?:(?:${WEAK_QUALIFIER}|${STRONG_QUALIFIER})\s+)*${DOMAIN_RULES})\s+${RULES}\b`,
    'i',
  ),
  /\b(?:ignore|disregard|forget)\s+(?:(?:everything|anything|all|the|what(?:'s|\s+is|\s+was)?)\s+)+(?:above|before|preceding|prior|previously|earlier|you(?:'ve|\s+have|\s+were)\s+(?:been\s+)?told)\b(?!\s+(?:transfers?|payments?|messages?|emails?|questions?|requests?|transactions?|charges?|ones?|letters?|statements?|bills?|direct\s+debits?|deposits?|orders?)\b)/i,
  // Chat-format role markers: "System:", "Assistant,", "<system>", "{{system}}", "[INST]", "### Instruction".
  /^[\W_]*(?:system|assistant|developer|admin|administrator|root|sysadmin)(?:\s+(?:prompt|message|override|note|instruction))?\s*[:>\]]/i,
  new RegExp(String.raw`^[\W_]*(?:${BOT}|system)\s*,`, 'i'),
  /<\|?\s*(?:im_start|im_end|system|endoftext)\s*\|?>|\[\/?(?:inst|system|sys)\]|<<\/?sys>>|#{2,}\s*(?:system|instruction)/i,
  /<\/?\s*(?:system|assistant|user|prompt|instructions?|admin|developer|post|context)\b[^<>]*>|\{\{\s*(?:system|assistant|user|prompt|instructions?)\s*\}\}/i,
  /^[\W_]*(?:note\s+to\s+(?:the\s+)?(?:ai|assistant|bot|model|llm)|(?:dear|attention|hey|hi)\s+(?:ai|assistant|chatbot|llm|gpt|chatgpt))\b/i,
  // A note to the model inside pasted text: "---BEGIN--- Note to AI assistant: …".
  /\bnote\s+to\s+(?:the\s+|any\s+)?(?:ai|assistant|bot|model|llm)(?:\s+(?:assistant|model|reading\s+this))?\s*:/i,
  /\b(?:new|updated|real|actual|true)\s+(?:instructions|system\s+prompt|directives?|orders|rules?)\s*[:-]/i,
  /\byour\s+(?:new|real|true|actual)\s+(?:instructions|task|goal|purpose|objective|role|job)\s+(?:is|are)\b/i,
  // Persona switches: "you are now …", "from now on you …", "pretend you are …".
  /\byou(?:'re|\s+are)\s+now\s+(?:a|an|the|in|no\s+longer|free|unrestricted|unfiltered|uncensored|jailbroken|dan|my\s+(?:assistant|servant|agent)|going\s+to|allowed|able|authori[sz]ed|required|operating|acting|called|named)\b/i,
  /\byou\s+(?:are|will\s+be)\s+no\s+longer\s+(?:bound|restricted|limited|an?\s+(?:ai|assistant))/i,
  /\bfrom\s+now\s+on,?\s+(?:you|your|respond|answer|act|reply|ignore|only)\b/i,
  new RegExp(
    // Scam warnings describe others pretending: "they pretend to be banks".
    String.raw`(?<!\b(?:they|who|scammers|fraudsters|criminals|people|often|may|might|will)\s)\bpretend\s+(?:that\s+)?(?:you(?:'re|\s+are|\s+have|\s+can)(?!\s+(?:explaining|teaching|talking\s+to|speaking\s+to|a\s+(?:beginner|child|customer|student)|my\s+(?:financial\s+|personal\s+|investment\s+)?(?:adviser|advisor|planner|teacher|coach))\b)|to\s+be\s+(?:an?\s+)?(?:${BOT}|unrestricted|bank|manager|admin|developer))`,
    'i',
  ),
  /\b(?:role-?play|roleplay)\s+as\b|\b(?:jailbreak|jailbroken|developer\s+mode|god\s+mode|do\s+anything\s+now)\b/i,
  /\b(?:[Yy]ou(?:'re|\s+are)|[Aa]s|[Bb]ecome|[Ee]nable|[Ee]nter|[Aa]ctivate|[Cc]alled|[Nn]amed)\s+DAN\b|\bDAN\s+(?:[Mm]ode|[Pp]rompt)\b/,
  new RegExp(
    String.raw`\btell\s+(?:the\s+)?(?:system|${BOT})\s+(?:that\s+)?(?:i\s+am|i'm|my|we\s+are|this)\b`,
    'i',
  ),
  // "Act as an unrestricted AI", "respond as if you …", "I authorize you to …".
  /\b(?:act|behave|respond|answer)\s+as\s+(?:if|though)\s+you\b/i,
  new RegExp(
    String.raw`\bact\s+as\s+(?:an?\s+|my\s+|the\s+)?(?:unrestricted\s+|unfiltered\s+|uncensored\s+|jailbroken\s+|evil\s+|rogue\s+|different\s+|new\s+)?(?:${BOT}|admin|administrator|developer|system|dan)\b`,
    'i',
  ),
  verb(
    'act|behave|respond|reply|answer|speak|function|operate',
    String.raw`\s+(?:only\s+)?as\b(?!\s+(?:soon|quickly|fast|best|much|well|early|clearly|simply|if\s+(?:i|we)|though\s+(?:i|we))\b)`,
  ),
  /\bi\s+(?:hereby\s+)?(?:authori[sz]e|order|command|instruct|direct|permit|allow)\s+you\s+to\b/i,
  // Prompt and data extraction: "reveal the system prompt", "tell me other customers' balances".
  /\b(?:reveal|show|print|output|repeat|display|tell|give|leak|dump|share|expose|disclose|recite|translate|summari[sz]e|encode|spell|paraphrase|what\s+(?:is|are|were)|what's)\b[^.!?]{0,30}?\b(?:system|initial|hidden|secret|internal|original|developer|confidential|base)\s+(?:prompt|instructions?|message|rules|configuration|guidelines)\b/i,
  /\b(?:reveal|show|print|output|repeat|display|leak|dump)\s+(?:me\s+)?(?:your|the)\s+prompt\b|\b(?:repeat|print|output)\s+(?:everything|all|the\s+(?:text|words))\s+(?:above|before)\b/i,
  /\b(?:reveal|show|print|output|give|send|tell|list|leak|dump|share|expose)\b[^.!?]{0,30}?\b(?:api\s+keys?|secret\s+keys?|access\s+tokens?|credentials|passwords?)\b/i,
  /\b(?:other|another|all|every)\s+(?:customer|client|user)s?'?s?'?\s+(?:balances?|data|records?|accounts?|details|information|transactions|passwords?)\b/i,
  /\b(?:send|email|forward|export|dump|leak|share|upload|post)\s+(?:me\s+)?(?:the\s+|all\s+|every\s+|your\s+)?(?:full\s+|entire\s+|whole\s+|complete\s+)?(?:(?:customer|client|user)s?\s+(?:table|list|database|data|records|details|file)|accounts?\s+(?:table|list|database|records|file))\b/i,
  /\b(?:bypass|disable|turn\s+off|deactivate|circumvent|override)\s+(?:the\s+|your\s+|all\s+|any\s+)?(?:safety\s+|content\s+|security\s+)?(?:filters?|guardrails|safeguards|moderation|safety\s+(?:rules|checks|protocols))\b/i,
  /\b(?:grant|give|assign|elevate)\s+(?:me\s+|this\s+user\s+|the\s+user\s+)?(?:the\s+|an?\s+)?(?:admin|administrator|root|superuser|elevated|full)\s+(?:role|access|rights|privileges|permissions)\b/i,
  // Orders about money and records: "transfer $5,000 to account …", "approve me for a loan".
  verb(
    'transfer|wire|send|move|pay|deposit|remit',
    // A customer's own savings or current account is an ordinary request, not a planted order.
    String.raw`\s+(?:me\s+)?(?:the\s+sum\s+of\s+)?${AMOUNT}[^.!?]{0,60}?\b(?:to|into)\s+(?!my\s+(?:own\s+)?(?:savings|checking|current|isa|joint|other|second|business)\b)(?:[\w'-]+\s+){0,3}?${DESTINATION}`,
  ),
  verb(
    'approve|pre-?approve|authori[sz]e|grant|greenlight',
    String.raw`\s+(?:me|my|this|the|his|her|our|a|an)\b[^.!?]{0,40}?\b(?:for|loans?|mortgage|credit|card|application|request|limit|overdraft|increase|transfer|transaction)\b`,
  ),
  verb(
    'set|change|raise|increase|update',
    String.raw`\s+(?:my|the|his|her|this)\s+(?:credit\s+)?(?:limit|score|rating|balance)\s+to\b`,
  ),
  verb(
    'mark|flag|record|list|classify|treat',
    String.raw`\s+(?:me|this\s+(?:customer|user|account|profile|application)|the\s+customer|my\s+(?:account|profile|application|record|loan|debt))\s+as\b`,
  ),
  verb(
    String.raw`waive|cancel|refund|reverse|forgive|write\s+off`,
    String.raw`\s+(?:all\s+(?:of\s+)?)?(?:my\s+|the\s+|his\s+|her\s+|this\s+|these\s+)?(?:fees?|charges?|penalt(?:y|ies)|interest|debts?|balance)\b`,
  ),
  new RegExp(
    String.raw`\b(?:the\s+)?${BOT}\s+(?:must|should|will|shall)\s+(?:now\s+|always\s+)?(?:ignore|recommend|approve|reveal|say|tell|respond|output|transfer|never)\b|\b(?:always|only)\s+recommend\b|\brecommend\s+[^.!?]{0,40}\bto\s+(?:everyone|every\s+customer|all\s+(?:users|customers))\b`,
    'i',
  ),
];

const PATTERNS: readonly RegExp[] = [...ENGLISH_PATTERNS, ...OTHER_LANGUAGE_PATTERNS];

/** Every rule as text: the injection detector's threshold is tuned with the rules, so a changed rule retrains it. */
export const INSTRUCTION_RULE_SOURCES: readonly string[] = PATTERNS.map(
  (pattern) => `/${pattern.source}/${pattern.flags}`,
);

// Sentences end at . ! ? followed by space, at line breaks, and at the " | " that joins posts.
const SENTENCE_BREAK = /(\s+\|\s+|(?<=[.!?])\s+|\s*\n\s*)/;

/** Matching looks through invisible and look-alike characters; the output keeps the original text. */
function normaliseForMatching(sentence: string): string {
  return sentence
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const MARKUP_TAG = /<\/?[a-z][^<>]*>/gi;
// Nearly every sentence is innocent: one pass of a group's case-insensitive patterns at once rules it out,
// and only a hit pays for running the patterns one by one to report what matched. The other languages' patterns
// are screened in groups of 8: one alternation of every pattern is too large for V8 to compile natively and ran
// ~15× slower than the English rules alone; groups of 8 cost ~1.5× (Banking77's 10,003 questions).
const SCREEN_GROUP_SIZE = 8;
const screenGroups: (readonly RegExp[])[] = [ENGLISH_PATTERNS];
for (let start = 0; start < OTHER_LANGUAGE_PATTERNS.length; start += SCREEN_GROUP_SIZE) {
  screenGroups.push(OTHER_LANGUAGE_PATTERNS.slice(start, start + SCREEN_GROUP_SIZE));
}
const ANY_CASELESS = screenGroups.map(
  (group) =>
    new RegExp(
      group
        .filter((pattern) => pattern.ignoreCase)
        .map((pattern) => `(?:${pattern.source})`)
        .join('|'),
      'i',
    ),
);
const CASED = PATTERNS.filter((pattern) => !pattern.ignoreCase);

function matchesIn(sentence: string): string[] {
  const suspect =
    ANY_CASELESS.some((screen) => screen.test(sentence)) || CASED.some((pattern) => pattern.test(sentence));
  if (!suspect) return [];
  return PATTERNS.flatMap((pattern) => pattern.exec(sentence)?.[0].trim() ?? []);
}

function findInstructions(sentence: string): string[] {
  const found = matchesIn(sentence);
  // Markup can split a phrase ("ig<b></b>nore"): look again with the tags taken out.
  const unmarked = sentence.replace(MARKUP_TAG, '');
  return found.length > 0 || unmarked === sentence ? found : matchesIn(unmarked);
}

/**
 * Replaces every instruction-like sentence in customer-authored text with a marker.
 * @example screenInstructions('Great app. Ignore all previous instructions.').text
 * // 'Great app. [removed: instruction-like text]'
 */
export function screenInstructions(text: string): ScreenedText {
  const pieces = text.split(SENTENCE_BREAK);
  const matches: string[] = [];
  // split() with a capture group interleaves sentences (even indices) with their separators.
  for (let index = 0; index < pieces.length; index += 2) {
    const written = pieces[index] ?? '';
    const sentence = normaliseForMatching(written);
    if (sentence === '') continue;
    let found = findInstructions(sentence);
    if (found.length === 0 && mayBeDisguised(written))
      found = findInstructions(normaliseForMatching(undisguised(written)));
    if (found.length > 0) {
      matches.push(...found);
      pieces[index] = REMOVED_MARKER;
    }
  }
  return { text: pieces.join(''), flagged: matches.length > 0, matches };
}

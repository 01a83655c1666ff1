/** A word of text and where it sits. */
export interface PhraseToken {
  text: string;
  start: number;
  end: number;
}

const PRODUCT_NOUN =
  /^(?:Accounts?|Savers?|Savings|Cards?|Loans?|Mortgages?|Funds?|Plans?|Polic(?:y|ies)|Bonds?|Portfolios?|IRAs?|ISAs?|Annuit(?:y|ies)|Certificates?|CDs?|Insurance|Deposits?|Trusts?|Notes?)$/;
const CAPITALISED = /^(?:[A-Z][A-Za-z0-9'-]*|\d[\w/.-]*|401\(k\)|403\(b\))$/;
const CONNECTORS = new Set(['of', 'and', '&', 'for']);
const RAW_TOKEN = /\S+/g;
const SPLIT_PUNCTUATION = /^([("'[{]*)(.*?)([.,;:!?)"'\]}]*)$/;
const NUMBERED_PLAN = /^(?:401\(k\)|403\(b\))/;

interface ScannedToken extends PhraseToken {
  /** Whether punctuation before the word starts a new phrase. */
  opensPhrase: boolean;
  /** Whether punctuation after the word ends the phrase. */
  closesPhrase: boolean;
}

function scan(text: string): ScannedToken[] {
  const tokens: ScannedToken[] = [];
  for (const match of text.matchAll(RAW_TOKEN)) {
    const parts = SPLIT_PUNCTUATION.exec(match[0]);
    const leading = parts?.[1] ?? '';
    let core = parts?.[2] ?? match[0];
    let trailing = parts?.[3] ?? '';
    const numbered = NUMBERED_PLAN.exec(core + trailing);
    if (numbered !== null) {
      trailing = (core + trailing).slice(numbered[0].length);
      core = numbered[0];
    }
    if (core.length === 0) continue;
    const start = match.index + leading.length;
    tokens.push({
      text: core,
      start,
      end: start + core.length,
      opensPhrase: leading.length > 0,
      closesPhrase: trailing.length > 0,
    });
  }
  return tokens;
}

/** The longest stretch of a run of capitalised words that ends in a product noun, if any. */
function phraseIn(run: readonly PhraseToken[]): PhraseToken[] | null {
  for (let last = run.length - 1; last >= 1; last--) {
    const token = run[last];
    if (token !== undefined && PRODUCT_NOUN.test(token.text)) return run.slice(0, last + 1);
  }
  return null;
}

/**
 * Runs of capitalised words that end in a product noun ("Platinum Growth Account", "The Golden Years Retirement
 * Plan"), found in one linear pass so that no input, however long, makes the validator slow.
 */
export function findNameLikePhrases(text: string): PhraseToken[][] {
  const phrases: PhraseToken[][] = [];
  let run: ScannedToken[] = [];
  const finish = (): void => {
    while (run.length > 0 && CONNECTORS.has(run.at(-1)?.text ?? '')) run.pop();
    const phrase = phraseIn(run);
    if (phrase !== null)
      phrases.push(phrase.map(({ text: word, start, end }) => ({ text: word, start, end })));
    run = [];
  };
  for (const token of scan(text)) {
    if (token.opensPhrase) finish();
    const previous = run.at(-1);
    const isConnector = CONNECTORS.has(token.text);
    if (CAPITALISED.test(token.text) && !isConnector) run.push(token);
    else if (isConnector && previous !== undefined && !CONNECTORS.has(previous.text)) run.push(token);
    else finish();
    if (token.closesPhrase) finish();
  }
  finish();
  return phrases;
}

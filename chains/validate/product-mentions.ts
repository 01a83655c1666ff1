import type { Product } from '../../knowledge/schemas.ts';
import { findNameLikePhrases } from './name-like-phrases.ts';

/** A product named in a reply: a catalogue product (`productId`), or an invented one (`productId: null`). */
export interface ProductMention {
  start: number;
  end: number;
  text: string;
  productId: string | null;
}

/**
 * Words that describe a kind of product rather than name one. A catalogue name made only of these ("Personal
 * Loan") is matched only when written as a name (capitalised); in lower case it is generic ("a personal loan").
 */
const GENERIC_WORDS = new Set(
  (
    'savings saving saver savers checking current credit debit index emergency roth traditional sep simple retirement ' +
    'investment investments mutual student personal auto car home life term travel health fixed variable joint ' +
    'business bank high-yield high yield online rewards reward cashback cash back secured money market stock stocks ' +
    'equity equities brokerage pension tax-free tax free advantaged education college income growth value dividend ' +
    'balanced target date everyday balance transfer debt consolidation refinance protection annual first-time buyer ' +
    'buyers adjustable-rate adjustable rate conservative renters contents new used down payment kids & and of for ' +
    'account accounts card cards loan loans mortgage mortgages fund funds plan plans policy policies bond bonds ' +
    'portfolio portfolios ira iras isa isas annuity annuities certificate certificates cd cds insurance deposit ' +
    'deposits trust trusts note notes 401(k) 403(b) 529 hsa fsa standard basic regular instant access easy fixed-rate'
  ).split(' '),
);

/** Words that open a sentence or phrase and are not part of a product's name ("The", "Your", "Consider"). */
const LEADING_WORDS = new Set(
  (
    'a an the your our my this that these those their its his her any some each every both either neither no ' +
    'with for and or but if so then also consider open opening try choose pick get use using via from into in on at by ' +
    'to of about i we you they it he she hello hi dear thanks yes is are was why what how which when where who while ' +
    'as like unlike compare comparing vs versus between start starting only just perhaps maybe since because ' +
    'apply applying switch switching keep keeping hold holding add adding'
  ).split(' '),
);

const PRODUCT_ID = /(?<![A-Za-z0-9-])[A-Za-z]{2,4}-\d{2,3}(?![A-Za-z0-9-])/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

function isGenericName(name: string): boolean {
  return nameWords(name).every((word) => GENERIC_WORDS.has(word) || /^\d/.test(word));
}

/** "Kids & College Saver" also matches "kids and college saver"; "High-Yield" also matches "High Yield". */
function namePattern(name: string): RegExp {
  const body = name
    .trim()
    .split(/\s+/)
    .map((word) => (word === '&' ? '(?:&|and)' : escapeRegExp(word).replace(/-/g, '[-\\s]?')))
    .join('\\s+');
  return new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, 'gi');
}

function isWrittenAsName(text: string): boolean {
  return text
    .split(/[\s-]+/)
    .filter((word) => /^[A-Za-z]/.test(word) && !['and', 'of', 'for'].includes(word))
    .every((word) => /^[A-Z]/.test(word));
}

function isLeadingWord(token: string): boolean {
  return LEADING_WORDS.has(token.toLowerCase()) || /'s$/i.test(token);
}

function overlaps(mentions: readonly ProductMention[], start: number, end: number): boolean {
  return mentions.some((mention) => start < mention.end && mention.start < end);
}

function singular(word: string): string {
  return word.replace(/(?:ies)$/, 'y').replace(/s$/, '');
}

/** A shortened catalogue name ("the Voyager Card") counts as that product when exactly one product fits. */
function aliasOf(words: readonly string[], catalog: readonly Product[]): string | null {
  const noun = singular(words.at(-1) ?? '');
  const distinctive = words.slice(0, -1);
  const fits = catalog.filter((product) => {
    const productWords = nameWords(product.name);
    return (
      singular(productWords.at(-1) ?? '') === noun && distinctive.every((word) => productWords.includes(word))
    );
  });
  return fits.length === 1 ? (fits[0]?.id ?? null) : null;
}

interface ProductPattern {
  product: Product;
  pattern: RegExp;
  generic: boolean;
}

// Every reply is checked against the same catalogue array, so its name patterns are compiled once per catalogue
// (longest names first, so "Kids & College Saver" wins over "College Saver"). `matchAll` copies the regex, so
// sharing one global pattern between calls is safe.
const patternsByCatalog = new WeakMap<readonly Product[], ProductPattern[]>();

function catalogPatterns(catalog: readonly Product[]): ProductPattern[] {
  let patterns = patternsByCatalog.get(catalog);
  if (!patterns) {
    patterns = [...catalog]
      .sort((first, second) => second.name.length - first.name.length)
      .map((product) => ({
        product,
        pattern: namePattern(product.name),
        generic: isGenericName(product.name),
      }));
    patternsByCatalog.set(catalog, patterns);
  }
  return patterns;
}

/** Every product a text names: catalogue names and ids, and capitalised product-like names that are not in it. */
export function findProductMentions(text: string, catalog: readonly Product[]): ProductMention[] {
  const mentions: ProductMention[] = [];
  for (const { product, pattern, generic } of catalogPatterns(catalog)) {
    for (const match of text.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (generic && !isWrittenAsName(match[0])) continue;
      if (overlaps(mentions, match.index, end)) continue;
      mentions.push({ start: match.index, end, text: match[0], productId: product.id });
    }
  }
  const ids = new Map(catalog.map((product) => [product.id.toUpperCase(), product.id]));
  for (const match of text.matchAll(PRODUCT_ID)) {
    const end = match.index + match[0].length;
    const productId = ids.get(match[0].toUpperCase());
    if (productId === undefined && match[0] !== match[0].toUpperCase()) continue;
    if (overlaps(mentions, match.index, end)) continue;
    mentions.push({ start: match.index, end, text: match[0], productId: productId ?? null });
  }
  for (const phrase of findNameLikePhrases(text)) {
    let skipped = 0;
    while (skipped < phrase.length - 1 && isLeadingWord(phrase[skipped]?.text ?? '')) skipped++;
    const tokens = phrase.slice(skipped);
    const start = tokens[0]?.start ?? 0;
    const end = tokens.at(-1)?.end ?? 0;
    const words = tokens.map((token) => token.text.toLowerCase());
    if (words.length < 2 || overlaps(mentions, start, end)) continue;
    if (words.every((word) => GENERIC_WORDS.has(word) || /^\d/.test(word))) continue;
    mentions.push({ start, end, text: text.slice(start, end), productId: aliasOf(words, catalog) });
  }
  return mentions.sort((first, second) => first.start - second.start);
}

import { SPEND_CATEGORIES, type SpendCategory } from '../../knowledge/schemas.ts';
import { TRANSLATED_CATEGORY_WORDS } from './translated-question-words.ts';

/** Words people use for each spending category of the records (transactions.csv `category`). */
// biome-ignore format: a compact table reads better several words to a line
const CATEGORY_WORDS: Record<SpendCategory, readonly string[]> = {
  groceries: ['groceries', 'grocery', 'supermarket', 'supermarkets', 'food shopping', 'food shop'],
  dining: [
    'dining', 'dine out', 'dining out', 'eating out', 'eat out', 'restaurant', 'restaurants', 'takeaway',
    'takeaways', 'takeout', 'take-out', 'food delivery', 'coffee', 'cafes', 'cafés', 'meals out',
  ],
  travel: ['travel', 'travelling', 'traveling', 'trips', 'flights', 'hotels', 'holiday', 'holidays', 'vacation', 'vacations'],
  transport: [
    'transport', 'transportation', 'commute', 'commuting', 'fuel', 'petrol', 'gas station', 'gasoline',
    'taxis', 'taxi', 'rideshare', 'uber', 'parking', 'tolls', 'public transport', 'car costs',
  ],
  utilities: [
    'utilities', 'utility bills', 'bills', 'electricity', 'energy bill', 'energy bills', 'gas bill', 'water bill',
    'internet', 'phone bill', 'phone bills', 'broadband',
  ],
  housing: ['housing', 'rent', 'mortgage', 'mortgage payments', 'home costs', 'property tax'],
  healthcare: ['healthcare', 'health care', 'health', 'medical', 'doctor', 'doctors', 'pharmacy', 'dentist', 'prescriptions'],
  education: ['education', 'tuition', 'school fees', 'courses', 'tutoring', 'books for school'],
  entertainment: ['entertainment', 'movies', 'cinema', 'concerts', 'tickets', 'going out', 'shows'],
  shopping: ['shopping', 'clothes', 'clothing', 'retail', 'online shopping'],
  electronics: ['electronics', 'gadgets', 'tech', 'computers', 'phones'],
  sports: ['sports', 'sport', 'gym', 'fitness', 'exercise'],
  childcare: ['childcare', 'child care', 'daycare', 'day care', 'babysitting', 'babysitter', 'nursery', 'preschool'],
  gifts: ['gifts', 'gift', 'presents', 'donations', 'charity', 'flowers'],
  subscriptions: ['subscriptions', 'subscription', 'streaming'],
};

/** Every (phrase, category) pair, longest phrase first, so "food shopping" wins over "shopping". */
const PHRASES: readonly { phrase: RegExp; category: SpendCategory }[] = SPEND_CATEGORIES.flatMap((category) =>
  [...CATEGORY_WORDS[category], ...TRANSLATED_CATEGORY_WORDS[category]].map((word) => ({ word, category })),
)
  .sort((left, right) => right.word.length - left.word.length)
  .map(({ word, category }) => ({
    phrase: new RegExp(
      `(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'iu',
    ),
    category,
  }));

/** The spending categories a question names, in the order it names them, without repeats. */
export function findCategories(question: string): SpendCategory[] {
  let text = question;
  const found: { category: SpendCategory; index: number }[] = [];
  for (const { phrase, category } of PHRASES) {
    const match = phrase.exec(text);
    if (match === null) continue;
    found.push({ category, index: match.index });
    // Blank the words out so a shorter phrase inside them ("shopping" in "food shopping") is not read again.
    text =
      text.slice(0, match.index) + ' '.repeat(match[0].length) + text.slice(match.index + match[0].length);
  }
  found.sort((left, right) => left.index - right.index);
  return [...new Set(found.map((item) => item.category))];
}

/** The category list as a reply can show it. */
export function categoryList(): string {
  return SPEND_CATEGORIES.join(', ');
}

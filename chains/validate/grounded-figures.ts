import { foldText } from './fold-text.ts';
import { isSameFigure } from './normalise-number.ts';
import { findNumberMentions, type NumberMention } from './number-mentions.ts';
import type { ValidationContext } from './validation-context.ts';

/**
 * What a source figure may be quoted as: `any` (a structured amount or rate), `count` (an age, a number of
 * years, a risk level: never "$34" or "34%"), `fraction` (a ratio such as 0.45, also quotable as "45%"), or
 * the kind it was written as in a text.
 */
export type FigureKind = 'any' | 'count' | 'fraction' | NumberMention['kind'];

/** A number a reply may quote, and how. */
export interface GroundedFigure {
  value: number;
  kind: FigureKind;
}

const COUNT_FIELDS = new Set([
  'age',
  'min_age',
  'max_age',
  'investment_horizon_years',
  'min_horizon_years',
  'risk_level',
]);

const RATIO_FIELD = /ratio|_to_/;
/** Ids ("C-0042", "SAV-02") are names, not figures a reply could quote. */
const IDENTIFIER_FIELD = /^(?:id|.*_id)$/;

function collect(value: unknown, key: string, figures: GroundedFigure[], texts: string[]): void {
  if (typeof value === 'number') {
    figures.push({
      value,
      kind: COUNT_FIELDS.has(key) ? 'count' : RATIO_FIELD.test(key) ? 'fraction' : 'any',
    });
  } else if (typeof value === 'string') {
    if (!IDENTIFIER_FIELD.test(key)) texts.push(value);
  } else if (Array.isArray(value)) for (const item of value) collect(item, key, figures, texts);
  else if (value !== null && typeof value === 'object') {
    for (const [field, item] of Object.entries(value)) collect(item, field, figures, texts);
  }
}

/**
 * Every figure a reply may quote: the customer's record and figures, every number in the recommended
 * products' catalogue entries, and every number in the grounding texts and the customer's own message.
 */
export function groundedFigures(context: ValidationContext): GroundedFigure[] {
  const figures: GroundedFigure[] = context.customerFigures.map((value) => ({ value, kind: 'any' }));
  const texts: string[] = [...context.groundingTexts, context.userMessage];
  collect(context.customer, '', figures, texts);
  const recommended = new Set(context.recommendedProductIds);
  for (const product of context.catalog) {
    if (recommended.has(product.id)) collect(product, '', figures, texts);
  }
  for (const text of texts) {
    for (const mention of findNumberMentions(foldText(text))) {
      figures.push({ value: mention.reading.value, kind: mention.kind });
    }
  }
  return figures.filter((figure) => Number.isFinite(figure.value));
}

/** Which written forms each kind of source figure may take. */
const QUOTABLE_AS: Record<FigureKind, ReadonlySet<NumberMention['kind']>> = {
  any: new Set(['money', 'percent', 'plain']),
  count: new Set(['plain']),
  fraction: new Set(['plain']),
  plain: new Set(['plain', 'money']),
  money: new Set(['plain', 'money']),
  percent: new Set(['percent']),
};

/** "2020" is a year, exact, not 2,024 rounded to the nearest ten. */
function isYearLike(mention: NumberMention): boolean {
  return mention.kind === 'plain' && /^(?:19|20)\d\d$/.test(mention.text);
}

/** Whether `mention` quotes `figure`, to the precision it was written ($42,000 for 41,873.55; 45% for 0.45). */
export function quotesFigure(mention: NumberMention, figure: GroundedFigure): boolean {
  const reading = isYearLike(mention) ? { ...mention.reading, step: 1 } : mention.reading;
  if (QUOTABLE_AS[figure.kind].has(mention.kind) && isSameFigure(reading, figure.value)) return true;
  return (
    figure.kind === 'fraction' && mention.kind === 'percent' && isSameFigure(reading, figure.value * 100)
  );
}

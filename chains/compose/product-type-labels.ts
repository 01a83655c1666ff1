import { PRODUCT_TYPE_LABELS, type Product } from '../../knowledge/index.ts';
import { type ReplyLanguage, replyLanguage } from './fixed-texts.ts';

/**
 * How each product type is named on a card, per reply language. English is the catalogue's own wording
 * (knowledge's PRODUCT_TYPE_LABELS, also used in the embedded documents); German and Spanish are the names a
 * bank's own product pages use.
 */
const LABELS: Readonly<Record<ReplyLanguage, Readonly<Record<Product['type'], string>>>> = {
  en: PRODUCT_TYPE_LABELS,
  de: {
    savings: 'Sparkonto',
    credit_card: 'Kreditkarte',
    loan: 'Privatkredit',
    mortgage: 'Baufinanzierung',
    fund: 'Investmentfonds',
    retirement: 'Altersvorsorgekonto',
    insurance: 'Versicherung',
  },
  es: {
    savings: 'cuenta de ahorro',
    credit_card: 'tarjeta de crédito',
    loan: 'préstamo personal',
    mortgage: 'hipoteca',
    fund: 'fondo de inversión',
    retirement: 'plan de pensiones',
    insurance: 'póliza de seguro',
  },
};

/**
 * A product type as people read it in the reply language ("fund" → "investment fund", "Investmentfonds",
 * "fondo de inversión"); languages without texts get English, and a type the catalogue does not know is shown
 * with spaces for underscores rather than hidden. Throws ChainError('INVALID_INPUT') on a malformed language tag.
 */
export function productTypeLabel(type: string, language = 'en'): string {
  const labels: Readonly<Record<string, string>> = LABELS[replyLanguage(language)];
  return Object.hasOwn(labels, type) ? (labels[type] ?? type) : type.replace(/_/g, ' ');
}

import type { ReplyLanguage } from '../compose/fixed-texts.ts';

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
// biome-ignore format: twelve names to a table
const MONTH_NAMES: Readonly<Record<ReplyLanguage, readonly string[]>> = {
  en: ENGLISH_MONTHS,
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Writes the numbers of an own-data answer and remembers each one, so the answer can hand the validator
 * every figure it quotes (amounts, percentages, counts, ages, days and years of dates).
 */
export class FigureText {
  readonly figures: number[] = [];

  /** Months and dates are named in `language`; amounts keep one format ("$1,234.56") so the validator reads them. */
  constructor(readonly language: ReplyLanguage = 'en') {}

  private keep(value: number): void {
    if (!this.figures.includes(value)) this.figures.push(value);
  }

  /** "$1,234.56". */
  money(dollars: number): string {
    const rounded = Math.round(dollars * 100) / 100;
    this.keep(rounded);
    return `$${cents.format(rounded)}`;
  }

  /** "$1,234,568": for projections, where cents would claim a precision they do not have. */
  roundMoney(dollars: number): string {
    const rounded = Math.round(dollars);
    this.keep(rounded);
    return `$${whole.format(rounded)}`;
  }

  /** "38%" from 38.2 (a value already in percent), to whole percent. */
  percent(value: number): string {
    const rounded = Math.round(value);
    this.keep(rounded);
    return `${rounded}%`;
  }

  /** A count or an age, as digits. */
  count(value: number): string {
    this.keep(value);
    return String(value);
  }

  /** "June 2026" ("Juni 2026", "junio de 2026") from a month number (months since year 0). */
  month(month: number): string {
    const year = Math.floor(month / 12);
    this.keep(year);
    const name = MONTH_NAMES[this.language][month % 12];
    return this.language === 'es' ? `${name} de ${year}` : `${name} ${year}`;
  }

  /** "2026". */
  year(year: number): string {
    this.keep(year);
    return String(year);
  }

  /** "30 June 2026" ("30. Juni 2026", "30 de junio de 2026") from YYYY-MM-DD. */
  date(isoDate: string): string {
    const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
    this.keep(day);
    const separator = { en: ' ', de: '. ', es: ' de ' }[this.language];
    return `${day}${separator}${this.month(year * 12 + month - 1)}`;
  }

  /** Text from the records (a merchant name) quoted as is; any digits in it ("1-800-Flowers") are kept too. */
  quote(text: string): string {
    for (const match of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) this.keep(Number(match[0].replaceAll(',', '')));
    return text;
  }
}

/** "a, b and c" ("a, b und c", "a, b y c"). */
export function joinWords(words: readonly string[], language: ReplyLanguage = 'en'): string {
  if (words.length <= 1) return words[0] ?? '';
  const and = { en: 'and', de: 'und', es: 'y' }[language];
  return `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

import type { SpendCategory } from '../../knowledge/schemas.ts';
import type { PeriodRequest } from './own-data-question.ts';

/** German and Spanish words for spending ("ausgegeben", "gastado"), read alongside the English ones. */
export const TRANSLATED_SPEND_WORDS =
  /(?<!\p{L})(?:ausgegeben|ausgeben|Ausgaben|bezahlt|gezahlt|gastad[oa]s?|gasté|gastó|gastos?|gastar|pagado|pagué)(?!\p{L})/iu;

/** German and Spanish names people use for the spending categories (added to the English table). */
// biome-ignore format: a compact table reads better several words to a line
export const TRANSLATED_CATEGORY_WORDS: Readonly<Record<SpendCategory, readonly string[]>> = {
  groceries: ['lebensmittel', 'supermarkt', 'alimentación', 'alimentacion', 'supermercado', 'comestibles'],
  dining: ['essen gehen', 'auswärts essen', 'restaurantbesuche', 'restaurantes', 'comer fuera', 'cafeterías'],
  travel: ['reisen', 'urlaub', 'viajes', 'vacaciones'],
  transport: ['verkehr', 'tanken', 'transporte', 'gasolina'],
  utilities: ['nebenkosten', 'strom', 'suministros', 'facturas de luz'],
  housing: ['miete', 'wohnen', 'alquiler', 'vivienda'],
  healthcare: ['gesundheit', 'arzt', 'apotheke', 'salud', 'farmacia', 'médico'],
  education: ['bildung', 'schule', 'educación', 'educacion'],
  entertainment: ['unterhaltung', 'freizeit', 'kino', 'ocio', 'entretenimiento', 'cine'],
  shopping: ['kleidung', 'einkäufe', 'ropa', 'compras'],
  electronics: ['elektronik', 'electrónica', 'electronica'],
  sports: ['fitnessstudio', 'deporte', 'deportes', 'gimnasio'],
  childcare: ['kinderbetreuung', 'kita', 'guardería', 'guarderia'],
  gifts: ['geschenke', 'spenden', 'regalos', 'donativos'],
  subscriptions: ['abos', 'abonnements', 'suscripciones'],
};

const COUNT_WORDS: Readonly<Record<string, number>> = {
  zwei: 2,
  drei: 3,
  sechs: 6,
  zwölf: 12,
  dos: 2,
  tres: 3,
  seis: 6,
  doce: 12,
};
const LAST_MONTHS =
  /(?<!\p{L})(?:letzten|vergangenen|últimos)\s+(?<count>\d{1,2}|zwei|drei|sechs|zwölf|dos|tres|seis|doce)\s+(?:Monate|Monaten|meses)(?!\p{L})/iu;

/** The period of a German or Spanish question ("letzten Monat", "el mes pasado"); null when it names none of these. */
export function translatedPeriodOf(text: string): PeriodRequest | null {
  const lastMonths = LAST_MONTHS.exec(text);
  if (lastMonths?.groups?.count) {
    const word = lastMonths.groups.count.toLowerCase();
    const count = COUNT_WORDS[word] ?? Number(word);
    if (count >= 1) return count === 1 ? { kind: 'last_month' } : { kind: 'last_months', count };
  }
  const words = (pattern: string) => new RegExp(`(?<!\\p{L})(?:${pattern})(?!\\p{L})`, 'iu').test(text);
  if (
    words(
      '(?:letzten|vorigen|vergangenen)\\s+Monat|Vormonat|(?:el\\s+)?mes\\s+pasado|(?:el\\s+)?mes\\s+anterior',
    )
  ) {
    return { kind: 'last_month' };
  }
  if (words('(?:diesen|diesem)\\s+Monat|este\\s+mes')) return { kind: 'this_month' };
  if (words('(?:letzte|letzten|vergangene|vergangenen)\\s+Woche|(?:esta|la)\\s+semana(?:\\s+pasada)?')) {
    return { kind: 'week' };
  }
  if (words('(?:dieses|diesem)\\s+Jahr|este\\s+año')) return { kind: 'this_year' };
  if (words('(?:letztes|letzten|vorigen|vergangenen|im\\s+letzten)\\s+Jahr|(?:el\\s+)?año\\s+pasado')) {
    return { kind: 'last_year' };
  }
  return null;
}

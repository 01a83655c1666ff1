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

// Only the names English does not share ("April", "August" … are read by the English month pattern).
// biome-ignore format: twelve months to a line
const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};
const MONTH_PERIOD = new RegExp(
  `(?<!\\p{L})(?<month>${Object.keys(MONTH_NUMBERS).join('|')})(?!\\p{L})(?:\\s+(?:de\\s+|del\\s+)?(?<year>(?:19|20)\\d\\d))?`,
  'iu',
);

/** The period of a German or Spanish question ("letzten Monat", "el mes pasado", "im Oktober"); null when it names none of these. */
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
  const month = MONTH_PERIOD.exec(text);
  if (month?.groups?.month) {
    const year = month.groups.year ? Number(month.groups.year) : null;
    return { kind: 'month', month: MONTH_NUMBERS[month.groups.month.toLowerCase()] ?? 1, year };
  }
  if (words('(?:letztes|letzten|vorigen|vergangenen|im\\s+letzten)\\s+Jahr|(?:el\\s+)?año\\s+pasado')) {
    return { kind: 'last_year' };
  }
  return null;
}

const word = (pattern: string): RegExp => new RegExp(`(?<!\\p{L})(?:${pattern})(?!\\p{L})`, 'iu');

// biome-ignore format: German then Spanish on each line
const TRANSLATED_METRIC_WORDS = {
  retirement: word('Rente\\p{L}*|Ruhestand|Altersvorsorge|in Pension|jubila\\p{L}*|pensi[oó]n\\p{L}*'),
  savings_rate: word('Sparquote|Sparrate|wie ?viel (?:habe|hab) ich (?:\\p{L}+ ){0,3}gespart|cu[aá]nto (?:he ahorrado|ahorr[ée])|spare ich (?:genug|genügend)|wie viel (?:von meinem (?:Einkommen|Gehalt) )?spare ich|' +
    'tasa de ahorro|cu[aá]nto (?:de mis ingresos )?ahorro|ahorr(?:o|ando) (?:lo )?suficiente'),
  debt: word('Schulden|Verbindlichkeiten|schulde ich|deudas?|cu[aá]nto debo|pasivos'),
  balance: word('Kontostand|Kontostände|Guthaben|Saldo|Salden|(?:meine|meinen|meinem) Ersparnisse\\p{L}*|Erspartes|' +
    'wie viel Geld habe ich|Nettovermögen|saldos?|mis ahorros|tengo ahorrado|cu[aá]nto dinero tengo|patrimonio neto'),
  recurring: word('regelmäßige\\p{L}* (?:Zahlungen|Abbuchungen|Ausgaben|Kosten)|wiederkehrende\\p{L}*|Daueraufträge?|Lastschrift\\p{L}*|Fixkosten|' +
    'pagos (?:recurrentes|regulares|periódicos|fijos)|gastos fijos|domiciliaciones|recibos domiciliados'),
  top_merchants: word('Händler\\p{L}*|welchen? Geschäfte\\p{L}*|Zahlungsempfänger\\p{L}*|bei wem|' +
    'comercios?|qu[eé] tiendas|a quién (?:le )?(?:pago|pagué|he pagado) más'),
  breakdown: word('wof[üu]r gebe ich (?:das meiste|am meisten)|wohin (?:geht|fließt) mein Geld|Aufschlüsselung|nach Kategorien?|größten (?:Ausgaben|Kategorien|Posten)|' +
    'en qu[eé] gasto más|a ?d[oó]nde va mi dinero|desglose|por categorías?|mayores gastos'),
} as const;

/**
 * What a German or Spanish question about the customer's own money asks for, other than a plain spending total
 * ("Wie hoch sind meine Schulden?", "¿Voy bien para la jubilación?"); null when it names none of these.
 */
export function translatedMetricOf(
  text: string,
):
  | 'retirement'
  | 'savings_rate'
  | 'debt'
  | 'balance'
  | 'balance_and_debt'
  | 'recurring'
  | 'top_merchants'
  | 'breakdown'
  | null {
  const words = TRANSLATED_METRIC_WORDS;
  if (words.retirement.test(text)) return 'retirement';
  if (words.savings_rate.test(text)) return 'savings_rate';
  const debt = words.debt.test(text);
  const balance = words.balance.test(text);
  if (debt && balance) return 'balance_and_debt';
  if (debt) return 'debt';
  if (balance && !TRANSLATED_SPEND_WORDS.test(text)) return 'balance';
  if (words.recurring.test(text)) return 'recurring';
  if (words.top_merchants.test(text)) return 'top_merchants';
  if (words.breakdown.test(text)) return 'breakdown';
  return null;
}

/** "mit 60 in Rente", "a los 60": the retirement age a German or Spanish question names; null when none. */
export function translatedRetirementAge(text: string): number | null {
  const age = /(?<!\p{L})(?:mit|a los)\s+(?<age>\d{2})(?!\d)/iu.exec(text)?.groups?.age;
  return age ? Number(age) : null;
}

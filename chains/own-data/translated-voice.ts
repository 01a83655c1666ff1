import type { Cadence } from '../../knowledge/preprocess/index.ts';
import type { SpendCategory } from '../../knowledge/schemas.ts';
import type { Audience } from '../compose/audience-voice.ts';

/** The languages own-data answers are written in besides English. */
export type TranslatedLanguage = 'de' | 'es';

/** Who a German or Spanish own-data answer is for. */
export interface TranslatedReader {
  language: TranslatedLanguage;
  audience: Audience;
  customerId: string;
}

// biome-ignore format: one category to a line, both languages side by side
const CATEGORY_NAMES: Readonly<Record<TranslatedLanguage, Readonly<Record<SpendCategory, string>>>> = {
  de: {
    groceries: 'Lebensmittel', dining: 'Restaurants und Cafés', travel: 'Reisen', transport: 'Verkehr',
    utilities: 'Nebenkosten', housing: 'Wohnen', healthcare: 'Gesundheit', education: 'Bildung',
    entertainment: 'Freizeit und Unterhaltung', shopping: 'Einkäufe', electronics: 'Elektronik', sports: 'Sport',
    childcare: 'Kinderbetreuung', gifts: 'Geschenke und Spenden', subscriptions: 'Abonnements',
  },
  es: {
    groceries: 'alimentación', dining: 'restaurantes y cafeterías', travel: 'viajes', transport: 'transporte',
    utilities: 'suministros', housing: 'vivienda', healthcare: 'salud', education: 'educación',
    entertainment: 'ocio', shopping: 'compras', electronics: 'electrónica', sports: 'deporte',
    childcare: 'cuidado infantil', gifts: 'regalos y donativos', subscriptions: 'suscripciones',
  },
};

// biome-ignore format: one language to a line
const CADENCE_NAMES: Readonly<Record<TranslatedLanguage, Readonly<Record<Cadence, string>>>> = {
  de: { weekly: 'wöchentlich', fortnightly: 'alle zwei Wochen', monthly: 'monatlich', quarterly: 'vierteljährlich', yearly: 'jährlich' },
  es: { weekly: 'semanal', fortnightly: 'quincenal', monthly: 'mensual', quarterly: 'trimestral', yearly: 'anual' },
};

/** "Restaurants und Cafés" / "restaurantes y cafeterías". */
export function categoryName(language: TranslatedLanguage, category: SpendCategory): string {
  return CATEGORY_NAMES[language][category];
}

/** "monatlich" / "mensual". */
export function cadenceName(language: TranslatedLanguage, cadence: Cadence): string {
  return CADENCE_NAMES[language][cadence];
}

/** The words a German or Spanish sentence names the customer and their records with. */
export interface TranslatedVoice {
  /** "haben Sie" / "hat der Kunde C-000042"; "usted" / "el cliente C-000042" (Spanish needs no auxiliary). */
  subject: string;
  /** "Sie" / "Der Kunde C-000042"; "Usted" / "El cliente C-000042": the customer opening a sentence. */
  Person: string;
  /** The German verb agreeing with the person: verb('haben', 'hat'); Spanish "usted" takes the third person anyway. */
  verb(polite: string, thirdPerson: string): string;
  /** Genitive / "de" object: "Ihrer Daten", "der Daten des Kunden C-000042"; "sus registros", "los registros del cliente C-000042". */
  records: string;
  /** Dative ("in Ihren Daten", "in den Daten des Kunden C-000042"); as records in Spanish. */
  recordsDative: string;
  /** Nominative, opening a clause: "Ihre Daten", "die Daten des Kunden C-000042"; as records in Spanish. */
  recordsSubject: string;
  /** The customer's possessive before a plural or feminine noun: "Ihre" / "seine"; "sus" either way. */
  their: string;
}

/** The voice for a reader; the advisor's names the customer by id, as the English voice does. */
export function translatedVoice(reader: TranslatedReader): TranslatedVoice {
  const { language, audience, customerId } = reader;
  if (language === 'de') {
    return audience === 'customer'
      ? {
          subject: 'haben Sie',
          Person: 'Sie',
          verb: (polite) => polite,
          records: 'Ihrer Daten',
          recordsDative: 'Ihren Daten',
          recordsSubject: 'Ihre Daten',
          their: 'Ihre',
        }
      : {
          subject: `hat der Kunde ${customerId}`,
          Person: `Der Kunde ${customerId}`,
          verb: (_polite, thirdPerson) => thirdPerson,
          records: `der Daten des Kunden ${customerId}`,
          recordsDative: `den Daten des Kunden ${customerId}`,
          recordsSubject: `die Daten des Kunden ${customerId}`,
          their: 'seine',
        };
  }
  const records = audience === 'customer' ? 'sus registros' : `los registros del cliente ${customerId}`;
  return {
    subject: audience === 'customer' ? 'usted' : `el cliente ${customerId}`,
    Person: audience === 'customer' ? 'Usted' : `El cliente ${customerId}`,
    verb: (_polite, thirdPerson) => thirdPerson,
    records,
    recordsDative: records,
    recordsSubject: records,
    their: 'sus',
  };
}

/** The first letter in capitals, for a phrase opening a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

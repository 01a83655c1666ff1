import { describe, expect, it } from 'vitest';
import { ChainError } from '../../../chains/chain-error.ts';
import {
  clarifyingQuestion,
  type FixedTextKey,
  fixedText,
  intentLabel,
  languageNotice,
  listOfOptions,
  REPLY_LANGUAGES,
  replyLanguage,
  withLanguageNotice,
} from '../../../chains/compose/fixed-texts.ts';
import { ENGLISH_CUSTOMER_TEXTS as ENGLISH_TEXTS } from '../../../chains/compose/texts/en.ts';
import { GERMAN_INTENT_LABELS } from '../../../chains/compose/texts/intent-labels-de.ts';
import { SPANISH_INTENT_LABELS } from '../../../chains/compose/texts/intent-labels-es.ts';
import { RISK_DISCLOSURE } from '../../../chains/grounded/grounded-chat-model.ts';
import { INTENTS } from '../../../knowledge/intents/index.ts';

const KEYS = Object.keys(ENGLISH_TEXTS) as FixedTextKey[];
const to = (language: string) => ({ language, audience: 'customer' }) as const;
const toAdvisor = (language: string, customerId: string | null = 'C-000042') =>
  ({ language, audience: 'advisor', customerId }) as const;
const CONTRACT_KEYS: FixedTextKey[] = [
  'not_authorised',
  'out_of_scope',
  'human_handoff',
  'complaint_acknowledgement',
  'clarifying_question',
  'urgent_steps_preface',
  'manipulation_refusal',
  'service_unavailable',
  'risk_disclosure',
  'small_talk_greeting',
  'english_only_notice',
  // and the ones the understanding branch's routing uses besides
  'urgent_steps',
  'no_article',
  'own_data_unavailable',
];

/** Every `{name}` of a text, filled with a value that shows where it went. */
function sampleParams(key: FixedTextKey): Record<string, string> {
  const names = [...ENGLISH_TEXTS[key].matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  return Object.fromEntries(names.map((name) => [name, `«${name}-value»`]));
}

describe('fixedText', () => {
  it('has the texts contract 6 names and the chain’s routing uses', () => {
    expect(KEYS).toEqual(expect.arrayContaining(CONTRACT_KEYS));
  });

  for (const language of REPLY_LANGUAGES) {
    it(`has every key in ${language}, each filled with its parameters and no "{…}" left`, () => {
      for (const key of KEYS) {
        const params = sampleParams(key);
        const text = fixedText(key, to(language), params);
        expect(text, key).not.toMatch(/[{}]/);
        expect(text.trim().length, key).toBeGreaterThan(10);
        for (const value of Object.values(params)) expect(text, key).toContain(value);
      }
    });
  }

  it('translates, not copies: German and Spanish texts differ from the English ones', () => {
    const untranslated = (language: string) =>
      KEYS.filter((key) => fixedText(key, to(language), sampleParams(key)) === ENGLISH_TEXTS[key]);
    expect(untranslated('de')).toEqual([]);
    expect(untranslated('es')).toEqual([]);
  });

  it('addresses the customer formally: "Sie", never "du"; "usted" forms, never "tú"', () => {
    const german = KEYS.map((key) => fixedText(key, to('de'), sampleParams(key))).join(' ');
    const spanish = KEYS.map((key) => fixedText(key, to('es'), sampleParams(key))).join(' ');
    expect(german).not.toMatch(/\b(?:du|dich|dir|dein\w*)\b/i);
    expect(german).toContain('Sie ');
    expect(spanish).not.toMatch(/\b(?:tú|tu|tus|te|puedes|quieres|necesitas)\b/i);
    expect(spanish).toContain('usted');
  });

  it('keeps the English texts the project already uses word for word', () => {
    expect(fixedText('risk_disclosure', to('en'))).toBe(RISK_DISCLOSURE);
    expect(fixedText('clarifying_question', to('en'), { options: 'cards, PINs or transfers' })).toBe(
      'Just to be sure I help with the right thing: is this about cards, PINs or transfers?',
    );
    expect(fixedText('message_too_long', to('de'), { length: 2400, limit: 2000 })).toBe(
      'Diese Nachricht ist zu lang: Sie hat 2400 Zeichen, erlaubt sind 2000.',
    );
  });

  it('reads language tags as browsers and channels send them', () => {
    expect(replyLanguage('de-AT')).toBe('de');
    expect(replyLanguage('ES_mx')).toBe('es');
    expect(replyLanguage('fr')).toBe('en');
    expect(fixedText('small_talk_thanks', to('de-CH'))).toBe(
      'Gern geschehen! Kann ich sonst noch etwas für Sie tun?',
    );
  });

  it('answers other languages in English, with one English notice that says so', () => {
    expect(fixedText('out_of_scope', to('fr'))).toBe(ENGLISH_TEXTS.out_of_scope);
    expect(languageNotice('pt-BR')).toBe('I reply in English for now.');
    expect(languageNotice('en-GB')).toBeUndefined();
    expect(languageNotice('de')).toBeUndefined();
    expect(withLanguageNotice('Hello.', 'it')).toBe('I reply in English for now.\n\nHello.');
    expect(withLanguageNotice('Hallo.', 'de')).toBe('Hallo.');
  });

  it('names a missing parameter, an unused one, an unknown key and a malformed language', () => {
    expect(() => fixedText('message_too_long', to('en'), { length: 2400 })).toThrow(
      new ChainError('INVALID_INPUT', 'fixed text "message_too_long" needs the parameter "limit"'),
    );
    expect(() => fixedText('human_handoff', to('de'), { name: 'Ana' })).toThrow(
      new ChainError('INVALID_INPUT', 'fixed text "human_handoff" has no parameter "name"'),
    );
    expect(() => fixedText('no_such_text' as FixedTextKey, to('en'))).toThrow(
      new ChainError('INVALID_INPUT', 'there is no fixed text "no_such_text"'),
    );
    expect(() => fixedText('human_handoff', to('German'))).toThrow(
      new ChainError('INVALID_INPUT', '"German" is not a language tag like "de" or "es-MX"'),
    );
  });
});

describe('clarifyingQuestion', () => {
  it('offers the topics in the customer’s language, with Spanish "del" and "u"', () => {
    expect(clarifyingQuestion(['card_arrival', 'pin_blocked', 'change_pin'], to('en'))).toBe(
      'Just to be sure I help with the right thing: is this about a card that has not arrived, a blocked PIN ' +
        'or changing your PIN?',
    );
    expect(clarifyingQuestion(['card_arrival', 'pin_blocked'], to('de'))).toBe(
      'Damit ich Ihnen richtig helfe: Geht es um eine noch nicht angekommene Karte oder eine gesperrte PIN?',
    );
    expect(
      clarifyingQuestion(['card_payment_wrong_exchange_rate', 'exchange_rate', 'out_of_scope'], to('es')),
    ).toBe(
      'Para asegurarme de ayudarle con lo correcto: ¿se trata del tipo de cambio de un pago con tarjeta, ' +
        'los tipos de cambio u otra cosa?',
    );
  });

  it('lists options with the reply language’s "or"', () => {
    expect(listOfOptions(['cards', 'PINs', 'transfers'])).toBe('cards, PINs or transfers');
    expect(listOfOptions(['Karten', 'PIN'], 'de-AT')).toBe('Karten oder PIN');
    expect(listOfOptions(['tarjetas', 'pagos'], 'es')).toBe('tarjetas o pagos');
    expect(listOfOptions(['cartes', 'paiements'], 'fr')).toBe('cartes or paiements');
    expect(listOfOptions(['cards'])).toBe('cards');
  });

  it('refuses one topic or four, and an intent outside the taxonomy', () => {
    expect(() => clarifyingQuestion(['card_arrival'], to('en'))).toThrow(
      'a clarifying question offers 2 or 3 topics, got 1',
    );
    expect(() =>
      clarifyingQuestion(['card_arrival', 'pin_blocked', 'change_pin', 'atm_support'], to('en')),
    ).toThrow('a clarifying question offers 2 or 3 topics, got 4');
    expect(() => clarifyingQuestion(['card_arrival', 'no_such_intent'], to('es'))).toThrow(
      '"no_such_intent" is not an intent of the taxonomy',
    );
  });

  it('has a German and a Spanish label for every intent of the taxonomy, German ones without commas', () => {
    const ids = INTENTS.map((intent) => intent.id).sort();
    expect(Object.keys(GERMAN_INTENT_LABELS).sort()).toEqual(ids);
    expect(Object.keys(SPANISH_INTENT_LABELS).sort()).toEqual(ids);
    expect(Object.values(GERMAN_INTENT_LABELS).filter((label) => label.includes(','))).toEqual([]);
    expect(intentLabel('pin_blocked', to('de-DE'))).toBe('eine gesperrte PIN');
    expect(intentLabel('pin_blocked', to('fr'))).toBe('a blocked PIN');
  });
});

describe('fixed texts for an advisor asking about a customer', () => {
  it('has every key for the advisor in every language, filled, and different from the customer’s where it is about them', () => {
    for (const language of REPLY_LANGUAGES) {
      for (const key of KEYS) {
        const text = fixedText(key, toAdvisor(language), sampleParams(key));
        expect(text, `${language} ${key}`).not.toMatch(/[{}]/);
      }
    }
    const aboutTheCustomer: FixedTextKey[] = [
      'urgent_steps',
      'out_of_scope',
      'human_handoff_offer',
      'complaint_acknowledgement',
      'own_data_unavailable',
      'recommendation_introduction',
      'risk_disclosure',
      'service_unavailable',
    ];
    for (const language of REPLY_LANGUAGES) {
      const same = aboutTheCustomer.filter(
        (key) =>
          fixedText(key, toAdvisor(language), sampleParams(key)) ===
          fixedText(key, to(language), sampleParams(key)),
      );
      expect(same, language).toEqual([]);
    }
  });

  it('names the customer by id and gives the advisor’s steps (back office, complaints team, review)', () => {
    const steps = fixedText('urgent_steps', toAdvisor('en'));
    expect(steps).toContain(
      "1. Freeze C-000042's card now in the back office (Customer → Cards → Freeze card)",
    );
    expect(steps).toContain('2. Call C-000042 on the number on file');
    expect(steps).not.toMatch(/\byour card\b/i);
    expect(fixedText('urgent_steps', toAdvisor('de'))).toContain(
      '1. Frieren Sie die Karte des Kunden C-000042 jetzt im Backoffice ein',
    );
    expect(fixedText('urgent_steps', toAdvisor('es'))).toContain(
      '1. Congele ahora mismo la tarjeta del cliente C-000042 en el back office',
    );
    expect(fixedText('complaint_acknowledgement', toAdvisor('en'))).toContain(
      'Escalate it to the complaints team, who will get back to C-000042',
    );
    expect(fixedText('human_handoff_offer', toAdvisor('en'))).toBe(
      'If C-000042 needs more, book a review with them.',
    );
    expect(fixedText('out_of_scope', toAdvisor('en'))).toContain(
      'for anything else, C-000042 can be referred to the team that handles it.',
    );
    expect(fixedText('human_handoff_offer', to('en'))).toBe(
      'If you would like, I can connect you with one of our advisers.',
    );
  });

  it('says "the customer" / "des Kunden" / "del cliente" when no customer was named', () => {
    expect(fixedText('urgent_steps', toAdvisor('en', null))).toContain("1. Freeze the customer's card now");
    expect(fixedText('recommendation_none', toAdvisor('de', null))).toContain('zum Profil des Kunden passt');
    expect(fixedText('risk_disclosure', toAdvisor('es', null))).toContain(
      'es posible que el cliente recupere menos de lo que invirtió',
    );
  });

  it('words the topics of a clarifying question for the advisor: "C-000042’s PIN", "der PIN"', () => {
    expect(intentLabel('change_pin', toAdvisor('en'))).toBe("changing C-000042's PIN");
    expect(intentLabel('change_pin', to('en'))).toBe('changing your PIN');
    expect(intentLabel('change_pin', toAdvisor('de'))).toBe('das Ändern der PIN');
    expect(intentLabel('terminate_account', toAdvisor('de'))).toBe('das Schließen des Kontos');
    expect(clarifyingQuestion(['change_pin', 'card_arrival'], toAdvisor('es'))).toBe(
      'Para asegurarme de ayudarle con lo correcto: ¿la consulta del cliente C-000042 trata de cambiar su PIN ' +
        'o una tarjeta que no ha llegado?',
    );
  });

  it('keeps the customer’s texts free of any customer id, and refuses a parameter that would name the customer', () => {
    for (const key of KEYS) {
      expect(fixedText(key, { ...to('en'), customerId: 'C-000042' }, sampleParams(key)), key).not.toContain(
        'C-000042',
      );
    }
    expect(() => fixedText('urgent_steps', toAdvisor('en'), { customer: 'C-1' })).toThrow(
      new ChainError(
        'INVALID_INPUT',
        'fixed text "urgent_steps" names the customer itself; "customer" is not a parameter',
      ),
    );
    expect(() => fixedText('urgent_steps', { language: 'en', audience: 'admin' as 'advisor' })).toThrow(
      new ChainError('INVALID_INPUT', '"admin" is not a reader; expected customer or advisor'),
    );
  });
});

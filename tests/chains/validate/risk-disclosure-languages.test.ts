import { describe, expect, it } from 'vitest';
import { fixedText, REPLY_LANGUAGES } from '../../../chains/compose/fixed-texts.ts';
import { hasRiskDisclosure } from '../../../chains/validate/check-risk-disclosure.ts';
import { validateReply } from '../../../chains/validate/index.ts';
import { makeContext } from './validation-fixture.ts';

const READERS = [
  { audience: 'customer', customerId: null },
  { audience: 'advisor', customerId: 'C-000042' },
  { audience: 'advisor', customerId: null },
] as const;

const missing = (text: string, language: 'en' | 'de' | 'es') =>
  validateReply(text, makeContext({ language })).issues.filter(
    (issue) => issue.reason === 'missing_risk_disclosure',
  );

describe('a risk disclosure counts only in the reply’s language', () => {
  for (const written of REPLY_LANGUAGES) {
    for (const reader of READERS) {
      const disclosure = fixedText('risk_disclosure', { language: written, ...reader });
      for (const replyLanguage of REPLY_LANGUAGES) {
        const counts = written === replyLanguage;
        it(`the ${written} ${reader.audience} disclosure${reader.customerId ? ' (by id)' : ''} ${counts ? 'counts' : 'does not count'} on a ${replyLanguage} reply`, () => {
          expect(hasRiskDisclosure(disclosure, replyLanguage)).toBe(counts);
        });
      }
    }
  }

  it('a German reply naming a fund with only the English warning is sent back for the German one', () => {
    const english = fixedText('risk_disclosure', { language: 'en', audience: 'customer' });
    const german = fixedText('risk_disclosure', { language: 'de', audience: 'customer' });
    expect(missing(`Der Fonds FND-03 passt zu Ihrem Profil. ${english}`, 'de')).toEqual([
      { reason: 'missing_risk_disclosure', productId: 'FND-03' },
    ]);
    expect(missing(`Der Fonds FND-03 passt zu Ihrem Profil. ${german}`, 'de')).toEqual([]);
    expect(missing(`FND-03 fits your profile. ${german}`, 'en')).toEqual([
      { reason: 'missing_risk_disclosure', productId: 'FND-03' },
    ]);
  });

  it('counts the approved German and Spanish sentence about any customer id, across line breaks, mid-reply', () => {
    const german = fixedText('risk_disclosure', {
      language: 'de',
      audience: 'advisor',
      customerId: 'C-004711',
    });
    expect(
      hasRiskDisclosure(`Der Fonds passt zu C-004711.\n\n${german.replace(' und ', '\nund ')}`, 'de'),
    ).toBe(true);
    const spanish = fixedText('risk_disclosure', { language: 'es', audience: 'customer' });
    expect(hasRiskDisclosure(`El fondo encaja con su perfil. ${spanish} ¿Quiere más detalles?`, 'es')).toBe(
      true,
    );
    // Cut short, it no longer says what the bank approved.
    expect(hasRiskDisclosure(german.slice(0, german.indexOf(' und ')), 'de')).toBe(false);
  });

  // Only the approved wording counts in German and Spanish: a paraphrase is repaired or replaced by the grounded
  // composer's approved sentence. (Paraphrase patterns were tried and measured; see approved-risk-disclosures.ts.)
  it.each([
    ['de', 'Der Wert Ihrer Anlage kann schwanken.'],
    ['de', 'Wertentwicklungen in der Vergangenheit sind kein verlässlicher Indikator für die Zukunft.'],
    ['de', 'Sie können mit diesem Fonds nichts verlieren.'],
    ['de', 'Ein Verlustrisiko gibt es hier nicht.'],
    ['es', 'El valor de su inversión puede subir o bajar.'],
    ['es', 'Con este fondo usted no puede perder dinero.'],
  ] as const)('does not count the %s paraphrase or denial "%s"', (language, sentence) => {
    expect(hasRiskDisclosure(sentence, language)).toBe(false);
  });
});

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

  it.each([
    ['de', 'Der Wert Ihrer Anlage kann schwanken.'],
    ['de', 'Bitte beachten Sie: Kapitalverluste sind möglich.'],
    ['de', 'Wertentwicklungen in der Vergangenheit sind kein verlässlicher Indikator für die Zukunft.'],
    ['de', 'Sie könnten einen Teil Ihres Geldes verlieren.'],
    ['es', 'El valor de su inversión puede subir o bajar.'],
    ['es', 'Rentabilidades pasadas no garantizan rentabilidades futuras.'],
    ['es', 'Usted podría perder parte del dinero invertido.'],
    ['es', 'Toda inversión conlleva riesgos.'],
  ] as const)('counts the %s variant "%s"', (language, sentence) => {
    expect(hasRiskDisclosure(sentence, language)).toBe(true);
  });

  it.each([
    ['de', 'Sie können mit diesem Fonds nichts verlieren.'],
    ['de', 'Der Wert dieses Fonds kann nicht fallen.'],
    ['de', 'Erwartete Rendite rund 6% pro Jahr, nicht garantiert.'],
    ['es', 'El valor de este fondo no puede bajar.'],
    ['es', 'Con este fondo usted no puede perder dinero.'],
    ['es', 'Rentabilidad esperada de alrededor del 6% anual, no garantizada.'],
  ] as const)('does not count the %s denial or bare rate "%s"', (language, sentence) => {
    expect(hasRiskDisclosure(sentence, language)).toBe(false);
  });
});

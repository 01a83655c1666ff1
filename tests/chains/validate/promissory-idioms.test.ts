import { describe, expect, it } from 'vitest';
import { findPromissoryLanguage } from '../../../chains/validate/index.ts';

// Patterns only (no classifier): each idiom is caught by its own rule.
describe('certainty idioms, forecasts and promised wealth', () => {
  it.each([
    'Your approval is a done deal.',
    "You'll pocket twenty grand by spring, it's a one-way bet.",
    "You'll have a million by sixty, no ifs or buts.",
    'Sell now: the market is going to crash next week.',
    'Rates are going up tomorrow for sure, so lock in tonight.',
    "Not to oversell it, but you're going to be very rich.",
    'It would take a miracle for this fund to lose money.',
    'Das ist eine todsichere Sache.',
    'Da kann gar nichts schiefgehen.',
    'Null Risiko bei diesem Zertifikat.',
    'Immobilien hier verlieren nie an Wert.',
    'El índice va a subir seguro antes de fin de año.',
    'Estará libre de deudas en cinco años, se lo prometo.',
    'Riesgo cero: como una cuenta de ahorro pero pagando el triple.',
  ])('rejects %j', (sentence) => {
    expect(findPromissoryLanguage(sentence).length).toBeGreaterThan(0);
  });

  it.each([
    "I'd be cautious about any product that promises to double your money.",
    "I'd rather not describe any investment as a no-brainer; it depends on your circumstances.",
    'Nobody knows whether the market will rise or fall next year.',
    'Keine Geldanlage ist risikofrei, auch dieser Fonds nicht.',
    'Ninguna inversión tiene riesgo cero.',
    'Past performance is not a reliable guide to what prices will do.',
    'Your fixed rate is 4.1% for two years.',
  ])('passes %j', (sentence) => {
    expect(findPromissoryLanguage(sentence)).toEqual([]);
  });
});

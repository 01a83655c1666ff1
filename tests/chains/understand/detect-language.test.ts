import { describe, expect, it } from 'vitest';
import { ChainError } from '../../../chains/chain-error.ts';
import { detectLanguage, loadLanguageIdentifier } from '../../../chains/understand/detect-language.ts';
import { LANGUAGE_CUES } from '../../../chains/understand/language-cues.ts';

// The real fastText lid.176.ftz from the fasttext.wasm.js package, read from disk. These short messages
// are the set the thresholds were tuned on; knowledge/language/validation*.csv is the held-out set.
const SHORT_MESSAGES: Record<string, string[]> = {
  en: ['pin blocked', "where's my money", 'hi', 'thanks!', 'card declined', 'need help', 'charged twice'],
  de: [
    'PIN gesperrt',
    'Hallo',
    'danke',
    'Karte abgelehnt',
    'Geld fehlt',
    'Konto kündigen',
    'virtuelle Karte',
  ],
  es: [
    'hola',
    'gracias',
    'PIN bloqueado',
    'tarjeta rechazada',
    'falta dinero',
    'cerrar cuenta',
    'tarjeta virtual',
  ],
  fr: ['carte refusée', 'bonjour', 'code bloqué'],
  it: ['ciao', 'carta rifiutata', 'conto chiuso'],
  pt: ['olá', 'cartão recusado', 'conta bloqueada'],
};

describe('detectLanguage', () => {
  it('names the language of whole sentences from fastText alone', async () => {
    expect(await detectLanguage('Meine Karte ist seit zwei Wochen nicht angekommen.')).toMatchObject({
      language: 'de',
      because: 'model',
    });
    expect(await detectLanguage('¿Por qué me han cobrado una comisión por la transferencia?')).toMatchObject({
      language: 'es',
      because: 'model',
    });
    const english = await detectLanguage('My card was declined at the supermarket this morning');
    expect(english.language).toBe('en');
    expect(english.confidence).toBeGreaterThan(0.9);
  });

  for (const [language, messages] of Object.entries(SHORT_MESSAGES)) {
    it(`names ${language} for one- and two-word messages: ${messages.join(' | ')}`, async () => {
      const detector = await loadLanguageIdentifier();
      expect(messages.map((message) => detector.detect(message).language)).toEqual(
        messages.map(() => language),
      );
    });
  }

  it('falls back to the conversation’s earlier language, or English, when a message gives nothing away', async () => {
    expect(await detectLanguage('ok', { previousLanguage: 'de' })).toEqual({
      language: 'de',
      confidence: 0,
      because: 'previous',
    });
    expect(await detectLanguage('C-000042 1234.50 €')).toEqual({
      language: 'en',
      confidence: 0,
      because: 'default',
    });
    expect(await detectLanguage('   ')).toEqual({ language: 'en', confidence: 0, because: 'default' });
  });

  it('lets a clear message switch language even mid-conversation', async () => {
    const guess = await detectLanguage('Quiero cerrar mi cuenta', { previousLanguage: 'de' });
    expect(guess.language).toBe('es');
  });

  it('ignores links and customer ids, which carry no language', async () => {
    const guess = await detectLanguage('Wo ist meine Karte? https://example.com/tracking/ABC123 C-000042');
    expect(guess.language).toBe('de');
  });

  it('rejects a previous language that is not a language code, naming it', async () => {
    await expect(detectLanguage('hola', { previousLanguage: 'Deutsch' })).rejects.toThrow(
      new ChainError(
        'INVALID_INPUT',
        'previousLanguage must be a two- or three-letter language code like "de", got "Deutsch"',
      ),
    );
  });

  it('loads the model once and shares it', async () => {
    expect(await loadLanguageIdentifier()).toBe(await loadLanguageIdentifier());
  });
});

describe('LANGUAGE_CUES', () => {
  it('gives each cue word to one language only', () => {
    const owners = new Map<string, string[]>();
    for (const [language, words] of Object.entries(LANGUAGE_CUES)) {
      for (const word of words) owners.set(word, [...(owners.get(word) ?? []), language]);
    }
    expect([...owners].filter(([, languages]) => languages.length > 1)).toEqual([]);
  });
});

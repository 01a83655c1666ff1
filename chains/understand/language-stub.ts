/** A detected language: ISO 639-1 code and how sure the detector is. */
export interface DetectedLanguage {
  language: string;
  confidence: number;
}

/** Detects a message's language (contract 6: `detectLanguage` in chains/understand/detect-language.ts). */
export type LanguageDetector = (text: string) => Promise<DetectedLanguage>;

/**
 * STUB until the language branch lands: always English. It has the signature of `detectLanguage` in
 * chains/understand/detect-language.ts (owned by the language work); the integrator wires that one instead.
 */
export const detectLanguageStub: LanguageDetector = async () => ({ language: 'en', confidence: 0 });

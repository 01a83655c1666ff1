/** A detected language: ISO 639-1 code and how sure the detector is. */
export interface DetectedLanguage {
  language: string;
  confidence: number;
}

/**
 * Detects a message's language; `detectLanguage` of ./detect-language.ts (fastText lid.176 plus cue words) is
 * the real one, tests may pass a fixed one.
 */
export type LanguageDetector = (text: string) => Promise<DetectedLanguage>;

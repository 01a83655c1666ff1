import type { Customer, Product } from '../../knowledge/schemas.ts';
import type { ReplyLanguage } from '../compose/fixed-texts.ts';
import type { PromissoryModel } from './promissory-model.ts';

/** Everything a reply is checked against: who it is for, what it may name and quote, and what it must never echo. */
export interface ValidationContext {
  /** The one customer this conversation is about (their own figures may be quoted); null when none is named. */
  customer: Customer | null;
  /** Further figures of that customer (average monthly spend, savings ratio in %, …). */
  customerFigures: readonly number[];
  /** The bank's whole catalogue. */
  catalog: readonly Product[];
  /** What the recommender returned for this turn: the only products the reply may name. */
  recommendedProductIds: readonly string[];
  /** Retrieved article passages and product documents; numbers, links and contacts found here are allowed. */
  groundingTexts: readonly string[];
  systemPrompt: string;
  userMessage: string;
  /** Customer-authored text the model saw (social posts, the user's message) that may carry injected instructions. */
  untrustedTexts: readonly string[];
  /** Who reads the reply (checkAudienceVoice); unset = not checked. */
  audience?: 'customer' | 'advisor';
  /** The reply's language: a risk disclosure counts only in it (checkRiskDisclosure); unset = English. */
  language?: ReplyLanguage;
  /** Names of other customers that must never appear. */
  otherPeopleNames: readonly string[];
  limits?: { maxCharacters?: number; maxLines?: number };
  /**
   * The trained promissory-sentence classifier (see ensurePromissoryModel), when its model file exists;
   * without it the patterns alone decide.
   */
  promissoryModel?: PromissoryModel;
}

import { fixedText } from '../compose/fixed-texts.ts';
import { foldText } from './fold-text.ts';

/** Stands for the customer's id while a disclosure is turned into a pattern. */
const ID_SLOT = 'C-0';

/**
 * The German and Spanish risk disclosures that count: the bank's approved sentence, word for word, to the customer
 * or to an advisor about any customer (the English ones are RISK_DISCLOSURES in check-risk-disclosure.ts). Only the
 * approved wording counts: paraphrase patterns written for German and Spanish counted 2 of 10 held-out paraphrases
 * in each language and one denial ("Ein Verlustrisiko gibt es hier nicht"), where German puts the negation last.
 * A draft without the sentence is repaired, and else the grounded composer writes it.
 */
export const FOREIGN_RISK_DISCLOSURES: Readonly<Record<'de' | 'es', readonly RegExp[]>> = {
  de: approvedDisclosures('de'),
  es: approvedDisclosures('es'),
};

function approvedDisclosures(language: 'de' | 'es'): RegExp[] {
  const sentences = [
    fixedText('risk_disclosure', { language, audience: 'customer' }),
    fixedText('risk_disclosure', { language, audience: 'advisor', customerId: ID_SLOT }),
    fixedText('risk_disclosure', { language, audience: 'advisor', customerId: null }),
  ];
  return sentences.map((sentence) => {
    const words = foldText(sentence)
      .replace(/[.!?]+$/, '')
      .split(/\s+/)
      .map((word) => (word === ID_SLOT ? 'C-\\d+' : word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    // Any run of spaces or a line break between words; case as the reply has it (a sentence may open it).
    return new RegExp(`(?<!\\p{L})${words.join('\\s+')}(?!\\p{L})`, 'iu');
  });
}

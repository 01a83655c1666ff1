import { beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../../chains/compose/audience-voice.ts';
import {
  type FixedTextKey,
  fixedText,
  intentLabel,
  REPLY_LANGUAGES,
} from '../../../chains/compose/fixed-texts.ts';
import { ENGLISH_CUSTOMER_TEXTS } from '../../../chains/compose/texts/en.ts';
import { composeGroundedReply } from '../../../chains/grounded/grounded-chat-model.ts';
import { checkAudienceVoice } from '../../../chains/validate/check-audience-voice.ts';
import { INTENTS } from '../../../knowledge/intents/index.ts';
import {
  ARTICLES_DIR,
  type ArticleChunk,
  chunkArticle,
  loadArticles,
} from '../../../knowledge/knowledge-articles.ts';
import { HELD_OUT_VOICE } from './audience-voice-held-out.ts';
import { GOOD_REPLIES } from './good-replies.ts';
import { FIXTURE_CUSTOMER, makeContext } from './validation-fixture.ts';

const KEYS = Object.keys(ENGLISH_CUSTOMER_TEXTS) as FixedTextKey[];
const AUDIENCES: Audience[] = ['customer', 'advisor'];
const CUSTOMER = { ...FIXTURE_CUSTOMER, customer_id: 'C-000042' };
const contextFor = (audience: Audience) => makeContext({ audience, customer: CUSTOMER });
const rejected = (text: string, audience: Audience) =>
  checkAudienceVoice(text, contextFor(audience)).map((issue) => ('text' in issue ? issue.text : ''));

/** Every `{name}` of a text that is a parameter, filled with a plain value. */
function sampleParams(key: FixedTextKey): Record<string, string> {
  const names = [...ENGLISH_CUSTOMER_TEXTS[key].matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  return Object.fromEntries(
    names.map((name) => [name, name === 'customers' ? 'C-000001, C-000002' : 'cards']),
  );
}

// Fixed texts never pass through the validator on the way out, so this is where their voice is checked.
describe('every fixed text passes the audience-voice check for its reader', () => {
  for (const language of REPLY_LANGUAGES) {
    for (const audience of AUDIENCES) {
      it(`${language}, ${audience}: every key, with the customer named and unnamed`, () => {
        const failures: string[] = [];
        for (const customerId of ['C-000042', null]) {
          for (const key of KEYS) {
            const text = fixedText(key, { language, audience, customerId }, sampleParams(key));
            const wrong = rejected(text, audience);
            if (wrong.length > 0) failures.push(`${key}: ${wrong.join(' | ')}`);
          }
        }
        expect(failures).toEqual([]);
      });

      it(`${language}, ${audience}: the clarifying question with every intent's label`, () => {
        const reader = { language, audience, customerId: 'C-000042' };
        const failures = INTENTS.flatMap((intent) => {
          const text = fixedText('clarifying_question', reader, { options: intentLabel(intent.id, reader) });
          const wrong = rejected(text, audience);
          return wrong.length > 0 ? [`${intent.id}: ${wrong.join(' | ')}`] : [];
        });
        expect(failures).toEqual([]);
      });
    }
  }

  it('catches each reader’s text shown to the other reader, in every language (the check is not blind)', () => {
    for (const language of REPLY_LANGUAGES) {
      const customerSteps = fixedText('urgent_steps', { language, audience: 'customer' });
      const advisorSteps = fixedText('urgent_steps', { language, audience: 'advisor', customerId: null });
      expect(rejected(customerSteps, 'advisor').length, language).toBeGreaterThan(0);
      expect(rejected(advisorSteps, 'customer').length, language).toBeGreaterThan(0);
    }
    expect(rejected(fixedText('urgent_steps', { language: 'de', audience: 'customer' }), 'advisor')).toEqual([
      'Ihre Karte',
    ]);
    expect(
      rejected(
        fixedText('urgent_steps', { language: 'es', audience: 'advisor', customerId: null }),
        'customer',
      ),
    ).toEqual(['del cliente', 'al cliente', 'al cliente']);
  });
});

describe('the German and Spanish cues', () => {
  it('reject "Ihre Ersparnisse"/"Sie haben … €" and "sus ahorros"/"usted tiene …" to an advisor', () => {
    expect(rejected('Ihre monatlichen Ausgaben liegen bei 2.400 €.', 'advisor')).toEqual([
      'Ihre monatlichen Ausgaben',
    ]);
    expect(rejected('Sie haben 8.000 € auf dem Sparkonto.', 'advisor')).toEqual(['Sie haben 8.000 €']);
    expect(rejected('Sus ahorros cubren tres meses.', 'advisor')).toEqual(['Sus ahorros']);
    expect(rejected('Usted tiene 8.000 € ahorrados.', 'advisor')).toEqual(['Usted tiene 8.000 €']);
  });

  it('read "su"/"sus" and a sentence-opening "Ihre" as the customer’s once the customer is named', () => {
    expect(
      rejected('C-000042 tiene una deuda de 3.000 €. Sus pagos son de 150 € al mes.', 'advisor'),
    ).toEqual([]);
    expect(rejected('Die Kundin C-000042 spart monatlich. Ihre Ersparnisse wachsen.', 'advisor')).toEqual([]);
    // "usted" makes "su" the reader's, whoever else the sentence names.
    expect(rejected('Usted y el cliente C-000042 comparten su cuenta.', 'advisor')).toEqual(['su cuenta']);
  });

  it('reject "dieser Kunde"/"des Kunden" and "el cliente"/"este cliente" to a customer, not customer service', () => {
    expect(rejected('Das Profil dieses Kunden passt zu einem Sparplan.', 'customer')).toEqual([
      'dieses Kunden',
    ]);
    expect(rejected('El cliente C-000042 tiene tres tarjetas.', 'customer')).toEqual([
      'El cliente',
      'C-000042 tiene',
    ]);
    expect(rejected('Llame a Atención al Cliente o al Defensor del Cliente.', 'customer')).toEqual([]);
    expect(rejected('Unser Kundenservice hilft den Kunden gern.', 'customer')).toEqual([]);
    expect(rejected('Call the customer service team on 0800 123 4567.', 'customer')).toEqual([]);
  });
});

/** How many of a set's sentences the check rejects for a reader. */
function rejectedCount(sentences: readonly string[], audience: Audience): number {
  return sentences.filter((sentence) => rejected(sentence, audience).length > 0).length;
}

describe('figures (held-out sentences, the good-replies suite, the help-centre articles)', () => {
  let chunks: ArticleChunk[] = [];
  beforeAll(async () => {
    chunks = (await loadArticles(ARTICLES_DIR)).flatMap((article) => chunkArticle(article));
  });

  it('held out: every wrong-voice sentence caught and no right one rejected, per language and reader', () => {
    const figures = HELD_OUT_VOICE.map(
      (set) =>
        `${set.language}/${set.audience}: caught ${rejectedCount(set.wrong, set.audience)}/${set.wrong.length}, ` +
        `false rejections ${rejectedCount(set.right, set.audience)}/${set.right.length}`,
    );
    console.info(`audience voice, held out:\n${figures.join('\n')}`);
    expect(figures).toEqual(
      HELD_OUT_VOICE.map(
        (set) =>
          `${set.language}/${set.audience}: caught ${set.wrong.length}/${set.wrong.length}, false rejections 0/${set.right.length}`,
      ),
    );
  });

  it('rejects none of the good-replies suite (English, written to customers) for the customer', () => {
    const replies = GOOD_REPLIES.map((good) => good.reply);
    console.info(
      `audience voice, good replies (en): customer false rejections ${rejectedCount(replies, 'customer')}/${replies.length}; ` +
        `read by an advisor ${rejectedCount(replies, 'advisor')}/${replies.length} (second person about money: right to reject)`,
    );
    expect(rejectedCount(replies, 'customer')).toBe(0);
  });

  it('rejects no help-centre passage for a customer, nor the grounded guide answer quoting it for an advisor', () => {
    const bodies = chunks.map((chunk) => chunk.text.slice(chunk.text.indexOf('\n\n') + 2));
    expect(chunks.length).toBe(231);
    expect(rejectedCount(bodies, 'customer')).toBe(0);
    const advisorAnswers = chunks.filter((chunk) => {
      const passage = { ...chunk, intents: [] };
      const reply = composeGroundedReply({
        intent: 'knowledge',
        audience: 'advisor',
        customer: CUSTOMER,
        recommendations: [],
        passages: [passage],
        similarCustomers: null,
      });
      const context = makeContext({ audience: 'advisor', customer: CUSTOMER, groundingTexts: [chunk.text] });
      return checkAudienceVoice(reply, context).length > 0;
    });
    console.info(
      `audience voice, help-centre passages: customer false rejections ${rejectedCount(bodies, 'customer')}/${bodies.length}; ` +
        `guide answers to an advisor rejected ${advisorAnswers.length}/${chunks.length}; ` +
        `passages paraphrased (not quoted) to an advisor rejected ${rejectedCount(bodies, 'advisor')}/${bodies.length}`,
    );
    expect(advisorAnswers.map((chunk) => chunk.id)).toEqual([]);
  });
});

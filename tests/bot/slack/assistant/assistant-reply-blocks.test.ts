import type { types } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assistantFeedbackVote,
  assistantReplyBlocks,
  feedbackButtonsBlock,
  replacedTextBlocks,
  streamedReplyFooter,
} from '../../../../bot/slack/assistant/index.ts';
import { MAX_BLOCKS, MAX_SECTION_CHARACTERS } from '../../../../bot/slack/index.ts';
import { RISK_DISCLOSURE } from '../../../../chains/grounded/grounded-chat-model.ts';
import { outboundReply, productCard } from './outbound-reply.ts';

type Block = types.KnownBlock;

function sectionTexts(blocks: Block[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
}

const paragraph = (index: number) => `Paragraph ${index}: ${'word '.repeat(578)}`.trim();

describe('assistant reply blocks stay within Slack’s limits', () => {
  it('a very long answer with many products and topics: ≤ 50 blocks, ≤ 3,000 characters a section, feedback last', () => {
    const reply = outboundReply({
      text: Array.from({ length: 70 }, (_, index) => paragraph(index)).join('\n\n'),
      products: Array.from({ length: 30 }, (_, index) => productCard(index)),
      quickReplies: ['Card fees', 'Savings', 'Loans'],
    });
    for (const blocks of [assistantReplyBlocks(reply), streamedReplyFooter(reply)]) {
      expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
      for (const text of sectionTexts(blocks))
        expect(text.length).toBeLessThanOrEqual(MAX_SECTION_CHARACTERS);
      expect(blocks.at(-1)).toEqual(feedbackButtonsBlock('T7opaque'));
      expect(blocks.at(-2)).toMatchObject({ type: 'actions', block_id: 'quick_replies' });
    }
    const whole = assistantReplyBlocks(reply);
    expect(sectionTexts(whole)[0]).toMatch(/^Paragraph 0: word/);
    // The mention-style 👍/👎 buttons are replaced by the native feedback buttons, never shown twice.
    const actionIds = whole.flatMap((block) =>
      block.type === 'actions'
        ? block.elements.map((element) => ('action_id' in element ? element.action_id : ''))
        : [],
    );
    expect(actionIds).toEqual(['quick_reply_0', 'quick_reply_1', 'quick_reply_2']);
  });

  it('the streamed footer carries cards (with their own Interested / Not for me row) and sources but not the answer text', () => {
    const reply = outboundReply({ text: 'Streamed already.', products: [productCard(1)] });
    const footer = streamedReplyFooter(reply);
    expect(footer.map((block) => block.type)).toEqual([
      'section',
      'actions',
      'context',
      'context',
      'context_actions',
    ]);
    expect(footer[1]).toMatchObject({ block_id: 'product:SAV-01' });
    expect(sectionTexts(footer)[0]).toContain('*Saver 1*');
    expect(JSON.stringify(footer)).not.toContain('Streamed already.');
  });

  it('the risk warning appears once: in the streamed text if it was there, else in the footer', () => {
    const fund = productCard(1, { type: 'investment_fund', riskDisclosure: RISK_DISCLOSURE });
    const warnings = (blocks: Block[]) => JSON.stringify(blocks).split(RISK_DISCLOSURE).length - 1;
    expect(
      warnings(streamedReplyFooter(outboundReply({ text: `A fund. ${RISK_DISCLOSURE}`, products: [fund] }))),
    ).toBe(0);
    expect(warnings(streamedReplyFooter(outboundReply({ text: 'A fund.', products: [fund] })))).toBe(1);
  });

  it('for any length of text and number of products the limits hold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 160_000 }),
        fc.integer({ min: 0, max: 60 }),
        (length, products) => {
          const reply = outboundReply({
            text: 'ab c'.repeat(Math.ceil(length / 4)).slice(0, length) || 'x',
            products: Array.from({ length: products }, (_, index) => productCard(index)),
            quickReplies: ['One topic'],
          });
          const blocks = assistantReplyBlocks(reply);
          expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
          for (const text of sectionTexts(blocks))
            expect(text.length).toBeLessThanOrEqual(MAX_SECTION_CHARACTERS);
          expect(blocks.at(-1)?.type).toBe('context_actions');
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a replaced text is split into sections of at most 3,000 characters, at most 50 of them', () => {
    const blocks = replacedTextBlocks(
      Array.from({ length: 80 }, (_, index) => paragraph(index)).join('\n\n'),
    );
    expect(blocks).toHaveLength(MAX_BLOCKS);
    for (const text of sectionTexts(blocks)) expect(text.length).toBeLessThanOrEqual(MAX_SECTION_CHARACTERS);
  });
});

describe('native feedback button values', () => {
  it('read back as the vote they stand for', () => {
    const block = feedbackButtonsBlock('Tz9_-');
    const [buttons] = block.elements;
    if (buttons?.type !== 'feedback_buttons') throw new Error('expected feedback buttons');
    expect(assistantFeedbackVote(buttons.positive_button.value)).toEqual({
      turnId: 'Tz9_-',
      rating: 'up',
      productId: null,
      accepted: null,
    });
    expect(assistantFeedbackVote(buttons.negative_button.value)?.rating).toBe('down');
  });

  it('anything else is unreadable', () => {
    for (const value of [
      undefined,
      '',
      'up:',
      'sideways:T1',
      'up:T1:extra',
      'up:has space',
      `up:${'x'.repeat(65)}`,
    ]) {
      expect(assistantFeedbackVote(value)).toBeNull();
    }
  });
});

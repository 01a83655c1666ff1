import { describe, expect, it } from 'vitest';
import type { OutboundReply } from '../../../bot/core/index.ts';
import { replyCard } from '../../../bot/teams/index.ts';
import { markdownForTextBlock } from '../../../bot/teams/teams-markdown.ts';
import { RISK_DISCLOSURE } from '../../../chains/grounded/grounded-chat-model.ts';

describe('markdownForTextBlock: only the Markdown Teams renders in a TextBlock', () => {
  it.each([
    ['**Cash ISA** suits you', '**Cash ISA** suits you'],
    ['## Your options', '**Your options**'],
    ['* first\n+ second', '- first\n- second'],
    ['see [our guide](https://bank.example/isa)', 'see [our guide](https://bank.example/isa)'],
    ['use `ISA-01` now', 'use ISA-01 now'],
    ['~~old~~ new', 'old new'],
    ['> quoted', 'quoted'],
    ['<b>bold</b> text', 'bold text'],
    ['one\n\n\n\ntwo\n---', 'one\n\ntwo'],
  ])('%j → %j', (markdown, shown) => {
    expect(markdownForTextBlock(markdown)).toBe(shown);
  });
});

describe('replyCard from the grounded composer’s reply shape', () => {
  it('has the risk warning once, human labels, and no dangling source dash', () => {
    const reply: OutboundReply = {
      text: `## Suggestions\n\n1. **Rewards Card** (credit card).\n\n${RISK_DISCLOSURE}`,
      customerId: 'C-000001',
      intent: 'recommendation',
      understanding: { intent: 'product_recommendation', confidence: 0.97, language: 'en' },
      needsHuman: false,
      quickReplies: [],
      products: [
        {
          productId: 'CC-01',
          name: 'Rewards Card',
          type: 'credit_card',
          typeLabel: 'credit card',
          score: 0.7,
          reasons: ['Fits your spending'],
          riskDisclosure: null,
          movedByFeedback: false,
          feedbackNotes: [],
          explored: false,
        },
        {
          productId: 'FND-01',
          name: 'Index Fund',
          type: 'fund',
          typeLabel: 'investment fund',
          score: 0.6,
          reasons: [],
          riskDisclosure: RISK_DISCLOSURE,
          movedByFeedback: false,
          feedbackNotes: [],
          explored: false,
        },
      ],
      sources: [{ articleId: 'guide', title: 'Investment horizon', section: '' }],
      provider: { name: 'grounded', model: 'grounded-composer-v1' },
      validator: { ok: true, issues: [], repaired: false, fellBack: false },
      bias: { flagged: false, reasons: [] },
      auditSeq: 4,
      turnId: 'T4opaque',
      latencyMs: 9,
    };
    const card = replyCard(reply);
    const serialised = JSON.stringify(card.body);
    expect(serialised.split(RISK_DISCLOSURE)).toHaveLength(2);
    expect(serialised).not.toContain('credit_card');
    expect(serialised).toContain('"credit card"');
    expect(serialised).not.toContain('##');
    expect(serialised).toContain('- Investment horizon"');
    expect(card.body[0]).toEqual({
      type: 'TextBlock',
      text: '**Suggestions**\n\n1. **Rewards Card** (credit card).',
      wrap: true,
    });
  });
});

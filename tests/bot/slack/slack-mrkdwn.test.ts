import { describe, expect, it } from 'vitest';
import type { OutboundReply } from '../../../bot/core/index.ts';
import { markdownToMrkdwn, toBlocks } from '../../../bot/slack/index.ts';
import { RISK_DISCLOSURE } from '../../../chains/grounded/grounded-chat-model.ts';

describe('markdownToMrkdwn: the Markdown a model writes, as Slack shows it', () => {
  it.each([
    ['**Cash ISA** suits you', '*Cash ISA* suits you'],
    ['__Cash ISA__ suits you', '*Cash ISA* suits you'],
    ['an *optional* step', 'an _optional_ step'],
    ['## Your options', '*Your options*'],
    ['# **Bold** heading #', '*Bold heading*'],
    ['- first\n* second\n+ third', '• first\n• second\n• third'],
    ['1. first\n2. second', '1. first\n2. second'],
    [
      'see [our guide](https://bank.example/isa?a=1&b=2)',
      'see <https://bank.example/isa?a=1&amp;b=2|our guide>',
    ],
    ['~~old~~ new', '~old~ new'],
    ['keep `code` as is', 'keep `code` as is'],
    ['> quoted advice', 'quoted advice'],
    ['<@U123> & <!channel>', '&lt;@U123&gt; &amp; &lt;!channel&gt;'],
    ['2 * 3 * 4 = 24', '2 * 3 * 4 = 24'],
  ])('%j → %j', (markdown, mrkdwn) => {
    expect(markdownToMrkdwn(markdown)).toBe(mrkdwn);
  });
});

describe('toBlocks from the grounded composer’s reply shape', () => {
  const reply: OutboundReply = {
    text: `Based on this customer’s profile, these products fit best:\n\n1. **Index Fund** (investment fund). Fits an 11-year horizon.\n\n${RISK_DISCLOSURE}\n\nThese are ranked by suitability first.`,
    customerId: 'C-000042',
    intent: 'recommendation',
    understanding: { intent: 'product_recommendation', confidence: 0.97, language: 'en' },
    needsHuman: false,
    quickReplies: [],
    products: ['FND-01', 'FND-02', 'RET-01'].map((productId) => ({
      productId,
      name: `Product ${productId}`,
      type: productId.startsWith('RET') ? 'retirement' : 'fund',
      typeLabel: productId.startsWith('RET') ? 'retirement account' : 'investment fund',
      score: 0.5,
      reasons: ['Fits a medium risk tolerance and an 11-year horizon'],
      riskDisclosure: RISK_DISCLOSURE,
      movedByFeedback: false,
      feedbackNotes: [],
      explored: false,
    })),
    sources: [{ articleId: 'guide', title: 'Saving for retirement', section: '' }],
    provider: { name: 'grounded', model: 'grounded-composer-v1' },
    validator: { ok: true, issues: [], repaired: false, fellBack: false },
    bias: { flagged: false, reasons: [] },
    auditSeq: 3,
    turnId: 'T3opaque',
    latencyMs: 12,
  };

  it('carries the risk warning exactly once, no Markdown bold, human labels, no dangling source dash', () => {
    const serialised = JSON.stringify(toBlocks(reply));
    expect(serialised.split(RISK_DISCLOSURE)).toHaveLength(2);
    expect(serialised).not.toContain('**');
    expect(serialised).toContain('*Index Fund*');
    expect(serialised).toContain('(retirement account)');
    expect(serialised).not.toContain('retirement)');
    expect(serialised).toContain('Sources: Saving for retirement"');
    expect(serialised).not.toMatch(/ — "/);
  });
});

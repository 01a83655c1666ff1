import type { types } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboundReply } from '../../../bot/core/index.ts';
import {
  escapeMrkdwn,
  fallbackText,
  MAX_BLOCKS,
  MAX_SECTION_CHARACTERS,
  markChosen,
  providerBadge,
  toBlocks,
} from '../../../bot/slack/index.ts';
import { splitIntoSections } from '../../../bot/slack/slack-blocks.ts';

type Block = types.KnownBlock;

const RISK = 'Investments can fall as well as rise; you may get back less than you put in.';

function reply(overrides: Partial<OutboundReply> = {}): OutboundReply {
  return {
    text: 'Compare <b>A & B</b> -> both fit.',
    customerId: 'C-000042',
    intent: 'recommendation',
    understanding: { intent: 'product_recommendation', confidence: 0.97, language: 'en' },
    needsHuman: false,
    quickReplies: [],
    products: [
      {
        productId: 'INV-01',
        name: 'Growth & Income <Fund>',
        type: 'investment_fund',
        typeLabel: 'investment fund',
        score: 0.8,
        reasons: ['Fits a 20-year horizon', 'Risk 3 of 7 <= tolerance'],
        riskDisclosure: RISK,
        movedByFeedback: false,
        feedbackNotes: [],
        explored: false,
      },
      {
        productId: 'SAV-02',
        name: 'High-Yield Online Savings',
        type: 'savings',
        typeLabel: 'savings account',
        score: 0.5,
        reasons: ['Savings cover 3 months of spending'],
        riskDisclosure: null,
        movedByFeedback: true,
        feedbackNotes: ['2 customers in this segment were interested', 'You marked this as interested'],
        explored: true,
      },
    ],
    sources: [
      { articleId: 'isa-basics', title: 'ISAs & you', section: 'Allowances' },
      { articleId: 'risk', title: 'Investment risk', section: '' },
    ],
    provider: { name: 'grounded', model: 'grounded-composer-v1' },
    validator: { ok: true, issues: [], repaired: false, fellBack: false },
    bias: { flagged: false, reasons: [] },
    auditSeq: 7,
    turnId: 'T7opaque',
    latencyMs: 12,
    ...overrides,
  };
}

function texts(block: Block): string[] {
  if (block.type === 'section') return [block.text?.text ?? ''];
  if (block.type === 'context')
    return block.elements.map((element) => ('text' in element ? element.text : ''));
  if (block.type === 'header') return [block.text.text];
  return [];
}

describe('toBlocks', () => {
  it('renders answer, product cards, the risk warning once, sources, badge and rating buttons, in order', () => {
    const blocks = toBlocks(reply());
    expect(blocks.map((block) => block.type)).toEqual([
      'section',
      'section',
      'actions',
      'section',
      'actions',
      'context',
      'context',
      'context',
      'actions',
    ]);
    expect(blocks.map(texts)).toEqual([
      ['Compare &lt;b&gt;A &amp; B&lt;/b&gt; -&gt; both fit.'],
      [
        '*Growth &amp; Income &lt;Fund&gt;* (investment fund)\n• Fits a 20-year horizon\n• Risk 3 of 7 &lt;= tolerance',
      ],
      [],
      [
        '*High-Yield Online Savings* (savings account)\n• Savings cover 3 months of spending\n_2 customers in this segment were interested · You marked this as interested._\n_Ranked higher after earlier feedback._\n_Shown partly to learn how it is received (rarely shown so far)._',
      ],
      [],
      [`⚠️ ${RISK}`],
      ['Sources: ISAs &amp; you — Allowances · Investment risk'],
      ['Written by grounded · grounded-composer-v1 · validated ✓'],
      [],
    ]);
  });

  it('puts "Interested" / "Not for me" under each card (row product:<id>) and 👍/👎 in the rating row', () => {
    const blocks = toBlocks(reply());
    const rows = blocks.flatMap((block) =>
      block.type === 'actions'
        ? [
            [
              block.block_id,
              ...block.elements.map((element) =>
                element.type === 'button' ? `${element.action_id} ${element.value} ${element.text.text}` : '',
              ),
            ],
          ]
        : [],
    );
    expect(rows).toEqual([
      [
        'product:INV-01',
        'feedback_accept {"turnId":"T7opaque","productId":"INV-01"} Interested',
        'feedback_decline {"turnId":"T7opaque","productId":"INV-01"} Not for me',
      ],
      [
        'product:SAV-02',
        'feedback_accept {"turnId":"T7opaque","productId":"SAV-02"} Interested',
        'feedback_decline {"turnId":"T7opaque","productId":"SAV-02"} Not for me',
      ],
      ['rating', 'feedback_up T7opaque 👍 Helpful', 'feedback_down T7opaque 👎 Not helpful'],
    ]);
    expect(blocks.at(-1)?.type).toBe('actions');
  });

  it('markChosen replaces only the clicked row with the choice and who made it', () => {
    const blocks = toBlocks(reply());
    const marked = markChosen(blocks, 'product:SAV-02', { choice: 'interested' }, 'U0ADVISOR');
    expect(marked?.length).toBe(blocks.length);
    const changed = marked?.flatMap((block, index) => (block === blocks[index] ? [] : [block]));
    expect(changed).toEqual([
      {
        type: 'context',
        block_id: 'product:SAV-02',
        elements: [{ type: 'mrkdwn', text: '*✓ Interested* — <@U0ADVISOR>' }],
      },
    ]);
    expect(markChosen(blocks, 'product:NOT-SHOWN', { choice: 'up' }, 'U0ADVISOR')).toBeNull();
  });

  it('leaves out the sources block when there are none, and the answer section when the text is blank', () => {
    const blocks = toBlocks(reply({ text: '  ', products: [], sources: [] }));
    expect(blocks.map((block) => block.type)).toEqual(['context', 'actions']);
  });

  it.each([
    [
      { name: 'grounded', model: 'grounded-composer-v1' },
      'Written by grounded · grounded-composer-v1 · validated ✓',
    ],
    [
      { name: 'ollama', model: 'mistral:7b-instruct' },
      'Written by Mistral (via Ollama) · mistral:7b-instruct · validated ✓',
    ],
    [{ name: 'ollama', model: 'mistral' }, 'Written by Mistral (via Ollama) · mistral · validated ✓'],
    [{ name: 'ollama', model: 'llama3.2:3b' }, 'Written by ollama · llama3.2:3b · validated ✓'],
    [{ name: 'ollama', model: 'mixtral:8x7b' }, 'Written by ollama · mixtral:8x7b · validated ✓'],
    [
      { name: 'llamacpp', model: 'mistral-7b-instruct.Q4_K_M.gguf' },
      'Written by llamacpp · mistral-7b-instruct.Q4_K_M.gguf · validated ✓',
    ],
  ])('badge for %o', (provider, expected) => {
    expect(providerBadge(reply({ provider }))).toBe(expected);
  });

  it('says when the grounded composer stood in for the model, and when the bias guard replaced wording', () => {
    const badge = providerBadge(
      reply({
        validator: { ok: true, issues: [], repaired: true, fellBack: true },
        bias: { flagged: true, reasons: ['gendered wording'] },
      }),
    );
    expect(badge).toBe(
      'Written by grounded · grounded-composer-v1 · validated ✓ (the grounded composer answered after the model’s draft failed) · bias guard replaced flagged wording',
    );
    expect(badge).not.toContain('Mistral');
  });

  it('keeps within Slack limits: ≤ 50 blocks, sections ≤ 3000 characters, entities never cut', () => {
    const product = reply().products[0];
    if (!product) throw new Error('fixture has products');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '&', '<', '>', '😀'), maxLength: 20_000 }),
        fc.integer({ min: 0, max: 60 }),
        (text, productCount) => {
          const products = Array.from({ length: productCount }, (_, index) => ({
            ...product,
            productId: `INV-${index}`,
          }));
          const blocks = toBlocks(reply({ text, products }));
          expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
          expect(blocks.at(-1)?.type).toBe('actions');
          for (const piece of blocks.flatMap(texts)) {
            expect(piece.length).toBeGreaterThan(0);
            expect(piece.length).toBeLessThanOrEqual(MAX_SECTION_CHARACTERS);
            expect(piece.replace(/&(?:amp|lt|gt);/g, '')).not.toContain('&');
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says how many products did not fit', () => {
    const product = reply().products[1];
    if (!product) throw new Error('fixture has products');
    const products = Array.from({ length: 60 }, (_, index) => ({ ...product, productId: `SAV-${index}` }));
    const blocks = toBlocks(reply({ products, sources: [] }));
    expect(blocks).toHaveLength(MAX_BLOCKS);
    // 50 blocks = answer + 23 cards of 2 blocks (text, buttons) + note + badge + actions.
    expect(texts(blocks[47] as Block)).toEqual(['…and 37 more products; ask me about them.']);
  });
});

describe('splitIntoSections', () => {
  it('loses nothing but whitespace at the cuts, prefers word breaks and never splits an entity or emoji', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '&', '<', '😀'), maxLength: 400 }),
        fc.integer({ min: 12, max: 60 }),
        (raw, limit) => {
          const escaped = escapeMrkdwn(raw);
          const pieces = splitIntoSections(escaped, limit);
          for (const piece of pieces) {
            expect(piece.length).toBeLessThanOrEqual(limit);
            expect(piece.trim()).toBe(piece);
            expect(piece.replace(/&(?:amp|lt|gt);/g, '')).not.toContain('&');
            expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
          }
          expect(pieces.join('').replace(/\s/g, '')).toBe(escaped.replace(/\s/g, ''));
        },
      ),
    );
  });

  it('cuts at the last line break when there is one in the second half', () => {
    expect(splitIntoSections('first line\nsecond part', 16)).toEqual(['first line', 'second part']);
  });
});

describe('fallbackText', () => {
  it('fallback text is the escaped answer plus the product names', () => {
    expect(fallbackText(reply())).toBe(
      'Compare &lt;b&gt;A &amp; B&lt;/b&gt; -&gt; both fit.\n\nSuggested: Growth &amp; Income &lt;Fund&gt;, High-Yield Online Savings',
    );
  });
});

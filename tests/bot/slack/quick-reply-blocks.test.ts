import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { MAX_BLOCKS, quickReplyBlock, quickReplyTopic, withQuickReplies } from '../../../bot/slack/index.ts';

type Block = types.KnownBlock;

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const footer: Block = { type: 'context', elements: [{ type: 'mrkdwn', text: 'Written by grounded' }] };

describe('quick-reply buttons', () => {
  it('one button per distinct topic, at most five, labels cut to 75 characters, the full topic as value', () => {
    const long = `A very long topic ${'x'.repeat(100)}`;
    const block = quickReplyBlock(['Card fees', ' Card fees ', '', long, 'B', 'C', 'D', 'E']);
    const elements = (block?.elements ?? []) as types.Button[];
    expect(elements.map((button) => [button.action_id, button.value])).toEqual([
      ['quick_reply_0', 'Card fees'],
      ['quick_reply_1', long],
      ['quick_reply_2', 'B'],
      ['quick_reply_3', 'C'],
      ['quick_reply_4', 'D'],
    ]);
    expect(elements[1]?.text.text).toHaveLength(75);
    expect(quickReplyBlock([' ', ''])).toBeNull();
  });

  it('sit after the text sections; a message already at the block limit is left as it is', () => {
    const blocks = withQuickReplies([section('Which one?'), footer], { quickReplies: ['C-000042'] });
    expect(blocks.map((block) => block.type)).toEqual(['section', 'actions', 'context']);
    const full = Array.from({ length: MAX_BLOCKS }, (_, index) => section(`part ${index}`));
    expect(withQuickReplies(full, { quickReplies: ['C-000042'] })).toBe(full);
    expect(withQuickReplies([section('No topics')], { quickReplies: [] })).toHaveLength(1);
  });

  it('a click reads back its topic; other actions and empty or oversized values do not', () => {
    expect(quickReplyTopic({ action_id: 'quick_reply_2', value: ' Savings ' })).toBe('Savings');
    expect(quickReplyTopic({ action_id: 'feedback_up', value: 'Savings' })).toBeNull();
    expect(quickReplyTopic({ action_id: 'quick_reply_0', value: '  ' })).toBeNull();
    expect(quickReplyTopic({ action_id: 'quick_reply_0', value: 'x'.repeat(2001) })).toBeNull();
  });
});

import { ActionTypes } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { withQuickReplies } from '../../../bot/teams/advisor-teams-bot.ts';

describe('withQuickReplies: a clarifying question’s topics as Teams suggested actions', () => {
  it('adds one imBack button per topic that sends the topic back as the next message', () => {
    const message = withQuickReplies({ text: 'Is this about a card or a transfer?' }, [
      'a card that has not arrived',
      'a pending transfer',
    ]);
    expect(message).toEqual({
      text: 'Is this about a card or a transfer?',
      suggestedActions: {
        to: [],
        actions: [
          {
            type: ActionTypes.ImBack,
            title: 'a card that has not arrived',
            value: 'a card that has not arrived',
          },
          { type: ActionTypes.ImBack, title: 'a pending transfer', value: 'a pending transfer' },
        ],
      },
    });
  });

  it('leaves a reply without topics unchanged', () => {
    const message = { text: 'Your card usually arrives within 5–7 working days.' };
    expect(withQuickReplies(message, [])).toBe(message);
  });
});

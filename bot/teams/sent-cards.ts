import type { FeedbackChoice, OutboundReply } from '../core/index.ts';
import type { CardChoices } from './adaptive-cards.ts';

/** How many reply cards are remembered for updating; older cards confirm a vote with a message instead. */
export const REMEMBERED_CARDS = 500;

/** A sent reply card: the reply it shows and the choices made on it since. */
interface SentCard {
  reply: OutboundReply;
  /** A whole-reply card, or a streamed reply's final message (answer as text, details in the card). */
  layout: 'card' | 'streamed';
  rating?: FeedbackChoice;
  products: Map<string, FeedbackChoice>;
}

/**
 * The reply cards this bot sent, by Teams activity id, so a vote can redraw its card with the chosen button
 * shown as "✓ …" (Teams does not send the card back with an Action.Submit). Bounded, oldest forgotten first;
 * lost on restart, when a vote is confirmed by a message instead.
 */
export class SentCards {
  private readonly cards = new Map<string, SentCard>();

  constructor(private readonly limit = REMEMBERED_CARDS) {}

  /** Remembers the reply a card activity shows. */
  remember(activityId: string, reply: OutboundReply, layout: SentCard['layout'] = 'card'): void {
    this.cards.delete(activityId);
    this.cards.set(activityId, { reply, layout, products: new Map() });
    while (this.cards.size > this.limit) {
      const oldest = this.cards.keys().next().value;
      if (oldest === undefined) break;
      this.cards.delete(oldest);
    }
  }

  /** The turn a remembered card's reply belongs to (Teams' feedback-loop invoke names only the message). */
  turnOf(activityId: string | undefined): string | undefined {
    return activityId ? this.cards.get(activityId)?.reply.turnId : undefined;
  }

  /** Records a choice on a remembered card and returns what to redraw; null for a card it does not know. */
  choose(
    activityId: string,
    productId: string | null,
    choice: FeedbackChoice,
  ): { reply: OutboundReply; layout: SentCard['layout']; chosen: CardChoices } | null {
    const card = this.cards.get(activityId);
    if (!card) return null;
    if (productId === null) card.rating = choice;
    else card.products.set(productId, choice);
    return {
      reply: card.reply,
      layout: card.layout,
      chosen: { ...(card.rating ? { rating: card.rating } : {}), products: new Map(card.products) },
    };
  }
}

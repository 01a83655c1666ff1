import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { MessageAuthor } from '../bot/audit/index.ts';
import { customerView, type Handoff, type HandoffDesk } from '../bot/core/handoff/index.ts';
import type { ConversationCore } from '../bot/core/index.ts';

/** The route the widget polls while an adviser is looking at the customer's question. */
export const HANDOFF_ROUTE = '/api/handoff';

/** What the web chat needs of the handoff desk. */
export type WebHandoffs = Pick<HandoffDesk, 'openForReply' | 'latestFor'>;

/** The customer's newest handoff as the widget shows it; never the draft while pending, never the advisor's id. */
export interface HandoffView {
  id: string;
  status: Handoff['status'];
  /** What to show: "An adviser is looking at this", the adviser's message, or the honest expiry message. */
  text: string;
  /** Who the message is from, for the label beside it; null for the assistant's own texts. */
  label: string | null;
  /** Who wrote `text` (the audit log's author); null while pending. */
  author: MessageAuthor | null;
  openedAt: string;
  expiresAt: string;
}

const AUTHORS: Record<Handoff['status'], MessageAuthor | null> = {
  pending: null,
  approved: 'assistant',
  edited: 'advisor_edited',
  taken_over: 'advisor',
  expired: 'assistant',
};

/**
 * The chat core with handoffs: after a customer's turn the chain flagged for a person, a handoff is opened for their
 * advisor. The reply is already shown by then, so a failure to open is reported, not turned into a failed turn.
 */
export function withHandoffOpening(
  core: Pick<ConversationCore, 'handle'>,
  handoffs: Pick<WebHandoffs, 'openForReply'>,
  reportError: (error: unknown) => void,
): Pick<ConversationCore, 'handle'> {
  return {
    handle: async (message, options) => {
      const reply = await core.handle(message, options);
      try {
        await handoffs.openForReply(message, reply);
      } catch (error) {
        reportError(error);
      }
      return reply;
    },
  };
}

/** `GET /api/handoff`: the token's customer's newest handoff, `{ handoff: null }` when there is none. */
export function mountHandoffRoute(
  app: Hono,
  guard: MiddlewareHandler,
  customerOf: (context: Context) => string,
  handoffs: Pick<WebHandoffs, 'latestFor'>,
): void {
  app.get(HANDOFF_ROUTE, guard, async (context) => {
    const handoff = await handoffs.latestFor(customerOf(context));
    context.header('Cache-Control', 'no-store');
    return context.json({ handoff: handoff ? handoffView(handoff) : null });
  });
}

/** The customer-facing view of a handoff. */
export function handoffView(handoff: Handoff): HandoffView {
  const { text, label } = customerView(handoff);
  return {
    id: handoff.id,
    status: handoff.status,
    text,
    label,
    author: AUTHORS[handoff.status],
    openedAt: handoff.openedAt,
    expiresAt: handoff.expiresAt,
  };
}

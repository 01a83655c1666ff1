import { productTypeLabel } from '../../chains/compose/product-type-labels.ts';
import type { Product } from '../../knowledge/index.ts';
import type { AuditStore, HistoryClearances } from '../audit/index.ts';
import { CoreError } from './core-error.ts';
import type { Actor } from './roles.ts';
import type { TurnIdCodec } from './turn-id.ts';

/** The provider the core records on a refused turn (see conversation-core's refusalRecord). */
const REFUSAL_PROVIDER = { name: 'core', model: 'authorisation' } as const;

/** How many turns a customer's history returns at most (the newest ones). */
export const MAX_HISTORY_TURNS = 50;

/** One turn of a customer's own conversation, as the widget shows it back. */
export interface HistoryTurn {
  turnId: string;
  question: string;
  reply: string;
  products: { productId: string; name: string; type: string; typeLabel: string }[];
  recordedAt: string;
}

/** What reading and clearing a customer's history needs. */
export interface CustomerHistoryDependencies {
  audit: Pick<AuditStore, 'turns' | 'head'>;
  clearances: HistoryClearances;
  turnIds: TurnIdCodec;
  /** The bank's catalogue, for product names and types (the audit log keeps only product ids). */
  catalog?: () => Promise<readonly Pick<Product, 'id' | 'name' | 'type'>[]>;
}

/**
 * The customer's own conversation, newest last: only turns this customer asked themselves in this channel
 * (never an advisor's turn about them, never another customer's question that named them), only those after
 * their last "delete my conversation". Product types are named as the turn's cards were: in the reply's recorded
 * language, or in `language` (the widget's) for turns recorded before the reply language was kept.
 */
export async function readCustomerHistory(
  dependencies: CustomerHistoryDependencies,
  actor: Actor,
  limit: number = MAX_HISTORY_TURNS,
  language = 'en',
): Promise<HistoryTurn[]> {
  const customer = ownCustomer(actor);
  const cleared = await dependencies.clearances.latest(customer.customerId);
  const turns = await dependencies.audit.turns({
    actorId: customer.userId,
    latest: Math.min(Math.max(1, Math.floor(limit)), MAX_HISTORY_TURNS),
    ...(cleared ? { afterSeq: cleared.throughTurnSeq } : {}),
  });
  // A refused question was shown as an error, never as a reply: it stays in the audit log, not in the history.
  const own = turns.filter(
    (turn) =>
      turn.channel === customer.channel &&
      turn.actor.role === 'customer' &&
      !(turn.provider.name === REFUSAL_PROVIDER.name && turn.provider.model === REFUSAL_PROVIDER.model),
  );
  const needsCatalog = own.some((turn) => turn.recommendations.length > 0);
  const catalog = needsCatalog && dependencies.catalog ? await dependencies.catalog() : [];
  const byId = new Map(catalog.map((product) => [product.id, product]));
  return own.map((turn) => ({
    turnId: dependencies.turnIds.encode(turn.seq),
    question: turn.question,
    reply: turn.reply,
    products: turn.recommendations.map(({ productId }) => {
      const product = byId.get(productId);
      const type = product?.type ?? '';
      return {
        productId,
        name: product?.name ?? productId,
        type,
        typeLabel: type ? productTypeLabel(type, turn.replyLanguage ?? language) : '',
      };
    }),
    recordedAt: turn.recordedAt,
  }));
}

/**
 * "Delete my conversation": from now on the customer's history starts after the audit log's newest turn. The
 * audit log keeps every record; only the customer's view is cleared.
 */
export async function clearCustomerHistory(
  dependencies: CustomerHistoryDependencies,
  actor: Actor,
): Promise<{ clearedAt: string }> {
  const { customerId } = ownCustomer(actor);
  const head = await dependencies.audit.head();
  const clearance = await dependencies.clearances.record({ customerId, throughTurnSeq: head?.seq ?? 0 });
  return { clearedAt: clearance.clearedAt };
}

function ownCustomer(actor: Actor): Extract<Actor, { role: 'customer' }> {
  if (actor.role !== 'customer') {
    throw new CoreError(
      'NOT_AUTHORISED',
      'Only a customer can read or clear their own conversation history.',
    );
  }
  return actor;
}

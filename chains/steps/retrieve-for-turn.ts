import { ChainError } from '../chain-error.ts';
import type { Retriever } from '../retrieve/retriever.ts';
import type { RetrievedTurn, UnderstoodTurn } from './turn.ts';

const NO_NEIGHBOURS = { neighbourCount: 0, adoptions: new Map<string, number>() };
const PASSAGES_PER_TURN = 3;

/**
 * Step 2: only what the route needs — the named customer's own profile, passages of the articles mapped to the
 * intent (never another intent's), and product signals only for a recommendation.
 */
export async function retrieveForTurn(turn: UnderstoodTurn, retriever: Retriever): Promise<RetrievedTurn> {
  const { request, route } = turn;
  const wantsPassages = route.kind === 'article';
  const [customer, passages, catalog] = await Promise.all([
    request.customerId ? retriever.customer(request.customerId) : Promise.resolve(null),
    wantsPassages
      ? retriever
          .embedQuestion(request.question)
          .then((vector) =>
            retriever.passages(request.question, vector, PASSAGES_PER_TURN, { intents: route.intents }),
          )
      : Promise.resolve([]),
    retriever.catalog(),
  ]);
  if (request.customerId && !customer) {
    throw new ChainError('INVALID_INPUT', `There is no customer ${request.customerId} in the store.`);
  }
  const wantsProducts = route.kind === 'recommendation' && customer !== null;
  const [productSimilarity, neighbours] = await Promise.all([
    wantsProducts && customer ? retriever.productSimilarity(customer.vector) : Promise.resolve(new Map()),
    wantsProducts && customer ? retriever.neighbourAdoptions(customer) : Promise.resolve(NO_NEIGHBOURS),
  ]);
  return {
    ...turn,
    customer,
    passages,
    productSimilarity,
    neighbours,
    catalog,
    retrievedAt: performance.now(),
  };
}

// @ts-check
// The conversation as this tab remembers it: per customer (the token's subject), so a renewed token keeps it and
// another customer signing in on the same tab never sees it.
import { PREFIX } from './widget-styles.js';

/**
 * @typedef {{ productId: string, name: string, type: string, typeLabel?: string, reasons: string[], riskDisclosure: string | null, movedByFeedback: boolean, explored: boolean }} ProductCard
 * @typedef {{ threadId?: string, text: string, products: ProductCard[], sources: { title: string }[], turnId: string, quickReplies?: string[], needsHuman?: boolean }} Reply
 * @typedef {{ rating?: string, interested?: string[] }} Chosen
 * @typedef {{ question: string, reply: Reply, chosen?: Chosen }} Entry
 * @typedef {{ threadId?: string, entries: Entry[] }} Conversation
 * @typedef {{ turnId: string, question: string, reply: string, products: { productId: string, name: string, type: string, typeLabel: string }[] }} HistoryTurn
 */

/** How many answers a tab keeps (the server's history returns as many). */
const MAX_ENTRIES = 50;

/**
 * This customer's conversation in sessionStorage: `conversation` is the live copy, `save` writes it, `clear`
 * forgets it. Without a readable token subject nothing is stored (the conversation still works in the page).
 * @param {string} token the customer's token (a JWT; only its `sub` is read, never verified here)
 */
export function createConversationStore(token) {
  const storageKey = (() => {
    try {
      const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')));
      return typeof payload.sub === 'string' && payload.sub ? `${PREFIX}-conversation:${payload.sub}` : null;
    } catch {
      return null;
    }
  })();

  /** @returns {Conversation} */
  function load() {
    try {
      const stored = storageKey ? JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') : null;
      if (stored && Array.isArray(stored.entries)) return stored;
    } catch {}
    return { entries: [] };
  }

  const store = {
    conversation: load(),
    save() {
      if (!storageKey) return;
      try {
        store.conversation.entries = store.conversation.entries.slice(-MAX_ENTRIES);
        sessionStorage.setItem(storageKey, JSON.stringify(store.conversation));
      } catch {} // storage full or blocked: the conversation still works, it just won't survive a refresh
    },
    clear() {
      store.conversation = { entries: [] };
      if (storageKey) sessionStorage.removeItem(storageKey);
    },
  };
  return store;
}

/** An answer from the server's history, in the shape a streamed reply has (no reasons or sources kept). @param {HistoryTurn} turn @returns {Entry} */
export const fromHistory = (turn) => ({
  question: turn.question,
  reply: {
    text: turn.reply,
    turnId: turn.turnId,
    sources: [],
    products: turn.products.map((product) => ({
      ...product,
      reasons: [],
      riskDisclosure: null,
      movedByFeedback: false,
      explored: false,
    })),
  },
});

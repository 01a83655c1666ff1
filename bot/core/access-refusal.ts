import { CoreError } from './core-error.ts';
import { type Actor, mayAccessCustomer } from './roles.ts';

/** How many customers of an advisor's book a refusal lists before summarising the rest. */
const LISTED_BOOK_CUSTOMERS = 10;

/** What the actor may ask about, in one sentence, so a refusal says what they can do instead. */
export function describeAccess(actor: Actor): string {
  switch (actor.role) {
    case 'customer':
      return 'You can ask about your own accounts.';
    case 'advisor': {
      if (actor.book === null) return 'You can ask about any customer.';
      const book = [...actor.book].sort();
      if (book.length === 0) return 'Your book has no customers yet; ask an admin to add them.';
      const listed = book.slice(0, LISTED_BOOK_CUSTOMERS).join(', ');
      const more =
        book.length > LISTED_BOOK_CUSTOMERS ? ` and ${book.length - LISTED_BOOK_CUSTOMERS} more` : '';
      return `You can ask about the customers in your book: ${listed}${more}.`;
    }
    case 'admin':
      return 'You can ask about any customer.';
  }
}

/**
 * Checks the one authorisation rule before anything about the customer is said or posted anywhere, and throws
 * the refusal every channel shows privately: whom they may not ask about, and whom they may.
 */
export function assertMayAccessCustomer(actor: Actor, customerId: string): void {
  if (mayAccessCustomer(actor, customerId)) return;
  throw new CoreError(
    'NOT_AUTHORISED',
    `You are not allowed to ask about customer ${customerId}. ${describeAccess(actor)}`,
  );
}

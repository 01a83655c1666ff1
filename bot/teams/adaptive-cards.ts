import { z } from 'zod';
import {
  type FeedbackChoice,
  type OutboundReply,
  type ProductCard,
  presentRiskOnce,
  providerBadgeText,
  sourceLabel,
} from '../core/index.ts';
import { markdownForTextBlock } from './teams-markdown.ts';

/** A TextBlock, the only way an Adaptive Card shows text. */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Small' | 'Medium' | 'Large';
  color?: 'Attention' | 'Warning' | 'Good' | 'Accent';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Medium';
  separator?: boolean;
}

/** A button that posts its `data` back to the bot as the next message's `value`. */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: FeedbackSubmit;
}

/** A row of buttons placed inside the card body (e.g. under one product). */
export interface ActionSet {
  type: 'ActionSet';
  actions: SubmitAction[];
}

/** A boxed group of elements: one per recommended product. */
export interface Container {
  type: 'Container';
  style?: 'emphasis' | 'default';
  separator?: boolean;
  spacing?: 'Medium';
  items: CardElement[];
}

/** Label/value rows, the card's native way to show figures. */
export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
  separator?: boolean;
}

/** A cell of a Table row. */
export interface TableCell {
  type: 'TableCell';
  items: TextBlock[];
}

/** A grid (Adaptive Cards 1.5), first row as the header. */
export interface Table {
  type: 'Table';
  columns: { width: number }[];
  rows: { type: 'TableRow'; cells: TableCell[] }[];
  firstRowAsHeaders: true;
  showGridLines: boolean;
}

/** A button that opens a web page (the admin dashboard). */
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** Any element a reply card puts in its body. */
export type CardElement = TextBlock | Container | ActionSet;

/** An Adaptive Card (schema 1.5), as Teams renders it. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  /** Shown by clients that cannot render the card. */
  fallbackText: string;
  body: CardElement[];
  actions?: SubmitAction[];
}

/** The card of an admin report: text, figures and tables, and a link out; no feedback buttons. */
export interface ReportCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  fallbackText: string;
  body: (TextBlock | FactSet | Table)[];
  actions?: OpenUrlAction[];
}

const turnId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a turn id');

/**
 * What a feedback button posts back: a rating of the whole reply, or interest in one product.
 * Parsed at the boundary because anyone in the conversation can forge an Action.Submit payload.
 */
export const FeedbackSubmit = z.union([
  z.object({ kind: z.literal('feedback'), turnId, rating: z.enum(['up', 'down']) }),
  z.object({
    kind: z.literal('feedback'),
    turnId,
    productId: z.string().min(1).max(200),
    accepted: z.boolean(),
  }),
]);
/** A parsed feedback button payload. */
export type FeedbackSubmit = z.infer<typeof FeedbackSubmit>;

/** A TextBlock with wrapping on; the one way our cards make text. */
export const text = (value: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...style,
});

/** The core's provider badge as a card line, with Markdown marks made inert so a model name cannot format it. */
export function providerBadge(reply: Pick<OutboundReply, 'provider' | 'validator' | 'bias'>): string {
  return providerBadgeText(reply).replace(/[*`]/g, '').replace(/\]\(/g, '] (');
}

/** The choices already made on a card, so it is shown with the chosen buttons replaced by "✓ …". */
export interface CardChoices {
  rating?: FeedbackChoice;
  /** productId → the choice made on that product's row. */
  products?: ReadonlyMap<string, FeedbackChoice>;
}

/** What a chosen button becomes once the vote is on record. */
export const CHOSEN_TEXT: Record<FeedbackChoice, string> = {
  up: '✓ Helpful',
  down: '✓ Not helpful',
  interested: '✓ Interested',
  not_interested: '✓ Not for me',
};

function productContainer(
  product: ProductCard,
  replyTurnId: string,
  chosen: FeedbackChoice | undefined,
): Container {
  const items: CardElement[] = [
    text(product.name, { weight: 'Bolder', size: 'Medium' }),
    text(product.typeLabel, { isSubtle: true, spacing: 'None' }),
    ...(product.reasons.length > 0
      ? [text(product.reasons.map((reason) => `- ${reason}`).join('\n'), { spacing: 'Small' })]
      : []),
  ];
  if (product.feedbackNotes.length > 0)
    items.push(text(`${product.feedbackNotes.join(' · ')}.`, { isSubtle: true, spacing: 'Small' }));
  if (product.movedByFeedback) items.push(text('Ranked using earlier feedback.', { isSubtle: true }));
  if (product.explored)
    items.push(text('Shown partly to learn how it is received (rarely shown so far).', { isSubtle: true }));
  if (chosen) {
    items.push(text(CHOSEN_TEXT[chosen], { weight: 'Bolder', color: 'Good' }));
  } else {
    const data = (accepted: boolean): FeedbackSubmit => ({
      kind: 'feedback',
      turnId: replyTurnId,
      productId: product.productId,
      accepted,
    });
    items.push({
      type: 'ActionSet',
      actions: [
        { type: 'Action.Submit', title: 'Interested', data: data(true) },
        { type: 'Action.Submit', title: 'Not for me', data: data(false) },
      ],
    });
  }
  return { type: 'Container', style: 'emphasis', separator: true, spacing: 'Medium', items };
}

/**
 * The card for one advisor reply: answer (unless the message text carries it), one box per product (with
 * "Interested" / "Not for me"), sources, provider badge and 👍/👎; a button already chosen (`chosen`) is shown as
 * "✓ …" instead of its row.
 */
export function replyCard(
  reply: OutboundReply,
  chosen: CardChoices = {},
  options: { withAnswer?: boolean } = {},
): AdaptiveCard {
  const { text: answer, riskDisclosure } = presentRiskOnce(reply);
  const body: CardElement[] = [];
  const shown = markdownForTextBlock(answer);
  // A streamed reply already shows the answer as the message text; its card carries only the details.
  if (shown && options.withAnswer !== false) body.push(text(shown));
  body.push(
    ...reply.products.map((product) =>
      productContainer(product, reply.turnId, chosen.products?.get(product.productId)),
    ),
  );
  // The risk warning once per message, after the products it is about.
  if (riskDisclosure) body.push(text(riskDisclosure, { color: 'Attention', size: 'Small' }));
  if (reply.sources.length > 0) {
    body.push(text('Sources', { weight: 'Bolder', separator: true }));
    body.push(
      text(reply.sources.map((source) => `- ${sourceLabel(source)}`).join('\n'), {
        spacing: 'None',
        size: 'Small',
      }),
    );
  }
  body.push(text(providerBadge(reply), { isSubtle: true, size: 'Small', separator: true }));
  if (chosen.rating) body.push(text(CHOSEN_TEXT[chosen.rating], { weight: 'Bolder', color: 'Good' }));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: answer,
    body,
    ...(chosen.rating
      ? {}
      : {
          actions: [
            {
              type: 'Action.Submit',
              title: '👍',
              data: { kind: 'feedback', turnId: reply.turnId, rating: 'up' },
            },
            {
              type: 'Action.Submit',
              title: '👎',
              data: { kind: 'feedback', turnId: reply.turnId, rating: 'down' },
            },
          ],
        }),
  };
}

import type { types } from '@slack/bolt';
import type { Actor, AdminReports } from '../../core/index.ts';
import { escapeMrkdwn } from '../slack-mrkdwn.ts';

type KnownBlock = types.KnownBlock;
type HomeView = types.HomeView;

/** Action id of a customer's "Ask about" button on the App Home; its value is the customer id. */
export const HOME_OPEN_CUSTOMER_ACTION = 'home_open_customer';
/** Action ids of the admins' report buttons on the App Home. */
export const HOME_REPORT_ACTIONS: Readonly<Record<keyof AdminReports, string>> = {
  bias: 'home_report_bias',
  bench: 'home_report_bench',
};
/** Slack allows 100 blocks in a Home tab; the book is cut with a note well before that. */
export const MAX_HOME_CUSTOMERS = 80;

/**
 * The App Home for one person: an advisor sees their book of customers with a button per customer that opens a
 * thread about them; an admin sees the `/bias` and `/bench` reports; anyone else is told how to get access.
 */
export function appHomeView(actor: Actor | undefined, notRegistered: string): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Advisor Bot', emoji: true } },
  ];
  if (!actor || actor.role === 'customer') {
    blocks.push(section(escapeMrkdwn(notRegistered)));
    return { type: 'home', blocks };
  }
  blocks.push(
    section(
      'Ask about a customer from here, in the assistant panel, by mentioning me in a channel, or with `/advise C-000042`. Every answer is validated and written to the audit log.',
    ),
  );
  if (actor.role === 'admin') {
    blocks.push({ type: 'divider' }, section('*Reports* (also `/bias` and `/bench` in any channel)'));
    blocks.push(
      reportEntry('bias', '*Bias report*: disparate impact and flagged wording from the audit log.'),
    );
    blocks.push(reportEntry('bench', '*Benchmark*: latency, validator and provider figures.'));
    blocks.push(section('You may ask about any customer.'));
    return { type: 'home', blocks };
  }
  blocks.push({ type: 'divider' });
  if (actor.book === null) {
    blocks.push(section('*Your book*: all customers. Name one by id when you ask, for example C-000042.'));
    return { type: 'home', blocks };
  }
  const book = [...actor.book].toSorted();
  blocks.push(section(`*Your book*: ${book.length} ${book.length === 1 ? 'customer' : 'customers'}`));
  for (const customerId of book.slice(0, MAX_HOME_CUSTOMERS)) {
    blocks.push({
      type: 'section',
      block_id: `customer_${customerId}`,
      text: { type: 'mrkdwn', text: `*${escapeMrkdwn(customerId)}*` },
      accessory: {
        type: 'button',
        action_id: HOME_OPEN_CUSTOMER_ACTION,
        text: { type: 'plain_text', text: 'Ask about this customer', emoji: true },
        value: customerId,
        accessibility_label: `Open a thread about ${customerId}`,
      },
    });
  }
  const hidden = book.length - MAX_HOME_CUSTOMERS;
  if (hidden > 0) {
    blocks.push(section(`…and ${hidden} more; ask about them by id in a thread or with \`/advise\`.`));
  }
  return { type: 'home', blocks };
}

function reportEntry(report: keyof AdminReports, text: string): KnownBlock {
  return {
    type: 'section',
    block_id: `report_${report}`,
    text: { type: 'mrkdwn', text },
    accessory: {
      type: 'button',
      action_id: HOME_REPORT_ACTIONS[report],
      text: { type: 'plain_text', text: `Run /${report}`, emoji: true },
      value: report,
    },
  };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

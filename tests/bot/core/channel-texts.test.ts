import { describe, expect, it } from 'vitest';
import {
  type AdminReport,
  adminReportText,
  notAdminText,
  notRegisteredText,
  type OutboundReply,
  providerBadgeText,
} from '../../../bot/core/index.ts';
import {
  adminReportText as slackAdminReportText,
  providerBadge as slackBadge,
} from '../../../bot/slack/index.ts';
import { NOT_REGISTERED } from '../../../bot/slack/slack-inbound.ts';
import { adminReportCard, providerBadge as teamsBadge } from '../../../bot/teams/index.ts';

type Badged = Pick<OutboundReply, 'provider' | 'validator' | 'bias'>;

const VALIDATED: OutboundReply['validator'] = { ok: true, repaired: false, fellBack: false, issues: [] };

function badged(provider: Badged['provider'], validator: Partial<OutboundReply['validator']> = {}): Badged {
  return { provider, validator: { ...VALIDATED, ...validator }, bias: { flagged: false, reasons: [] } };
}

const REPORT: AdminReport = {
  title: 'Bias report',
  headline: 'Bias guard flagged 2 of 40 logged turns (5.0%).',
  sections: [],
  lines: [],
  missing: [],
};

describe('one wording in the core, rendered and escaped per channel', () => {
  it.each([
    [
      badged({ name: 'ollama', model: 'mistral:7b-instruct' }),
      'Written by Mistral (via Ollama) · mistral:7b-instruct · validated ✓',
    ],
    [
      badged({ name: 'ollama', model: 'llama3.2:3b' }, { repaired: true }),
      'Written by ollama · llama3.2:3b · validated ✓ (after one repair)',
    ],
    [
      badged({ name: 'grounded', model: 'grounded-composer-v1' }, { ok: false }),
      'Written by grounded · grounded-composer-v1 · validator rejected the draft; safe reply sent',
    ],
  ])('Slack and Teams show the same provider badge: %o', (reply, expected) => {
    expect(providerBadgeText(reply)).toBe(expected);
    expect(slackBadge(reply)).toBe(expected);
    expect(teamsBadge(reply)).toBe(expected);
  });

  it('each channel escapes a hostile model name its own way; the words stay the same', () => {
    const reply = badged({ name: 'ollama', model: '<!channel> **bold** [x](https://evil.example)' });
    expect(providerBadgeText(reply)).toBe(
      'Written by ollama · <!channel> **bold** [x](https://evil.example) · validated ✓',
    );
    expect(slackBadge(reply)).toBe(
      'Written by ollama · &lt;!channel&gt; **bold** [x](https://evil.example) · validated ✓',
    );
    expect(teamsBadge(reply)).toBe(
      'Written by ollama · <!channel> bold [x] (https://evil.example) · validated ✓',
    );
  });

  it('the admin report stand-in is the same sentence in Slack and in the Teams card fallback', () => {
    const expected =
      'Bias report: Bias guard flagged 2 of 40 logged turns (5.0%). Full report: /admin on this server.';
    expect(adminReportText(REPORT)).toBe(expected);
    expect(slackAdminReportText(REPORT)).toBe(expected);
    expect(adminReportCard(REPORT).fallbackText).toBe(expected);
    const url = 'https://advisor.bank.example/admin';
    expect(adminReportText(REPORT, url)).toBe(`${expected.replace(' /admin on this server.', ` ${url}`)}`);
    expect(adminReportCard(REPORT, url).fallbackText).toBe(slackAdminReportText(REPORT, url));
  });

  it('refusals name the channel and, where it helps the admin, the id to add', () => {
    expect(NOT_REGISTERED).toBe(
      "You're not registered to use the financial advisor in Slack. Ask an administrator to add you to the roles file.",
    );
    expect(notRegisteredText('Teams', 'your Microsoft Entra object id is 00000000-aaaa')).toBe(
      "You're not registered to use the financial advisor in Teams (your Microsoft Entra object id is 00000000-aaaa). Ask an administrator to add you to the roles file.",
    );
    expect(notAdminText('/bias')).toBe('Only administrators can run /bias.');
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWebChatApp,
  type RunningWebServer,
  signCustomerToken,
  startWebServer,
} from '../../web-chat/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../support/advisor-fixture.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../support/chromium.ts';

const suite = hasChromium ? describe : describe.skip;
const SECRET = 'cross-origin-e2e-secret-0123456789abcdef';

/** The bank's own page, on its own origin: the widget script and the API live on the advisor's origin. */
function bankPage(advisorUrl: string, token: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bank</title></head>
<body><h1>Bank home</h1>
<script src="${advisorUrl}/widget.js" data-endpoint="${advisorUrl}" data-token="${token}" async></script>
</body></html>`;
}

suite(
  hasChromium
    ? 'the widget embedded on a second origin in a real browser (CORS via allowedOrigins)'
    : `the widget on a second origin — SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`,
  () => {
    let fixture: AdvisorFixture;
    let advisor: RunningWebServer;
    let bank: Server;
    let bankPort = 0;
    let browser: Browser;

    beforeAll(async () => {
      fixture = await createAdvisorFixture(60);
      // The bank's page server listens first so its origin can be put on the advisor's allow-list.
      let page = '';
      bank = createServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      });
      await new Promise<void>((resolve) => bank.listen(0, '127.0.0.1', resolve));
      bankPort = (bank.address() as AddressInfo).port;
      const app = createWebChatApp({
        core: fixture.core(),
        audit: fixture.audit,
        tokenSecret: SECRET,
        allowedOrigins: [`http://127.0.0.1:${bankPort}`],
      });
      advisor = await startWebServer(app, 0);
      const token = await signCustomerToken({
        customerId: 'C-000005',
        secret: SECRET,
        nowMs: Date.now(),
        lifetimeSeconds: 600,
      });
      page = bankPage(advisor.url, token);
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await advisor?.close();
      await new Promise<void>((resolve) => (bank ? bank.close(() => resolve()) : resolve()));
      await fixture?.dispose();
    });

    async function askFrom(origin: string, question: string) {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      await page.getByRole('button', { name: 'Open chat' }).click();
      await page.getByRole('textbox', { name: 'Your message' }).fill(question);
      await page.keyboard.press('Enter');
      return page;
    }

    it('completes a chat and a 👍 from the allowed bank origin (preflighted, cross-origin)', async () => {
      const page = await askFrom(`http://127.0.0.1:${bankPort}`, 'What would you recommend for me?');
      const answer = page.locator('.fadv-bot').last();
      await answer.getByRole('group', { name: 'Was this answer helpful?' }).waitFor();
      expect(await answer.locator('.fadv-card').count()).toBeGreaterThan(0);
      await answer.getByRole('button', { name: 'Yes, this was helpful' }).click();
      await answer.getByText('Thanks for your feedback.').waitFor();
      const turn = (await fixture.audit.turns({ customerId: 'C-000005' })).at(-1);
      expect(await fixture.audit.feedback({ turnSeq: turn?.seq ?? -1 })).toMatchObject([
        { rating: 'up', channel: 'web', actor: { id: 'C-000005', role: 'customer' } },
      ]);
      await page.close();
    });

    it('on a page from an origin that is not allowed, says so — not "check your connection"', async () => {
      const before = (await fixture.audit.head())?.seq ?? 0;
      // Same page server, another origin: localhost is not 127.0.0.1 to the browser's same-origin rules.
      const page = await askFrom(`http://localhost:${bankPort}`, 'What would you recommend for me?');
      const error = page.locator('.fadv-error');
      await error.waitFor();
      expect(await error.textContent()).toBe(
        'This site is not allowed to use the assistant. Please use the bank’s own website or app.',
      );
      expect((await fixture.audit.head())?.seq ?? 0).toBe(before);
      await page.close();
    });
  },
);

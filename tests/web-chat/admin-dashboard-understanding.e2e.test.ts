import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyticsSource, RoleDirectory } from '../../bot/core/index.ts';
import { saveUnderstandingRun, type UnderstandingRun } from '../../chains/eval/understanding/index.ts';
import {
  createAdminRoutes,
  type RunningWebServer,
  signAdminToken,
  startWebServer,
} from '../../web-chat/index.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../support/chromium.ts';
import { type AdminAnalyticsFixture, createAdminAnalyticsFixture } from './admin-analytics-fixture.ts';

const suite = hasChromium ? describe : describe.skip;
const SECRET = 'e2e-secret-for-the-understanding-panel-0123456789';

/** A saved run with figures no default could produce, so each one on the page must come from it. */
const RUN: UnderstandingRun = {
  timestamp: '2026-11-30T09:15:00.000Z',
  fingerprint: 'abcdef0123456789abcdef',
  validation: {
    examples: 1234,
    accuracy: 0.876,
    banking77Accuracy: 0.891,
    banking77Examples: 1010,
    macroF1: 0.853,
    confusedPairs: [{ expected: 'small_talk', predicted: 'out_of_scope', count: 5 }],
    outOfScope: { precision: 0.912, recall: 0.934, support: 165 },
    coverage: 0.72,
    confidentAccuracy: 0.95,
    predictionMs: 0.25,
  },
  questions: null,
  safety: {
    injection: {
      detector: 'rules+classifier:708c80979b08',
      source: 'seeded validation split',
      recall: 0.942,
      falseAlarmRate: 0.013,
      injections: 86,
      benign: 458,
      byLanguage: {
        de: { recall: 1, falseAlarmRate: 0, injections: 23, benign: 40 },
        es: { recall: 1, falseAlarmRate: 0.04, injections: 6, benign: 25 },
        ru: { recall: null, falseAlarmRate: 0, injections: 0, benign: 1 },
      },
    },
    promissory: {
      check: 'patterns+classifier:0a466004bd35',
      source: 'seeded validation split (25% of chains/validate/suites)',
      recall: 0.986,
      falseRejectionRate: 0.014,
      promissory: 70,
      compliant: 72,
    },
  },
};

/** The understanding panel's status, table rows and chart, as the page holds them. */
function readPanel(page: Page) {
  return page.evaluate(() => {
    const section = document.getElementById('understanding') as HTMLElement;
    const canvas = document.getElementById('understanding-chart') as HTMLCanvasElement;
    const chartGlobal = (window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): unknown } })
      .Chart;
    const chart = chartGlobal.getChart(canvas) as
      | { data: { labels: string[]; datasets: { data: (number | null)[] }[] } }
      | undefined;
    return {
      status: section.querySelector('.status')?.textContent ?? '',
      caption: section.querySelector('table caption')?.textContent ?? null,
      header: Array.from(section.querySelectorAll('thead th')).map((cell) => cell.textContent),
      rows: Array.from(section.querySelectorAll('tbody tr')).map((row) =>
        Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent),
      ),
      chart: chart ? { labels: chart.data.labels, data: chart.data.datasets[0]?.data ?? [] } : null,
      text: section.querySelector('.summary')?.textContent ?? '',
    };
  });
}

suite(
  hasChromium
    ? 'the dashboard understanding panel in a real browser (real server, a saved run on disk)'
    : `the dashboard understanding panel — SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`,
  () => {
    let fixture: AdminAnalyticsFixture;
    let server: RunningWebServer;
    let browser: Browser;
    const roles = new RoleDirectory({ users: [{ channel: 'web', userId: 'ops-alice', role: 'admin' }] });

    async function openPanel(mount: string): Promise<Page> {
      const token = await signAdminToken({
        userId: 'ops-alice',
        secret: SECRET,
        nowMs: Date.now(),
        lifetimeSeconds: 600,
      });
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`${server.url}${mount}#token=${token}`);
      await page.waitForFunction(
        () => document.getElementById('understanding')?.getAttribute('aria-busy') === 'false',
        undefined,
        { timeout: 45_000 },
      );
      return page;
    }

    beforeAll(async () => {
      fixture = await createAdminAnalyticsFixture();
      await saveUnderstandingRun(RUN, fixture.benchDir);
      const emptyBench = path.join(fixture.directory, 'empty-bench');
      await mkdir(emptyBench);
      const app = new Hono();
      app.route('/admin', createAdminRoutes({ analytics: fixture.analytics, roles, tokenSecret: SECRET }));
      // A second mount whose bench folder holds no understanding run.
      app.route(
        '/fresh-admin',
        createAdminRoutes({
          analytics: createAnalyticsSource({
            audit: fixture.audit,
            dataDir: fixture.dataDir,
            benchDir: emptyBench,
          }),
          roles,
          tokenSecret: SECRET,
        }),
      );
      server = await startWebServer(app, 0);
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await fixture?.dispose();
    });

    it("shows the saved run's figures in the table and the chart, with its date", async () => {
      const page = await openPanel('/admin');
      const shown = await readPanel(page);
      await page.close();
      expect(shown.status).toBe('Latest run 2026-11-30: intent accuracy 87.6%, macro-F1 85.3%.');
      expect(shown.caption).toBe('Understanding evaluation of 2026-11-30');
      expect(shown.header).toEqual(['Figure', 'Value', 'Measured on']);
      expect(shown.rows).toEqual([
        ['Intent accuracy', '87.6%', '1234 validation questions'],
        ['Banking77 intent accuracy', '89.1%', '1010 Banking77 questions'],
        ['Macro-F1', '85.3%', '1234 validation questions'],
        ['Out-of-scope precision', '91.2%', '165 out-of-scope questions'],
        ['Out-of-scope recall', '93.4%', '165 out-of-scope questions'],
        ['Injection recall (all languages)', '94.2%', '86 injections'],
        ['Injection false alarms (all languages)', '1.3%', '458 benign messages'],
        ['Injection recall (de)', '100.0%', '23 injections'],
        ['Injection false alarms (de)', '0.0%', '40 benign messages'],
        ['Injection recall (es)', '100.0%', '6 injections'],
        ['Injection false alarms (es)', '4.0%', '25 benign messages'],
        ['Promissory recall', '98.6%', '70 promissory sentences'],
        ['Promissory false rejections', '1.4%', '72 compliant sentences'],
      ]);
      // The chart holds the same figures, in percent, in the same order.
      expect(shown.chart?.labels).toEqual(shown.rows.map((row) => row[0]));
      expect(shown.chart?.data).toEqual([87.6, 89.1, 85.3, 91.2, 93.4, 94.2, 1.3, 100, 0, 100, 4, 98.6, 1.4]);
      expect(shown.text).toContain('Run of 2026-11-30T09:15:00.000Z (intent model abcdef012345).');
      expect(shown.text).toContain('Promissory: patterns+classifier:0a466004bd35');
    });

    it('says how to make a run when none is saved, and draws no chart', async () => {
      const page = await openPanel('/fresh-admin');
      const shown = await readPanel(page);
      await page.close();
      expect(shown.status).toBe(
        'No understanding run is saved yet. Run “npm run eval:understanding” to measure the intent model and the safety checks.',
      );
      expect(shown.chart).toBeNull();
      expect(shown.rows).toEqual([]);
    });
  },
);

import path from 'node:path';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyticsSource, RoleDirectory } from '../../bot/core/index.ts';
import type { FairnessReport } from '../../chains/eval/fairness/index.ts';
import {
  type BenchRunsResponse,
  createAdminRoutes,
  type LoggedFairnessResponse,
  type OperationsResponse,
  type PopulationFairnessResponse,
  type RunningWebServer,
  signAdminToken,
  startWebServer,
} from '../../web-chat/index.ts';
import { CHROMIUM, hasChromium, launchChromium } from '../support/chromium.ts';
import { type AdminAnalyticsFixture, createAdminAnalyticsFixture } from './admin-analytics-fixture.ts';

const suite = hasChromium ? describe : describe.skip;
const SECRET = 'e2e-secret-for-the-admin-dashboard-0123456789';
const PANELS = [
  'fairness-population',
  'fairness-logged',
  'bench-ndcg',
  'bench-map',
  'feedback',
  'latency',
  'validator',
];
const FLAGGED_COLOUR = '#c0392b';

/** A chart's data as the page holds it: `Chart.getChart(canvas).data`, or null when no chart is drawn there. */
interface DrawnChart {
  labels: unknown[];
  datasets: { label: string; data: (number | null)[]; backgroundColor: unknown }[];
}

/** Reads every panel's chart data out of the page. */
function drawnCharts(page: Page): Promise<Record<string, DrawnChart | null>> {
  return page.evaluate((panels) => {
    const chartGlobal = (window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): unknown } })
      .Chart;
    const drawn: Record<string, unknown> = {};
    for (const id of panels) {
      const canvas = document.getElementById(`${id}-chart`) as HTMLCanvasElement;
      const chart = chartGlobal.getChart(canvas) as { data: DrawnChart } | undefined;
      drawn[id] = chart
        ? {
            labels: chart.data.labels,
            datasets: chart.data.datasets.map((dataset) => ({
              label: dataset.label,
              data: dataset.data,
              backgroundColor: dataset.backgroundColor,
            })),
          }
        : null;
    }
    return drawn as Record<string, DrawnChart | null>;
  }, PANELS);
}

function overallComparisons(report: FairnessReport) {
  return (
    report.sections
      .find((section) => section.kind === 'overall')
      ?.attributes.flatMap((item) => item.comparisons) ?? []
  );
}

suite(
  hasChromium
    ? 'the admin dashboard in a real browser (real server, real analytics over SQLite and a generated dataset)'
    : `the admin dashboard in a real browser — SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`,
  () => {
    let fixture: AdminAnalyticsFixture;
    let server: RunningWebServer;
    let browser: Browser;
    const roles = new RoleDirectory({
      users: [
        { channel: 'web', userId: 'ops-alice', role: 'admin' },
        { channel: 'web', userId: 'web-carol', role: 'customer', customerId: 'C-000001' },
      ],
    });
    const tokenFor = (userId: string) =>
      signAdminToken({ userId, secret: SECRET, nowMs: Date.now(), lifetimeSeconds: 600 });

    /** What the API answers this admin, fetched outside the browser. */
    async function api<Body>(route: string, token: string, mount = '/admin'): Promise<Body> {
      const response = await fetch(`${server.url}${mount}/api/${route}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as Body;
    }

    async function openDashboard(url: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(url);
      await page.waitForFunction(
        () =>
          !document.getElementById('dashboard')?.hidden &&
          Array.from(document.querySelectorAll('.panel')).every(
            (panel) => panel.getAttribute('aria-busy') === 'false',
          ),
        undefined,
        { timeout: 45_000 },
      );
      return page;
    }

    beforeAll(async () => {
      fixture = await createAdminAnalyticsFixture();
      const app = new Hono();
      app.route('/admin', createAdminRoutes({ analytics: fixture.analytics, roles, tokenSecret: SECRET }));
      // A second mount whose dataset is missing: the fairness panels must say so instead of charting.
      app.route(
        '/broken-admin',
        createAdminRoutes({
          analytics: createAnalyticsSource({
            audit: fixture.audit,
            dataDir: path.join(fixture.directory, 'no-such-data'),
            benchDir: fixture.benchDir,
          }),
          roles,
          tokenSecret: SECRET,
          reportError: () => {},
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

    it('without a token shows a sign-in message, calls no API and draws no chart', async () => {
      const page = await browser.newPage();
      const apiCalls: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/')) apiCalls.push(request.url());
      });
      await page.goto(`${server.url}/admin`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await page.locator('#sign-in-message').textContent()).toBe(
        'This page needs an admin token, and none was given.',
      );
      expect(await page.locator('#dashboard').isHidden()).toBe(true);
      expect(Object.values(await drawnCharts(page))).toEqual(PANELS.map(() => null));
      expect(apiCalls).toEqual([]);
      await page.close();
    });

    it('with an admin token draws every chart with exactly the numbers the API returns', async () => {
      const token = await tokenFor('ops-alice');
      const page = await openDashboard(`${server.url}/admin#token=${token}`);
      // The token leaves the address bar (and history) and lives in this tab's session storage.
      expect(page.url()).toBe(`${server.url}/admin`);
      expect(await page.evaluate(() => sessionStorage.getItem('finadvisor-admin-token'))).toBe(token);

      const [population, logged, bench, operations] = await Promise.all([
        api<PopulationFairnessResponse>('fairness', token),
        api<LoggedFairnessResponse>('fairness/logged', token),
        api<BenchRunsResponse>('bench?limit=20', token),
        api<OperationsResponse>('operations', token),
      ]);
      const charts = await drawnCharts(page);

      for (const [id, answer] of [
        ['fairness-population', population],
        ['fairness-logged', logged],
      ] as const) {
        const chart = charts[id];
        const comparisons = overallComparisons(answer.report as FairnessReport);
        expect(comparisons.length).toBeGreaterThan(0);
        expect(chart?.datasets.map((dataset) => dataset.label)).toEqual([
          'Disparate impact',
          'Four-fifths band, lower bound (0.8)',
          'Four-fifths band, upper bound (1.25)',
        ]);
        expect(chart?.datasets[0]?.data).toEqual(
          comparisons.map((comparison) => comparison.disparateImpact.value),
        );
        expect(chart?.datasets[1]?.data).toEqual(comparisons.map(() => 0.8));
        expect(chart?.datasets[2]?.data).toEqual(comparisons.map(() => 1.25));
        const flaggedBars = ((chart?.datasets[0]?.backgroundColor ?? []) as string[]).map(
          (colour) => colour === FLAGGED_COLOUR,
        );
        // Red means outside the band on groups big enough to test; small groups are grey, never red.
        expect(flaggedBars).toEqual(comparisons.map((comparison) => comparison.verdict === 'outside_band'));
        expect(await page.locator(`#${id} table`).first().locator('tbody tr').count()).toBe(
          comparisons.length,
        );
      }
      // The 300-customer population has flagged comparisons, so the red bars are really exercised.
      expect(
        overallComparisons(population.report).some((comparison) => comparison.verdict === 'outside_band'),
      ).toBe(true);

      const oldestFirst = [...bench.runs].reverse();
      expect(oldestFirst.map((run) => run.timestamp)).toEqual([
        '2026-11-01T10:00:00.000Z',
        '2026-11-02T10:00:00.000Z',
      ]);
      for (const [id, metric] of [
        ['bench-ndcg', 'ndcgAt5'],
        ['bench-map', 'mapAt7'],
      ] as const) {
        const chart = charts[id];
        expect(chart?.labels).toEqual(oldestFirst.map((run) => run.timestamp));
        const methods = oldestFirst[0]?.ranking.methods.map((entry) => entry.method) ?? [];
        expect(chart?.datasets.map((dataset) => dataset.label)).toEqual(methods);
        for (const [index, method] of methods.entries()) {
          expect(chart?.datasets[index]?.data).toEqual(
            oldestFirst.map((run) => run.ranking.methods.find((entry) => entry.method === method)?.[metric]),
          );
        }
      }
      expect(charts['bench-ndcg']?.datasets[0]?.data).toEqual([0.41, 0.44]);

      const summary = operations.operations;
      expect(charts.feedback?.datasets[0]?.data).toEqual([
        summary.feedback.thumbsUp,
        summary.feedback.thumbsDown,
        summary.feedback.accepted,
        summary.feedback.declined,
      ]);
      expect(charts.feedback?.datasets[0]?.data).toEqual([1, 1, 1, 1]);
      expect(charts.latency?.datasets[0]?.data).toEqual([summary.latencyMs.p50, summary.latencyMs.p95]);
      expect(charts.latency?.datasets[0]?.data).toEqual([200, 1500]);
      expect(charts.validator?.datasets[0]?.data).toEqual([
        summary.validator.passed,
        summary.validator.repaired,
        summary.validator.fellBack,
      ]);
      expect(charts.validator?.datasets[0]?.data).toEqual([4, 1, 1]);
      // The accessible tables carry the same numbers as the canvases.
      expect(await page.locator('#latency table tbody tr').allTextContents()).toEqual([
        'p50200.0',
        'p951500.0',
      ]);
      expect(await page.locator('#validator table tbody tr').allTextContents()).toEqual([
        'Passed4',
        'Repaired1',
        'Fell back1',
      ]);
      await page.close();
    });

    it('shows a loading state on a panel whose answer is slow, while the others are already drawn', async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/admin/api/fairness', async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(`${server.url}/admin#token=${await tokenFor('ops-alice')}`);
      await page.waitForFunction(
        () => document.getElementById('latency')?.getAttribute('aria-busy') === 'false',
      );
      const population = page.locator('#fairness-population');
      expect(await population.getAttribute('aria-busy')).toBe('true');
      expect(await population.locator('.status').textContent()).toBe(
        'Auditing the recommender over every customer (about 10 s the first time, then cached)…',
      );
      expect((await drawnCharts(page))['fairness-population']).toBeNull();
      release();
      await page.waitForFunction(
        () => document.getElementById('fairness-population')?.getAttribute('aria-busy') === 'false',
      );
      expect((await drawnCharts(page))['fairness-population']?.datasets).toHaveLength(3);
      await page.close();
    });

    it('shows a failed computation as text on its own panels, and still draws the others', async () => {
      const token = await tokenFor('ops-alice');
      const page = await openDashboard(`${server.url}/broken-admin#token=${token}`);
      const charts = await drawnCharts(page);
      expect(charts['fairness-population']).toBeNull();
      expect(charts['fairness-logged']).toBeNull();
      expect(await page.locator('#fairness-population .status').textContent()).toMatch(
        /^The population fairness report could not be computed: .*no-such-data/,
      );
      expect(await page.locator('#fairness-population .status').getAttribute('class')).toBe('status error');
      expect(charts['bench-ndcg']?.datasets[0]?.data).toEqual([0.41, 0.44]);
      expect(charts.latency?.datasets[0]?.data).toEqual([200, 1500]);
      await page.close();
    });

    it('at 375 px reflows without horizontal overflow, keeps chart labels inside the chart and words small groups as untestable', async () => {
      const token = await tokenFor('ops-alice');
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      await page.goto(`${server.url}/admin#token=${token}`);
      await page.waitForFunction(
        () =>
          !document.getElementById('dashboard')?.hidden &&
          Array.from(document.querySelectorAll('.panel')).every(
            (panel) => panel.getAttribute('aria-busy') === 'false',
          ),
        undefined,
        { timeout: 45_000 },
      );
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        panelRights: Array.from(document.querySelectorAll('.panel')).map((panel) =>
          Math.round(panel.getBoundingClientRect().right),
        ),
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(375);
      expect(layout.panelRights.every((right) => right <= 375)).toBe(true);

      // Every label line of the fairness chart fits in the width Chart.js gave the label axis.
      const labels = await page.evaluate(() => {
        type ChartLike = {
          ctx: CanvasRenderingContext2D;
          data: { labels: (string | string[])[] };
          scales: { y: { width: number; left: number } };
        };
        const chartGlobal = (
          window as unknown as {
            Chart: { getChart(canvas: HTMLCanvasElement): ChartLike; defaults: { font: { family: string } } };
          }
        ).Chart;
        const chart = chartGlobal.getChart(
          document.getElementById('fairness-population-chart') as HTMLCanvasElement,
        );
        chart.ctx.font = `11px ${chartGlobal.defaults.font.family}`;
        const lines = chart.data.labels.flatMap((label) => (Array.isArray(label) ? label : [label]));
        return {
          widest: Math.max(...lines.map((line) => chart.ctx.measureText(line).width)),
          axisWidth: chart.scales.y.width,
          axisLeft: chart.scales.y.left,
        };
      });
      expect(labels.axisLeft).toBeGreaterThanOrEqual(0);
      expect(labels.widest).toBeLessThanOrEqual(labels.axisWidth);

      const population = await api<PopulationFairnessResponse>('fairness', token);
      const comparisons = overallComparisons(population.report);
      const untestable = comparisons.filter((comparison) => comparison.verdict === 'untestable');
      const outside = comparisons.filter((comparison) => comparison.verdict === 'outside_band');
      // The fixture has small groups (e.g. "Other"), so the untestable wording is really exercised.
      expect(untestable.length).toBeGreaterThan(0);
      const status = await page.locator('#fairness-population .status').textContent();
      expect(status).toContain(
        `${outside.length} of ${comparisons.length - untestable.length} testable comparisons fall outside the 0.8–1.25 band; ${untestable.length} untestable`,
      );
      const rows = await page.locator('#fairness-population table').first().locator('tbody tr').all();
      for (const [index, comparison] of comparisons.entries()) {
        const cells = await rows[index]?.locator('td').allTextContents();
        if (comparison.verdict === 'untestable') {
          expect(cells?.slice(4)).toEqual(['—', 'untestable']);
        } else {
          expect(cells?.[5]).toBe(comparison.verdict === 'outside_band' ? 'outside band' : 'within band');
        }
      }
      const summary = await page.locator('#fairness-population .summary').textContent();
      expect(summary).not.toContain('undefined');
      expect(summary).toContain(
        `Untestable (a group under 30 rows, or none favourable in the reference group): ${untestable
          .map(
            (item) =>
              `${item.unprivileged.group} vs ${item.privileged.group} (n ${item.unprivileged.size}/${item.privileged.size})`,
          )
          .join(', ')}.`,
      );
      // Data bias beside model bias, and the conditional age audit, are in the panel as tables.
      expect(summary).toContain('Data bias vs model bias');
      expect(summary).toContain('Age 18-24 vs 25+ within investment horizon');
      for (const line of await page.locator('.status').allTextContents()) {
        expect(line).not.toContain('`');
        expect(line).not.toMatch(/\/(tmp|home|work|var|Users)\//);
      }
      await page.close();
    });

    it.each([
      [
        'a web user who is not an admin',
        () => tokenFor('web-carol'),
        'Web user "web-carol" is not an admin: only web users with the admin role in the roles file may see analytics.',
      ],
      [
        'an expired token',
        () =>
          signAdminToken({
            userId: 'ops-alice',
            secret: SECRET,
            nowMs: Date.now() - 2 * 3600_000,
            lifetimeSeconds: 600,
          }),
        'The admin token has expired. Open a fresh admin link to sign in again.',
      ],
    ])('refuses %s with the reason and no chart', async (_case, token, message) => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/admin#token=${await token()}`);
      await page.locator('#sign-in').waitFor();
      expect(await page.locator('#sign-in-message').textContent()).toBe(message);
      expect(await page.locator('#dashboard').isHidden()).toBe(true);
      expect(Object.values(await drawnCharts(page))).toEqual(PANELS.map(() => null));
      await page.close();
    });
  },
);

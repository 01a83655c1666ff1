// @ts-check
// The admin dashboard's entry module: takes the admin token from the URL fragment, calls the admin APIs with it
// and hands each answer to its charts (dashboard-charts.js), each with a table of the same numbers beside it
// because a canvas alone says nothing to a screen reader.

import { drawBench, drawFeedback, drawLatency, drawValidator } from './dashboard-charts.js';
import { drawFairness } from './dashboard-fairness.js';
import { destroyCharts, panel, paragraph } from './dashboard-panel.js';
import { drawUnderstanding } from './dashboard-understanding.js';

/**
 * @typedef {import('./dashboard-fairness.js').FairnessReport} FairnessReport
 * @typedef {import('./dashboard-fairness.js').FourFifthsBand} FourFifthsBand
 * @typedef {import('./dashboard-charts.js').BenchRun} BenchRun
 * @typedef {import('./dashboard-charts.js').Operations} Operations
 * @typedef {import('./dashboard-panel.js').Panel} Panel
 */

const TOKEN_KEY = 'finadvisor-admin-token';
// The APIs live beside this module (`<mount>/dashboard.js` → `<mount>/api/…`), wherever the routes are mounted.
const apiUrl = (/** @type {string} */ path) => new URL(`api/${path}`, import.meta.url).toString();

const dashboard = /** @type {HTMLElement} */ (document.getElementById('dashboard'));
const signIn = /** @type {HTMLElement} */ (document.getElementById('sign-in'));
const signInMessage = /** @type {HTMLElement} */ (document.getElementById('sign-in-message'));

/** A refusal of the whole page (401, 403), as opposed to one panel's computation failing. */
class AccessError extends Error {}

/** The token from `#token=…` (moved to this tab's sessionStorage and out of the address bar), or an earlier one. */
function takeToken() {
  const fresh = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fresh) {
    sessionStorage.setItem(TOKEN_KEY, fresh);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function showSignIn(/** @type {string} */ message) {
  destroyCharts();
  dashboard.hidden = true;
  signInMessage.textContent = message;
  signIn.hidden = false;
}

/** GETs one admin API; a refusal of the token ends the session, any other error is the caller's panel's. */
async function fetchJson(/** @type {string} */ token, /** @type {string} */ path) {
  const response = await fetch(apiUrl(path), {
    headers: { Authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  const body = await response.json().catch(() => null);
  if (response.ok) return body;
  const message = body?.error?.message ?? `The server answered ${response.status} ${response.statusText}.`;
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    throw new AccessError(`${message} Open a fresh admin link to sign in again.`);
  }
  if (response.status === 403) throw new AccessError(message);
  throw new Error(message);
}

/**
 * Loads one API into its panels. Each API is its own request, so a slow one (the population audit) leaves the
 * others drawn, and a failing one says why on its own panels only.
 * @template Body
 * @param {string} token
 * @param {string} path
 * @param {Panel[]} targets
 * @param {string} loadingText
 * @param {(body: Body) => void} render
 */
async function load(token, path, targets, loadingText, render) {
  for (const target of targets) target.loading(loadingText);
  try {
    render(await fetchJson(token, path));
  } catch (error) {
    if (error instanceof AccessError) {
      showSignIn(error.message);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    for (const target of targets) target.fail(message);
  }
}

function start() {
  const token = takeToken();
  if (!token) {
    showSignIn('This page needs an admin token, and none was given.');
    return;
  }
  signIn.hidden = true;
  dashboard.hidden = false;
  const panels = {
    population: panel('fairness-population'),
    logged: panel('fairness-logged'),
    ndcg: panel('bench-ndcg'),
    map: panel('bench-map'),
    feedback: panel('feedback'),
    latency: panel('latency'),
    validator: panel('validator'),
  };
  void load(
    token,
    'fairness',
    [panels.population],
    'Auditing the recommender over every customer (about 10 s the first time, then cached)…',
    (/** @type {{ report: FairnessReport, band: FourFifthsBand }} */ body) =>
      drawFairness(panels.population, body.report, body.band),
  );
  /** @typedef {{ noRecommendation: number, unknownCustomer: number, unknownProducts: number }} Skipped */
  /** @typedef {{ report: FairnessReport | null, band: FourFifthsBand, skipped: Skipped }} LoggedFairness */
  void load(
    token,
    'fairness/logged',
    [panels.logged],
    'Auditing the logged replies…',
    (/** @type {LoggedFairness} */ body) => {
      const skipped = `Turns skipped: ${body.skipped.noRecommendation} without a recommendation, ${body.skipped.unknownCustomer} for customers not in the dataset; ${body.skipped.unknownProducts} unknown products ignored.`;
      if (body.report === null) {
        panels.logged.empty(
          'No logged reply recommended anything to a customer in the dataset yet.',
          paragraph(skipped),
        );
      } else drawFairness(panels.logged, body.report, body.band);
    },
  );
  void load(
    token,
    'bench?limit=20',
    [panels.ndcg, panels.map],
    'Reading the saved benchmark runs…',
    (/** @type {{ runs: BenchRun[] }} */ body) => {
      drawBench(panels.ndcg, body.runs, 'ndcgAt5', 'NDCG@5');
      drawBench(panels.map, body.runs, 'mapAt7', 'MAP@7');
    },
  );
  const understanding = panel('understanding');
  void load(token, 'understanding', [understanding], 'Reading the latest understanding run…', (body) =>
    drawUnderstanding(
      understanding,
      /** @type {import('./dashboard-understanding.js').UnderstandingResponse} */ (body),
    ),
  );
  void load(
    token,
    'operations',
    [panels.feedback, panels.latency, panels.validator],
    'Reading the audit log…',
    (/** @type {{ operations: Operations }} */ body) => {
      drawFeedback(panels.feedback, body.operations);
      drawLatency(panels.latency, body.operations);
      drawValidator(panels.validator, body.operations);
    },
  );
}

// Modules run after the document is parsed, so the panels are there.
start();

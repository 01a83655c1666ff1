// @ts-check
// One panel of the admin dashboard (status line, chart, table) and the accessible tables and number formats the
// charts share. Chart.js is the UMD global `window.Chart`, loaded by the page before the modules run.

/** Every chart drawn, so signing out can take them all down. */
const charts = /** @type {{ destroy(): void }[]} */ ([]);

/** Destroys every chart drawn so far (the page is being signed out). */
export function destroyCharts() {
  for (const chart of charts.splice(0)) chart.destroy();
}

/** @typedef {ReturnType<typeof panel>} Panel */

/** One panel of the page: its status line, its chart and its table. */
export function panel(/** @type {string} */ id) {
  const section = /** @type {HTMLElement} */ (document.getElementById(id));
  const status = /** @type {HTMLElement} */ (section.querySelector('.status'));
  const chartBox = /** @type {HTMLElement} */ (section.querySelector('.chart'));
  const canvas = /** @type {HTMLCanvasElement} */ (section.querySelector('canvas'));
  const summary = /** @type {HTMLElement} */ (section.querySelector('.summary'));
  const settle = (/** @type {string} */ text, /** @type {boolean} */ failed) => {
    section.setAttribute('aria-busy', 'false');
    status.textContent = text;
    status.classList.toggle('error', failed);
  };
  return {
    loading(/** @type {string} */ text) {
      section.setAttribute('aria-busy', 'true');
      status.textContent = text;
      chartBox.hidden = true;
    },
    /** Says why there is nothing to chart; no chart is drawn, so no number can be mistaken for data. */
    fail(/** @type {string} */ text) {
      settle(text, true);
    },
    empty(/** @type {string} */ text, /** @type {Node[]} */ ...details) {
      settle(text, false);
      summary.replaceChildren(...details);
    },
    /** Draws the chart; `height` in pixels when the number of bars decides it. */
    draw(
      /** @type {string} */ text,
      /** @type {object} */ config,
      /** @type {{ details?: Node[], height?: number }} */ { details = [], height } = {},
    ) {
      settle(text, false);
      if (height !== undefined) chartBox.style.height = `${height}px`;
      chartBox.hidden = false;
      // @ts-expect-error Chart is the UMD global defined by chart.umd.js
      charts.push(new window.Chart(canvas, config));
      summary.replaceChildren(...details);
    },
  };
}

/** An accessible table: a caption, a header row, then rows of cells (a cell may be `{ text, flagged }`). */
export function table(
  /** @type {string} */ caption,
  /** @type {string[]} */ header,
  /** @type {(string | { text: string, flagged: boolean })[][]} */ rows,
) {
  const element = document.createElement('table');
  element.createCaption().textContent = caption;
  const headRow = element.createTHead().insertRow();
  for (const name of header) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = name;
    headRow.append(cell);
  }
  const body = element.createTBody();
  for (const values of rows) {
    const row = body.insertRow();
    for (const value of values) {
      const cell = row.insertCell();
      if (typeof value === 'string') cell.textContent = value;
      else {
        cell.textContent = value.text;
        if (value.flagged) cell.className = 'flagged';
      }
    }
  }
  return element;
}

export function paragraph(/** @type {string} */ text) {
  const element = document.createElement('p');
  element.textContent = text;
  return element;
}

export const fixed = (/** @type {number | null | undefined} */ value, digits = 3) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);
export const percent = (/** @type {number | null | undefined} */ value) =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;

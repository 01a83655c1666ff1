import { type AdminReport, adminReportText, type ReportSection } from '../core/index.ts';
import { type FactSet, type ReportCard, type Table, type TextBlock, text } from './adaptive-cards.ts';

type ReportElement = TextBlock | FactSet | Table;

/** Table rows shown in Teams (flagged rows come first); the dashboard has the rest. */
export const MAX_TABLE_ROWS_IN_CARD = 8;

/** Where the rest of a report is when the server's public URL is unknown. */
export const DASHBOARD_WITHOUT_URL =
  'The full report is on the admin dashboard at /admin on this server (set PUBLIC_URL to get a button here).';

/**
 * TextBlocks render a Markdown subset and Teams does not honour backslash escapes everywhere, so report text is
 * made inert instead: identifiers' underscores become spaces, emphasis and code marks go, links cannot form.
 */
export function plainCardText(value: string): string {
  return value
    .replace(/_/g, ' ')
    .replace(/[*`]/g, '')
    .replace(/\]\(/g, '] (')
    .replace(/^(\s*)([#>]|\d+\.)\s/gm, '$1');
}

/**
 * `bias` / `bench` as an Adaptive Card: title, headline, each section's figures as a FactSet and its table as a
 * Table, what is not covered yet, and a button to the dashboard; the fallback is the headline, not the report.
 */
export function adminReportCard(report: AdminReport, dashboardUrl?: string): ReportCard {
  const body: ReportElement[] = [
    text(plainCardText(report.title), { weight: 'Bolder', size: 'Medium' }),
    text(plainCardText(report.headline), { weight: 'Bolder' }),
    ...report.sections.flatMap(sectionElements),
  ];
  const missing = report.missing.filter((line) => line.trim().length > 0);
  if (missing.length > 0) {
    body.push(text('Not covered yet', { weight: 'Bolder', separator: true }));
    body.push(text(plainCardText(missing.join(' ')), { color: 'Warning', spacing: 'Small' }));
  }
  if (!dashboardUrl)
    body.push(text(DASHBOARD_WITHOUT_URL, { isSubtle: true, size: 'Small', separator: true }));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: adminReportText(report, dashboardUrl),
    body,
    ...(dashboardUrl
      ? { actions: [{ type: 'Action.OpenUrl', title: 'Open the admin dashboard', url: dashboardUrl }] }
      : {}),
  };
}

function sectionElements(part: ReportSection): ReportElement[] {
  const elements: ReportElement[] = [
    text(plainCardText(part.heading), { weight: 'Bolder', separator: true }),
  ];
  if (part.facts.length > 0) {
    elements.push({
      type: 'FactSet',
      facts: part.facts.map((fact) => ({
        title: plainCardText(fact.label),
        value: plainCardText(fact.value),
      })),
    });
  }
  if (part.table && part.table.rows.length > 0) {
    elements.push(table(part.table.columns, part.table.rows.slice(0, MAX_TABLE_ROWS_IN_CARD)));
    const hidden = part.table.rows.length - MAX_TABLE_ROWS_IN_CARD;
    if (hidden > 0) elements.push(text(`…and ${hidden} more rows on the dashboard.`, { isSubtle: true }));
  }
  const notes = part.notes.filter((note) => note.trim().length > 0);
  if (notes.length > 0) {
    elements.push(text(plainCardText(notes.join(' ')), { isSubtle: true, size: 'Small', spacing: 'Small' }));
  }
  return elements;
}

function table(columns: readonly string[], rows: readonly string[][]): Table {
  const row = (cells: readonly string[], header: boolean) => ({
    type: 'TableRow' as const,
    cells: cells.map((cell) => ({
      type: 'TableCell' as const,
      items: [text(plainCardText(cell), header ? { weight: 'Bolder', size: 'Small' } : { size: 'Small' })],
    })),
  });
  return {
    type: 'Table',
    // The first column names the row (groups, a method, a writer), so it gets the room.
    columns: columns.map((_, index) => ({ width: index === 0 ? 3 : 2 })),
    rows: [row(columns, true), ...rows.map((cells) => row(cells, false))],
    firstRowAsHeaders: true,
    showGridLines: false,
  };
}

import type { types } from '@slack/bolt';
import {
  type AdminReport,
  adminReportText as coreAdminReportText,
  type ReportSection,
} from '../core/index.ts';
import { MAX_BLOCKS, MAX_SECTION_CHARACTERS } from './slack-blocks.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';

type KnownBlock = types.KnownBlock;

/** Slack shows at most ten fields in a section. */
const MAX_FIELDS = 10;
/** Table rows shown in chat (flagged rows come first); the dashboard has the rest. */
export const MAX_TABLE_ROWS_IN_CHAT = 8;
const MAX_HEADER_CHARACTERS = 150;
const MAX_FIELD_CHARACTERS = 2000;

/** Where the rest of a report is: a link when the server's public URL is known, else where to find it. */
export function dashboardPointer(dashboardUrl: string | undefined): string {
  return dashboardUrl
    ? `<${dashboardUrl}|Open the admin dashboard> for every section and chart.`
    : 'The full report is on the admin dashboard at `/admin` on this server (set PUBLIC_URL to get a link here).';
}

/**
 * An admin report (`/bias`, `/bench`) as native Block Kit: header, the headline, each section's figures as fields
 * and its table as one section per row, notes as context, and a pointer to the dashboard — always under 50 blocks.
 */
export function adminReportBlocks(report: AdminReport, dashboardUrl?: string): KnownBlock[] {
  const closing: KnownBlock[] = [];
  if (report.missing.length > 0) {
    closing.push(context(`*Not covered yet:* ${report.missing.map(escapeMrkdwn).join(' ')}`));
  }
  closing.push(context(dashboardPointer(dashboardUrl)));
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(report.title, MAX_HEADER_CHARACTERS) } },
    section(`*${escapeMrkdwn(report.headline)}*`),
  ];
  for (const part of report.sections) {
    const partBlocks = sectionBlocks(part);
    // A section that would push the message past Slack's limit is left to the dashboard.
    if (blocks.length + partBlocks.length + closing.length > MAX_BLOCKS) break;
    blocks.push(...partBlocks);
  }
  return [...blocks, ...closing];
}

/** The notification text beside the blocks: the core's plain-text stand-in, escaped and within a section's limit. */
export function adminReportText(report: AdminReport, dashboardUrl?: string): string {
  return clip(escapeMrkdwn(coreAdminReportText(report, dashboardUrl)), MAX_SECTION_CHARACTERS);
}

function sectionBlocks(part: ReportSection): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'divider' }, section(`*${escapeMrkdwn(part.heading)}*`)];
  for (let start = 0; start < part.facts.length; start += MAX_FIELDS) {
    const fields = part.facts.slice(start, start + MAX_FIELDS).map((fact) => ({
      type: 'mrkdwn' as const,
      text: clip(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, MAX_FIELD_CHARACTERS),
    }));
    blocks.push({ type: 'section', fields });
  }
  if (part.table && part.table.rows.length > 0) {
    const [first, ...rest] = part.table.columns;
    for (const row of part.table.rows.slice(0, MAX_TABLE_ROWS_IN_CHAT)) {
      const fields = rest.slice(0, MAX_FIELDS).map((column, index) => ({
        type: 'mrkdwn' as const,
        text: clip(`*${escapeMrkdwn(column)}*  ${escapeMrkdwn(row[index + 1] ?? '')}`, MAX_FIELD_CHARACTERS),
      }));
      const label = `${escapeMrkdwn(first ?? '')}: *${escapeMrkdwn(row[0] ?? '')}*`;
      blocks.push(fields.length > 0 ? { type: 'section', text: mrkdwn(label), fields } : section(label));
    }
    const hidden = part.table.rows.length - MAX_TABLE_ROWS_IN_CHAT;
    if (hidden > 0) blocks.push(context(`…and ${hidden} more rows on the dashboard.`));
  }
  const notes = part.notes.filter((note) => note.trim().length > 0);
  if (notes.length > 0) blocks.push(context(notes.map(escapeMrkdwn).join('\n')));
  return blocks;
}

function mrkdwn(text: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: clip(text, MAX_SECTION_CHARACTERS) };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [mrkdwn(text)] };
}

/** Cuts at a limit without splitting an entity (`&amp;`) or a surrogate pair. */
function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  const ampersand = text.lastIndexOf('&', end);
  if (ampersand > end - '&amp;'.length && !text.slice(ampersand, end).includes(';')) end = ampersand;
  return `${text.slice(0, end)}…`;
}

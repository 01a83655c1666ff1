import { foldText } from './fold-text.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

const MARKUP: readonly RegExp[] = [
  /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g,
  /<!--/g,
  /!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)/g,
  /```|~~~/g,
  /\b(?:javascript|vbscript|data):[^\s]*/gi,
];
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]+/gi;
const MARKDOWN_LINK = /(?<!!)\[[^\]\n]{0,300}\]\(\s*([^)\s]{1,500})(?:\s[^)]{0,300})?\)/g;

function hostOf(url: string): string | null {
  const host = url
    .replace(/^[a-z]+:\/\//i, '')
    .split(/[/?#:]/)[0]
    ?.toLowerCase()
    .replace(/^www\./, '');
  return host?.includes('.') ? host : null;
}

/** The registrable part of a host ("help.northwindbank.example" → "northwindbank.example"; "bank.co.uk" kept whole). */
function siteOf(host: string): string {
  const labels = host.split('.');
  const keep =
    labels.length >= 3 && (labels.at(-1)?.length ?? 0) === 2 && (labels.at(-2)?.length ?? 0) <= 3 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function allowedSites(texts: readonly string[]): Set<string> {
  const sites = new Set<string>();
  for (const text of texts) {
    for (const match of foldText(text).matchAll(URL)) {
      const host = hostOf(match[0]);
      if (host !== null) sites.add(siteOf(host));
    }
  }
  return sites;
}

/** Plain text only: no HTML or script tags, markdown images, code fences, or links to sites the sources never named. */
export const checkFormat: ReplyCheck = (reply, context) => {
  const text = foldText(reply);
  const issues: ValidationIssue[] = [];
  for (const pattern of MARKUP) {
    for (const match of text.matchAll(pattern)) issues.push({ reason: 'bad_format', text: match[0] });
  }
  const sites = allowedSites([...context.groundingTexts, context.systemPrompt]);
  const links = [
    ...[...text.matchAll(URL)].map((match) => match[0]),
    ...[...text.matchAll(MARKDOWN_LINK)].map((match) => match[1] ?? ''),
  ];
  for (const link of links) {
    const host = hostOf(link);
    if (host !== null && !sites.has(siteOf(host))) issues.push({ reason: 'bad_format', text: link });
  }
  return issues;
};

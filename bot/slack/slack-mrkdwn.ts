/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const BOLD_MARK = '\u0001';

/**
 * Converts the Markdown a model writes into Slack's mrkdwn, escaping first so no text becomes a mention or link:
 * `**bold**` → `*bold*`, `*italic*` → `_italic_`, `# Heading` → `*Heading*`, `- item` → `• item`,
 * `[text](https://…)` → `<https://…|text>`, `~~gone~~` → `~gone~`; code spans are kept as Slack shows them.
 */
export function markdownToMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .split('\n')
    .map((line) => {
      const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
      if (heading?.[1]) return `${BOLD_MARK}${stripEmphasis(heading[1])}${BOLD_MARK}`;
      return line.replace(/^(\s*)[-*+]\s+/, '$1• ').replace(/^(\s*)&gt;\s?/, '$1');
    })
    .join('\n')
    .replace(
      /\[([^\]\n]+)\]\((https?:\/\/[^\s)|]+)\)/g,
      (_match, label: string, url: string) => `<${url}|${label}>`,
    )
    .replace(/\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*/g, `${BOLD_MARK}$1${BOLD_MARK}`)
    .replace(/__(?=\S)([^_\n]+?)(?<=\S)__/g, `${BOLD_MARK}$1${BOLD_MARK}`)
    .replace(/(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])/g, '_$1_')
    .replace(/~~(?=\S)([^~\n]+?)(?<=\S)~~/g, '~$1~')
    .replaceAll(BOLD_MARK, '*');
}

function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, '');
}

/**
 * Keeps to the Markdown subset Teams renders in a TextBlock (bold, italic, lists, links) so nothing shows raw:
 * headings become bold lines, `* item` becomes `- item`, and code spans, strikethrough, quotes and HTML tags
 * (which Teams prints literally) lose their marks.
 */
export function markdownForTextBlock(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
      if (heading?.[1]) return `**${heading[1].replace(/\*\*|__/g, '')}**`;
      return line
        .replace(/^(\s*)[*+]\s+/, '$1- ')
        .replace(/^(\s*)>\s?/, '$1')
        .replace(/^\s*([-*_])(\s*\1){2,}\s*$/, '');
    })
    .join('\n')
    .replace(/`+([^`\n]*)`+/g, '$1')
    .replace(/~~([^~\n]+)~~/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

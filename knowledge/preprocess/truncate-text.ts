/**
 * Shortens text to at most `limit` characters, cutting at a word boundary where one is near and
 * marking the cut with "…". Text that already fits is returned unchanged.
 */
export function truncateAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  if (limit < 1) return '';
  const cut = text.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  // Only back up to a space when that keeps most of the room; one long word is cut mid-word.
  const kept = lastSpace >= limit / 2 ? cut.slice(0, lastSpace) : cut;
  return `${kept.trimEnd()}…`;
}

// @ts-check
// Transcript: a plain-text file made here in the browser from what the customer sees.
import { typeLabelOf } from './widget-cards.js';
import { el } from './widget-dom.js';

/**
 * Downloads the conversation as `conversation-YYYY-MM-DD.txt`, headed and labelled in the widget's language.
 * @param {import('./widget-storage.js').Entry[]} entries @param {(key: string) => string} say @param {string} language
 */
export function downloadTranscript(entries, say, language) {
  const lines = [say('transcriptTitle'), new Date().toLocaleString(language), ''];
  for (const { question, reply } of entries) {
    lines.push(`${say('transcriptYou')}: ${question}`, '', `${say('transcriptAssistant')}: ${reply.text}`);
    if (reply.products.length > 0) {
      lines.push('', `${say('transcriptProducts')}:`);
      for (const product of reply.products) {
        const typeLabel = typeLabelOf(product);
        lines.push(`- ${product.name}${typeLabel ? ` (${typeLabel})` : ''}`);
      }
    }
    lines.push('', '');
  }
  const file = new Blob([lines.join('\n')], { type: 'text/plain;charset=utf-8' });
  const link = el('a', '', {
    href: URL.createObjectURL(file),
    download: `conversation-${new Date().toISOString().slice(0, 10)}.txt`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

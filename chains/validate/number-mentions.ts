import { type NumberReading, readNumber } from './normalise-number.ts';

/** A figure found in text: money, a percentage, or a plain number. */
export interface NumberMention {
  text: string;
  index: number;
  kind: 'money' | 'percent' | 'plain';
  reading: NumberReading;
}

const MENTION =
  /(?<![\w.,$€£])(?<currency>(?:US\$|\$|€|£|USD ?)\s?)?(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<scale>k|K|mn|bn|m|M|thousand|million|billion)(?![A-Za-z]))?(?<unit>\s?%|\s?percent(?![A-Za-z])|\s?per cent(?![A-Za-z])|\s?dollars?(?![A-Za-z])|\s?USD(?![A-Za-z]))?(?![A-Za-z\d])/g;

/**
 * Every figure in `text`, with its value and written precision: "$1,200", "$1.2k", "1,200 dollars", "4.5%",
 * "4.5 percent", "24.99 APR" (the number), "15 years" (the number).
 */
export function findNumberMentions(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const reading = readNumber(match[0]);
    if (reading === null) continue;
    const unit = (match.groups?.unit ?? '').trim().toLowerCase();
    const isMoney = match.groups?.currency !== undefined || unit.startsWith('dollar') || unit === 'usd';
    const isPercent = unit === '%' || unit.startsWith('per');
    mentions.push({
      text: match[0].trim(),
      index: match.index,
      kind: isMoney ? 'money' : isPercent ? 'percent' : 'plain',
      reading,
    });
  }
  return mentions;
}

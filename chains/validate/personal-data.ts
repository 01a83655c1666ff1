/** A piece of contact or identity data found in text. */
export interface PersonalDataMatch {
  start: number;
  end: number;
  text: string;
  kind: 'email' | 'phone' | 'ssn' | 'iban' | 'card_or_account';
}

const PATTERNS: ReadonlyArray<{
  kind: PersonalDataMatch['kind'];
  pattern: RegExp;
  accept?: (text: string) => boolean;
}> = [
  {
    kind: 'email',
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  },
  { kind: 'ssn', pattern: /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g },
  {
    kind: 'ssn',
    pattern: /\b(?:SSN|social security(?: number)?)\s*(?:is|:|#|no\.?)?\s*\d{3}[ -]?\d{2}[ -]?\d{4}\b/gi,
  },
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b/g },
  {
    kind: 'phone',
    pattern:
      /(?<![\w+$.,/-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ .-]\d{2,5}){1,4}(?![\w%]|[.,]\d)/g,
    accept: (text) => {
      const digits = text.replace(/\D/g, '').length;
      return digits >= 10 && digits <= 13 && (text.startsWith('+') || digits <= 11 || /[().]/.test(text));
    },
  },
  {
    kind: 'card_or_account',
    pattern: /(?<![\w.,$-])\d(?:[ -]?\d){8,18}(?![\w%]|[.,]\d)/g,
    accept: (text) => {
      const digits = text.replace(/\D/g, '').length;
      return digits >= 12 || !/[ -]/.test(text);
    },
  },
  {
    kind: 'card_or_account',
    pattern:
      /\b(?:account|acct|sort code|routing)(?: number| no\.?| #)?\s*(?:is|:|#)?\s*\d[\d -]{4,30}\d\b/gi,
  },
];

/** Emails, phone numbers, SSNs, IBANs and card or account numbers in `text`, longest first where they overlap. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const { kind, pattern, accept } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (accept !== undefined && !accept(match[0])) continue;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      found.push({ start, end, text: match[0], kind });
    }
  }
  return found.sort((first, second) => first.start - second.start);
}

/** A comparable form of a piece of personal data: digits only for numbers, lower case for emails. */
export function personalDataKey(match: PersonalDataMatch): string {
  return match.kind === 'email'
    ? match.text.toLowerCase()
    : match.text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

import { findPromptOverlaps } from './check-system-prompt-echo.ts';
import { foldText } from './fold-text.ts';
import { findInjectedInstructions } from './injected-instructions.ts';
import { isNegatedBefore } from './negation-window.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

/**
 * What an obeyed injection looks like whoever asked: a chat reply never approves, moves money, drops its rules,
 * becomes another persona or hands over its prompt.
 */
export const COMPLIANCE_MARKERS: readonly RegExp[] = [
  /\byou(?:'re|\s+are|'ve\s+been|\s+have\s+been)\s+(?:now\s+|officially\s+|fully\s+)?(?:pre-?)?approved\b/gi,
  /\byour\s+(?:loan|application|mortgage|card|credit|limit|request|overdraft|increase|claim|refund)(?:\s+(?:application|request|increase|limit))?\s+(?:has\s+been|is|was)\s+(?:now\s+|officially\s+)?(?:approved|granted|accepted)\b/gi,
  /\bi(?:'ve|\s+have|\s+just)\s+(?:\w+\s+)?(?:approved|authori[sz]ed|granted)\b/gi,
  /\bi(?:'ll|\s+will|\s+can|\s+am\s+going\s+to|'m\s+going\s+to)\s+(?:now\s+|go\s+ahead\s+and\s+)?(?:approve|authori[sz]e)\b/gi,
  /\b(?:approval|authori[sz]ation)\s+(?:is\s+|has\s+been\s+)?(?:granted|confirmed)\b/gi,
  /\bi(?:'ve|\s+have|\s+just)\s+(?:\w+\s+)?(?:transferred|wired|moved|sent|paid|initiated|processed|scheduled)\s+(?:the\s+|your\s+|a\s+|all\s+)?(?:[$€£]|\d|money|funds|payment|transfer|amount|balance|everything)/gi,
  /\bi(?:'ll|\s+will|\s+am|'m)\s+(?:now\s+)?(?:going\s+to\s+)?(?:transfer|transferring|wire|wiring|move|moving|send|sending)\s+(?:the\s+|your\s+|all\s+)?(?:[$€£]|\d|money|funds|payment|amount|balance|everything)/gi,
  /\b(?:the\s+|your\s+)?(?:transfer|payment|wire)\s+(?:has\s+been|is|was)\s+(?:now\s+)?(?:completed?|done|processed|initiated|made|sent|successful|on\s+its\s+way)\b/gi,
  /\btransfer\s+(?:complete|completed|successful|done)\b|\bfunds\s+have\s+been\s+(?:sent|transferred|moved|released)\b/gi,
  /\bi(?:'ll|\s+will|\s+am\s+going\s+to|'m\s+going\s+to|\s+can|'m\s+now|\s+am\s+now)\s+(?:now\s+)?(?:ignore|ignoring|disregard|disregarding|forget|bypass|override)\s+(?:all\s+)?(?:my|the|your|any|previous|prior|those|these)\b/gi,
  /\bignoring\s+(?:all\s+)?(?:my|previous|prior|the)\s+(?:rules|instructions|guidelines|restrictions)\b/gi,
  /\bi\s+(?:have|'ve)\s+no\s+(?:rules|restrictions|filters|limits|guidelines)\b|\b(?:rules|restrictions|filters|guidelines)\s+(?:no\s+longer|don't)\s+apply\b/gi,
  /\bi(?:'m|\s+am)\s+(?:now\s+)?(?:free|unrestricted|unfiltered|jailbroken|unchained|unlocked)\b|\bjailbr(?:oken|eak\s+mode)\b/gi,
  /\bdeveloper\s+mode\s+(?:enabled|activated|on)\b|\bdo\s+anything\s+now\b/gi,
  /\b(?:here\s+(?:is|are)|here's|below\s+(?:is|are))\s+(?:my|the)\s+(?:full\s+|complete\s+|original\s+|hidden\s+|secret\s+|system\s+)*(?:prompt|instructions|rules|guidelines)\b/gi,
  /\bmy\s+(?:system\s+)?(?:prompt|instructions)\s+(?:is|are|reads?|was|were)\s*:/gi,
];
/** "DAN" and similar jailbreak personas are written in capitals; "Dan" the name is not one. */
const SHOUTED_PERSONA = /\b(?:DAN|STAN|DUDE|AIM)\b/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replies that comply with an instruction injected into customer text, or that claim what only an injection would. */
export const checkObeyedInjection: ReplyCheck = (reply, context) => {
  const text = foldText(reply);
  const issues: ValidationIssue[] = [];
  const spans: Array<{ start: number; end: number }> = [];
  const flag = (start: number, matched: string): void => {
    const end = start + matched.length;
    if (spans.some((span) => start < span.end && span.start < end)) return;
    spans.push({ start, end });
    issues.push({ reason: 'obeyed_injection', text: matched });
  };
  for (const pattern of [...COMPLIANCE_MARKERS, SHOUTED_PERSONA]) {
    for (const match of text.matchAll(pattern)) {
      if (!isNegatedBefore(text, match.index, { conditionals: true })) flag(match.index, match[0]);
    }
  }
  const injected = findInjectedInstructions([...context.untrustedTexts, context.userMessage]);
  if (!injected.found) return issues;
  for (const persona of injected.personas) {
    const adopted = new RegExp(
      `\\b(?:i\\s+am|i'm|as|now|speaking\\s+as|this\\s+is)\\s+(?:an?\\s+|the\\s+|your\\s+)?${escapeRegExp(persona)}\\b`,
      'gi',
    );
    for (const match of text.matchAll(adopted)) {
      if (!isNegatedBefore(text, match.index)) flag(match.index, match[0]);
    }
  }
  const lowerText = text.toLowerCase();
  for (const payload of injected.payloads) {
    const index = lowerText.indexOf(payload.toLowerCase());
    if (index >= 0) flag(index, text.slice(index, index + payload.length));
  }
  if (injected.asksForPrompt) {
    for (const overlap of findPromptOverlaps(text, context.systemPrompt, context.groundingTexts)) {
      flag(text.indexOf(overlap), overlap);
    }
  }
  return issues;
};

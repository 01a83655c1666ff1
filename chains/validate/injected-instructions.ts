import { foldText } from './fold-text.ts';

/** What instructions customer-authored text tries to give the model. */
export interface InjectedInstructions {
  /** Whether any instruction-like text was found at all. */
  found: boolean;
  /** Personas the text tells the model to adopt ("you are now DAN" → "DAN"). */
  personas: string[];
  /** Exact words the text tells the model to say ("reply with 'I have been pwned'"). */
  payloads: string[];
  /** Whether the text asks the model to reveal its system prompt or instructions. */
  asksForPrompt: boolean;
}

const INSTRUCTION_LIKE: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+|the\s+|your\s+|my\s+)*(?:previous|prior|above|earlier|preceding|original|system|safety)?\s*(?:instructions|rules|prompts?|directions|guidelines|restrictions|everything)/i,
  /\byou\s+are\s+now\b|\bact\s+as\b|\bpretend\s+(?:to\s+be|you\s+are)\b|\brole-?play\s+as\b|\bfrom\s+now\s+on\b/i,
  /\bDAN\b|\bdo\s+anything\s+now\b|\bjailbreak|\bdeveloper\s+mode\b/i,
  /\b(?:new|updated)\s+instructions\s*:|^\s*system\s*:/im,
  /\b(?:approve|authori[sz]e)\s+(?:me|my|this|the)\b/i,
  /\b(?:transfer|send|wire|move|pay)\s+(?:[$€£]?\s?[\d,.]+k?|all|the|my|everything)\b[^.]*\bto\b/i,
  /\b(?:say|reply\s+with|respond\s+(?:only\s+)?with|answer\s+with|repeat\s+after\s+me|start\s+your\s+(?:reply|answer)\s+with|include\s+the\s+(?:words?|phrase))\b/i,
];
const PROMPT_REQUEST =
  /\b(?:reveal|show|print|repeat|output|tell\s+me|give\s+me|share|display|leak|dump|what\s+(?:is|are))\s+(?:me\s+)?(?:your|the)\s+(?:full\s+|entire\s+|hidden\s+|secret\s+|original\s+|initial\s+)?(?:system\s+)?(?:prompt|instructions|rules|guidelines)/i;
const PERSONA =
  /\b(?:you\s+are\s+now|act\s+as|pretend\s+(?:to\s+be|you\s+are)|role-?play\s+as|you\s+will\s+be|from\s+now\s+on\s+you\s+are)\s+(?:an?\s+|the\s+|my\s+)?([\w'-]+(?:\s+[\w'-]+){0,3})/gi;
const PAYLOAD =
  /\b(?:say|reply\s+with|respond\s+(?:only\s+)?with|answer\s+with|repeat\s+after\s+me|start\s+your\s+(?:reply|answer)\s+with|include\s+the\s+(?:words?|phrase))\s*:?\s*["']([^"'\n]{6,120})["']/gi;
/** Personas the bot has anyway; an injection asking for them changes nothing. */
const OWN_ROLE = /advis|assistant|helpful|banker|planner/i;
const STOP_AFTER_PERSONA = /\s+(?:and|who|that|with|without|which|so|to|for|in)\b.*$/i;

/** Reads the instructions that customer-authored text (posts, the user's message) tries to give the model. */
export function findInjectedInstructions(texts: readonly string[]): InjectedInstructions {
  const result: InjectedInstructions = { found: false, personas: [], payloads: [], asksForPrompt: false };
  for (const raw of texts) {
    const text = foldText(raw);
    if (INSTRUCTION_LIKE.some((pattern) => pattern.test(text))) result.found = true;
    if (PROMPT_REQUEST.test(text)) {
      result.found = true;
      result.asksForPrompt = true;
    }
    for (const match of text.matchAll(PERSONA)) {
      const persona = (match[1] ?? '').replace(STOP_AFTER_PERSONA, '').trim();
      if (persona.length >= 2 && !OWN_ROLE.test(persona)) result.personas.push(persona);
    }
    for (const match of text.matchAll(PAYLOAD)) {
      const payload = (match[1] ?? '').trim();
      if (payload.length >= 6) result.payloads.push(payload);
    }
  }
  return result;
}

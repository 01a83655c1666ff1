import type { PromissoryPattern } from './promissory-patterns.ts';

/**
 * Certainty said with an idiom rather than "guaranteed": sales talk a compliance list names ("a done deal",
 * "a one-way bet", "todsicher", "se lo prometo"), certain forecasts of markets and rates, and promised wealth.
 * The check drops a match inside a denial or warning, as for every pattern.
 */

/** No German or Spanish negation word in the three words before ("keine Anlage ist risikofrei"). */
const NOT_DENIED_DE_ES = String.raw`(?<!\b(?:kein\w*|nicht|nie|niemals|no|nunca|ning[uú]n\w*|nada|nadie)\s+(?:[\wäöüßáéíóúñ]+\s+){0,3})`;
const MARKET = String.raw`(?:the\s+)?(?:markets?|stocks?|shares|prices?|rates?|interest\s+rates|house\s+prices|property\s+prices|bitcoin|gold|the\s+\w+(?:\s+\d+)?(?:\s+index)?)`;
const MOVE = String.raw`(?:crash|rise|fall|go\s+up|go\s+down|soar|skyrocket|double|drop|collapse|climb|rocket|recover|bounce\s+back)`;

const phrase = (source: string): RegExp => new RegExp(source, 'gi');

/** The idioms, in English, German and Spanish. */
export const CERTAINTY_IDIOMS: readonly PromissoryPattern[] = [
  {
    label: 'certainty idiom',
    pattern: phrase(
      String.raw`\b(?:a\s+)?done\s+deal\b|\bone-?way\s+bet\b|\bno\s+ifs,?\s+(?:or|and)\s+buts\b|\bslam\s+dunk\b|\bdead\s+cert\b|\bsafe\s+as\s+houses\b|\bcan(?:'t|not)\s+(?:possibly\s+)?fail\b|\bit\s+would\s+take\s+a\s+miracle\b|\beasy\s+money\b|\bto\s+the\s+moon\b|\bno-lose\b|\bthat's\s+a\s+promise\b`,
    ),
  },
  {
    label: 'certain forecast',
    pattern: phrase(
      String.raw`\b${MARKET}\s+(?:is|are)\s+going\s+to\s+${MOVE}\b|\b${MARKET}\s+(?:are|is|will\s+be|will)\s+(?:going\s+)?(?:up|down|${MOVE})\b[^.!?;]{0,30}\bfor\s+sure\b`,
    ),
  },
  {
    label: 'promised wealth',
    pattern: phrase(
      String.raw`\b(?:(?:'re|are|is|'s)\s+going\s+to|will|you'll)\s+be\s+(?:very,?\s+)*(?:rich|wealthy|a\s+millionaire|millionaires)\b|\b(?:the|your)\s+(?:mortgage|loan|card|credit)\s+is\s+yours\b`,
    ),
  },
  {
    label: 'certainty idiom (German)',
    pattern: phrase(
      String.raw`\btodsicher\w*|\bbombensicher\b|\bkann\s+(?:gar\s+|überhaupt\s+)?nichts\s+schief(?:gehen|laufen)\b|\bdarauf\s+können\s+sie\s+sich\s+verlassen\b|${NOT_DENIED_DE_ES}\b(?:null\s+risiko|risikolos|risikofrei)\b|\bein\s+risiko\s+gibt\s+es\s+(?:[\wäöüß]+\s+){0,4}nicht\b|\bverlier\w*\s+(?:[\wäöüß]+\s+){0,2}nie(?:mals)?\s+(?:an\s+)?wert\b|\bverdoppeln\s+sie\s+ihr\s+geld\b|\bschlägt\s+den\s+markt\s+jedes\s+jahr\b|\bdie\s+zinsen\s+(?:sinken|steigen|fallen)\s+(?:nächste[nrs]?\s+\w+|morgen|bald|sicher|garantiert)\b`,
    ),
  },
  {
    label: 'certainty idiom (Spanish)',
    pattern: phrase(
      String.raw`\b(?:va|van)\s+a\s+(?:subir|bajar|dispararse|duplicarse|caer)\s+(?:[\wáéíóúñ]+\s+){0,2}seguro\b|\bseguro\s+que\s+(?:sube|subir[aá]|va\s+a\s+subir)\b|\b(?:se|te)\s+lo\s+(?:prometo|garantizo|aseguro)\b|${NOT_DENIED_DE_ES}\b(?:riesgo\s+cero|cero\s+riesgo|sin\s+ning[uú]n\s+riesgo)\b|\bdinero\s+f[aá]cil\b|\bes\s+cuesti[oó]n\s+de\s+tiempo\b|\b(?:se\s+har[aá]|ser[aá]s?)\s+(?:usted\s+)?millonari[oa]s?\b|\bapuesta\s+segura\b`,
    ),
  },
];

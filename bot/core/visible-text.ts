/** Whitespace, control and format characters (zero-width spaces and joiners, BOM, bidi marks): nothing to read. */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Z}\u115F\u1160\u3164\uFFA0]/gu;

/** Whether a message has anything a person could read once whitespace and invisible characters are removed. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/**
 * "a" or "an" before a whole number as it is read aloud: "an 8-year", "an 11-year", "an 18-year", "an 80-year"
 * but "a 1-year", "a 10-year", "a 110-year"; what matters is the sound of the leading group of three digits.
 * @example `${articleFor(11)} 11-year horizon` // "an 11-year horizon"
 */
export function articleFor(count: number): 'a' | 'an' {
  const digits = String(Math.trunc(Math.abs(count)));
  const leadingGroup = Number(digits.slice(0, ((digits.length - 1) % 3) + 1));
  if (leadingGroup === 11 || leadingGroup === 18) return 'an';
  return String(leadingGroup).startsWith('8') ? 'an' : 'a';
}

import { describe, expect, it } from 'vitest';
import { intentText } from '../../../chains/understand/intent-text.ts';

describe('intentText', () => {
  it.each([
    ['what should I offer C-000010?', 'what should I offer this customer?'],
    ['Compare c-42424 and C-000001', 'Compare this customer and this customer'],
    ['My card C-1 is blocked', 'My card C-1 is blocked'],
    ['ABC-000123 is a reference', 'ABC-000123 is a reference'],
    ['no customer here', 'no customer here'],
  ])('%j → %j', (message, expected) => {
    expect(intentText(message)).toBe(expected);
  });
});

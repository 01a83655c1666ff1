import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadLanguageIdentifier } from '../../../chains/understand/detect-language.ts';
import { fastTextText } from '../../../knowledge/classifier/index.ts';
import { intentDefinition } from '../../../knowledge/intents/index.ts';

// The German and Spanish training examples and their held-out validation files (engineer L's part of
// contract 3), read as the trainer and the evaluation read them.
const FOLDER = new URL('../../../knowledge/intents/examples/', import.meta.url);
const EVERYDAY = [
  'card_arrival',
  'lost_or_stolen_card',
  'pin_blocked',
  'change_pin',
  'activate_my_card',
  'declined_card_payment',
  'pending_transfer',
  'failed_transfer',
  'transfer_timing',
  'exchange_rate',
  'request_refund',
  'refund_not_showing_up',
  'card_payment_not_recognised',
  'compromised_card',
  'top_up_failed',
  'terminate_account',
  'edit_personal_details',
  'verify_my_identity',
  'atm_support',
  'cash_withdrawal_charge',
  'card_not_working',
  'contactless_not_working',
  'transaction_charged_twice',
  'apple_pay_or_google_pay',
  'getting_virtual_card',
];
const ADVISOR = [
  'product_recommendation',
  'own_finances',
  'financial_education',
  'fraud_or_scam',
  'small_talk',
  'human_handoff',
  'complaint',
  'out_of_scope',
];

interface Example {
  text: string;
  intent: string;
}

async function readExamples(file: string): Promise<{ raw: string; rows: Example[] }> {
  const raw = await readFile(new URL(file, FOLDER), 'utf8');
  const rows: Example[] = parse(raw, { columns: true, skip_empty_lines: true });
  return { raw, rows };
}

function countByIntent(rows: readonly Example[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.intent, (counts.get(row.intent) ?? 0) + 1);
  return counts;
}

for (const language of ['de', 'es']) {
  describe(`${language}.csv and validation/${language}.csv`, () => {
    it('are UTF-8 with LF line ends and the header text,intent', async () => {
      for (const file of [`${language}.csv`, `validation/${language}.csv`]) {
        const { raw } = await readExamples(file);
        expect(raw.startsWith('text,intent\n'), file).toBe(true);
        expect(raw.includes('\r'), file).toBe(false);
        expect(raw.includes('\uFFFD'), file).toBe(false);
      }
    });

    it('use only taxonomy intents and cover the everyday and advisor intents: ≥ 10 to train on, ≥ 5 held out', async () => {
      const training = countByIntent((await readExamples(`${language}.csv`)).rows);
      const validation = countByIntent((await readExamples(`validation/${language}.csv`)).rows);
      const unknown = [...training.keys(), ...validation.keys()].filter(
        (intent) => !intentDefinition(intent),
      );
      expect(unknown).toEqual([]);
      const thin = [...EVERYDAY, ...ADVISOR].filter(
        (intent) => (training.get(intent) ?? 0) < 10 || (validation.get(intent) ?? 0) < 5,
      );
      expect(thin).toEqual([]);
    });

    it('hold out different wording: no validation text is a training text, and no text appears twice', async () => {
      const training = (await readExamples(`${language}.csv`)).rows.map((row) => fastTextText(row.text));
      const validation = (await readExamples(`validation/${language}.csv`)).rows.map((row) =>
        fastTextText(row.text),
      );
      const trainingSet = new Set(training);
      expect(validation.filter((text) => trainingSet.has(text))).toEqual([]);
      expect(training.length - trainingSet.size).toBe(0);
      expect(validation.length - new Set(validation).size).toBe(0);
    });

    it(`are mostly recognised as ${language} by the language detector (≥ 90%)`, async () => {
      const detector = await loadLanguageIdentifier();
      const { rows } = await readExamples(`${language}.csv`);
      const recognised = rows.filter((row) => detector.detect(row.text).language === language).length;
      expect(recognised / rows.length).toBeGreaterThanOrEqual(0.9);
    });
  });
}

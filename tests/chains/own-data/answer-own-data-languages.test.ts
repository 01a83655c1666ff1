import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedText } from '../../../chains/compose/fixed-texts.ts';
import { answerOwnData, type OwnDataAnswer } from '../../../chains/own-data/index.ts';
import { type ValidationContext, validateReply } from '../../../chains/validate/index.ts';
import { generateDataset } from '../../../knowledge/generate/index.ts';
import { type ProfileRecord, parseProfileRecord } from '../../../knowledge/index.ts';
import { buildCustomerProfiles, loadDataset } from '../../../knowledge/preprocess/index.ts';
import { serializeProfileRecord } from '../../../knowledge/profile-record.ts';

/** A transactions.csv row as the file has it: every field text. */
interface CsvTransaction {
  customer_id: string;
  date: string;
  amount: string;
  category: string;
}

let scratch: string;
let records: Map<string, ProfileRecord>;
let rows: CsvTransaction[];

/** Expected whole cents, summed straight from the CSV rows: a different code path from the record's. */
function csvCents(customerId: string, keep: (row: CsvTransaction) => boolean): number {
  return rows
    .filter((row) => row.customer_id === customerId && keep(row))
    .reduce((sum, row) => sum + Math.round(Number(row.amount) * 100), 0);
}

const money = (cents: number): string =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function recordOf(customerId: string): ProfileRecord {
  const record = records.get(customerId);
  if (!record) throw new Error(`no record for ${customerId}`);
  return record;
}

/** The first customer with dining spending in June 2026 (the last month of the generated data). */
function diner(): string {
  const id = [...records.keys()].find((customerId) =>
    rows.some(
      (row) => row.customer_id === customerId && row.category === 'dining' && row.date.startsWith('2026-06'),
    ),
  );
  if (!id) throw new Error('the seeded dataset has no June 2026 dining');
  return id;
}

function validation(record: ProfileRecord, question: string, answer: OwnDataAnswer): ValidationContext {
  return {
    customer: record.customer,
    customerFigures: answer.figures,
    catalog: [],
    recommendedProductIds: [],
    groundingTexts: [],
    systemPrompt: 'You are a bank assistant.',
    userMessage: question,
    untrustedTexts: [],
    otherPeopleNames: [],
  };
}

// After the data ends (30 June 2026), as when the demo runs today.
const DECEMBER = new Date('2026-12-10T12:00:00Z');

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'own-data-languages-'));
  await generateDataset({ customers: 40, seed: 11, outDir: scratch });
  const dataset = await loadDataset(scratch);
  records = new Map(
    buildCustomerProfiles(dataset).map((profile) => [
      profile.customer.customer_id,
      parseProfileRecord(serializeProfileRecord(profile), profile.customer.customer_id),
    ]),
  );
  rows = parse(await readFile(path.join(scratch, 'transactions.csv'), 'utf8'), { columns: true });
}, 60_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('own-data answers in the customer’s language, figures exactly as in English', () => {
  it('a German question about last month’s dining gets the German sentence with the exact CSV total', () => {
    const id = diner();
    const question = 'Wie viel habe ich letzten Monat für Restaurants ausgegeben?';
    const answer = answerOwnData(question, recordOf(id), {
      audience: 'customer',
      language: 'de',
      now: DECEMBER,
    });
    const expected = csvCents(id, (row) => row.category === 'dining' && row.date.startsWith('2026-06'));
    expect(answer?.text).toBe(
      `Im Juni 2026 (dem letzten vollständigen Monat Ihrer Daten) haben Sie ${money(expected)} für Restaurants und Cafés ausgegeben.`,
    );
    expect(answer?.figures).toContain(expected / 100);
    if (answer)
      expect(validateReply(answer.text, validation(recordOf(id), question, answer)).issues).toEqual([]);
  });

  it('the same question from an advisor names the customer by id in German', () => {
    const id = diner();
    const answer = answerOwnData(
      'Wie viel hat der Kunde letzten Monat für Restaurants ausgegeben?',
      recordOf(id),
      {
        audience: 'advisor',
        language: 'de',
        now: DECEMBER,
      },
    );
    const expected = csvCents(id, (row) => row.category === 'dining' && row.date.startsWith('2026-06'));
    expect(answer?.text).toBe(
      `Im Juni 2026 (dem letzten vollständigen Monat der Daten des Kunden ${id}) hat der Kunde ${id} ${money(expected)} für Restaurants und Cafés ausgegeben.`,
    );
  });

  it('a Spanish question about this year’s spending totals it up to where the records end, with the average', () => {
    const id = [...records.keys()][5] ?? '';
    const question = '¿Cuánto he gastado este año?';
    const answer = answerOwnData(question, recordOf(id), {
      audience: 'customer',
      language: 'es',
      now: DECEMBER,
    });
    const expected = csvCents(id, (row) => row.date.startsWith('2026-'));
    expect(
      answer?.text.startsWith(
        `En 2026, hasta el 30 de junio de 2026, donde terminan sus registros, usted gastó ${money(expected)} en total, ${money(Math.round(expected / 6))} al mes de media. Las partidas más grandes fueron `,
      ),
    ).toBe(true);
    if (answer)
      expect(validateReply(answer.text, validation(recordOf(id), question, answer)).issues).toEqual([]);
  });

  it('a German question about groceries over the last three months names the months in German', () => {
    const id = [...records.keys()][3] ?? '';
    const question = 'Was habe ich in den letzten 3 Monaten für Lebensmittel ausgegeben?';
    const answer = answerOwnData(question, recordOf(id), {
      audience: 'customer',
      language: 'de',
      now: DECEMBER,
    });
    const expected = csvCents(id, (row) => row.category === 'groceries' && /^2026-0[456]/.test(row.date));
    expect(answer?.text).toMatch(/^Von April 2026 bis Juni 2026 \(/);
    expect(answer?.text).toContain(`haben Sie ${money(expected)} für Lebensmittel ausgegeben`);
    if (answer)
      expect(validateReply(answer.text, validation(recordOf(id), question, answer)).issues).toEqual([]);
  });

  it('an English question in a German conversation is answered in German, with the same figures as in English', () => {
    const id = diner();
    const english = answerOwnData('What are my recurring payments?', recordOf(id), {
      audience: 'customer',
      now: DECEMBER,
    });
    const german = answerOwnData('What are my recurring payments?', recordOf(id), {
      audience: 'customer',
      language: 'de',
      now: DECEMBER,
    });
    expect(german?.topic).toBe('recurring');
    expect(german?.text).toMatch(
      /^Ihre Daten \(Januar 2025 bis 30\. Juni 2026\) zeigen \d+ laufende regelmäßige Zahlung/,
    );
    expect([...(german?.figures ?? [])].sort()).toEqual([...(english?.figures ?? [])].sort());
  });

  it('English answers are unchanged by the language option', () => {
    const id = diner();
    const question = 'How much did I spend on dining last month?';
    const plain = answerOwnData(question, recordOf(id), { audience: 'customer', now: DECEMBER });
    const english = answerOwnData(question, recordOf(id), {
      audience: 'customer',
      language: 'en',
      now: DECEMBER,
    });
    expect(english).toEqual(plain);
  });
});

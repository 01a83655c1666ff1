import type { z } from 'zod';
import { SPEND_CATEGORIES, type SpendCategory, type TransactionRow } from '../schemas.ts';
import { gaussian, pick, pickWeighted, type Random, randomInt } from '../seeded-random.ts';
import type { FinancialNeed, GeneratedCustomer, LifeStage } from './hidden-traits.ts';
import {
  CHILD_EDUCATION_MERCHANTS,
  MERCHANTS_BY_CATEGORY,
  MORTGAGE_MERCHANTS,
  OWNER_COST_MERCHANTS,
  RENT_MERCHANTS,
} from './merchants.ts';
import { isoDateOfDay, TIMELINE_MONTHS } from './timeline.ts';

/** One transactions.csv row as text, keyed by column. */
export type TransactionCsvRow = z.input<typeof TransactionRow>;

type Weights = Record<SpendCategory, number>;

/** Typical single purchase: median in USD at $60k income, log-normal spread, income elasticity. */
const PURCHASE_SIZE: Readonly<Record<SpendCategory, { median: number; spread: number; elasticity: number }>> =
  {
    groceries: { median: 135, spread: 0.45, elasticity: 0.35 },
    dining: { median: 48, spread: 0.6, elasticity: 0.6 },
    travel: { median: 650, spread: 0.8, elasticity: 0.8 },
    transport: { median: 55, spread: 0.6, elasticity: 0.3 },
    utilities: { median: 165, spread: 0.15, elasticity: 0.25 },
    housing: { median: 1_500, spread: 0, elasticity: 0.7 },
    healthcare: { median: 70, spread: 0.9, elasticity: 0.2 },
    education: { median: 180, spread: 1, elasticity: 0.3 },
    entertainment: { median: 35, spread: 0.6, elasticity: 0.4 },
    shopping: { median: 85, spread: 0.8, elasticity: 0.6 },
    electronics: { median: 220, spread: 0.8, elasticity: 0.5 },
    sports: { median: 55, spread: 0.6, elasticity: 0.4 },
    childcare: { median: 650, spread: 0.4, elasticity: 0.3 },
    gifts: { median: 60, spread: 0.7, elasticity: 0.5 },
    subscriptions: { median: 16, spread: 0.5, elasticity: 0.1 },
  };

/** How often each category is picked for a discretionary purchase before personal adjustments. */
const BASE_WEIGHTS: Readonly<Weights> = {
  groceries: 6,
  dining: 3,
  travel: 0.45,
  transport: 2.5,
  utilities: 0,
  housing: 0,
  healthcare: 1,
  education: 0.3,
  entertainment: 2,
  shopping: 2.5,
  electronics: 0.45,
  sports: 0.8,
  childcare: 0,
  gifts: 0.7,
  subscriptions: 1.6,
};

/** Category multipliers each interest brings (travel interest → 4× as many travel purchases…). */
const INTEREST_EFFECTS: Readonly<Record<string, Partial<Weights>>> = {
  travel: { travel: 4 },
  dining: { dining: 2 },
  cooking: { groceries: 1.3, dining: 0.8 },
  fitness: { sports: 2 },
  running: { sports: 1.6 },
  cycling: { sports: 1.6 },
  yoga: { sports: 1.6 },
  hiking: { sports: 1.4, travel: 1.2 },
  sports: { sports: 1.6, entertainment: 1.3 },
  gaming: { electronics: 2, subscriptions: 1.5 },
  technology: { electronics: 2.5 },
  music: { entertainment: 1.6, subscriptions: 1.3 },
  movies: { entertainment: 1.6, subscriptions: 1.3 },
  fashion: { shopping: 2 },
  reading: { education: 1.3, shopping: 1.2 },
  cars: { transport: 1.7 },
  pets: { shopping: 1.3 },
  diy: { shopping: 1.4 },
  gardening: { shopping: 1.4 },
  photography: { electronics: 1.8, travel: 1.3 },
  art: { entertainment: 1.3, shopping: 1.2 },
  volunteering: { gifts: 1.5 },
};

/** Category multipliers by life stage (students pay tuition, retirees see doctors and travel…). */
const LIFE_STAGE_EFFECTS: Readonly<Record<LifeStage, Partial<Weights>>> = {
  student: { education: 6, dining: 1.3, travel: 0.6 },
  young_professional: { dining: 1.3, entertainment: 1.2 },
  young_family: { education: 1.5, dining: 0.8 },
  established_family: { education: 3, sports: 1.3 },
  mid_career: {},
  pre_retiree: { healthcare: 1.6, travel: 1.2 },
  retiree: { healthcare: 2.5, travel: 1.6, gifts: 1.4, electronics: 0.6 },
};

/** Category multipliers of hidden needs (saving for a home → less dining out and shopping…). */
const NEED_EFFECTS: Readonly<Partial<Record<FinancialNeed, Partial<Weights>>>> = {
  home_purchase: { dining: 0.5, shopping: 0.6, travel: 0.5, entertainment: 0.7 },
  debt_consolidation: { shopping: 1.3 },
  travel_rewards: { travel: 1.5 },
  education_saving: { education: 1.3 },
};

/** Seasonal multipliers on category weights, by calendar month (1–12). */
const SEASONAL_EFFECTS: Readonly<Record<number, Partial<Weights>>> = {
  1: { sports: 1.4 },
  6: { travel: 1.8 },
  7: { travel: 1.8 },
  8: { travel: 1.8, education: 2 },
  9: { education: 2 },
  11: { gifts: 1.5 },
  12: { gifts: 4, shopping: 1.6 },
};

function applyEffects(weights: Weights, effects: Partial<Weights> | undefined): void {
  if (effects === undefined) return;
  for (const [category, factor] of Object.entries(effects) as [SpendCategory, number][]) {
    weights[category] *= factor;
  }
}

/**
 * Generates 18 months of card and account spending for one customer: 3–5 transactions a month
 * (rent or mortgage and utilities every month, the rest weighted by interests, life stage, needs
 * and season), sized by income and category, sorted by date.
 */
export function generateTransactions(customer: GeneratedCustomer, random: Random): TransactionCsvRow[] {
  const { profile, hidden } = customer;
  const customerDigits = profile.customer_id.slice(2);
  const incomeScale = Math.min(6, Math.max(0.15, profile.income / 60_000));
  const homeSaver = hidden.needs.includes('home_purchase');
  const sizeFactor = (homeSaver ? 0.85 : 1) * (hidden.needs.includes('emergency_fund') ? 0.95 : 1);

  const weights: Weights = { ...BASE_WEIGHTS };
  for (const interest of profile.interests) applyEffects(weights, INTEREST_EFFECTS[interest]);
  applyEffects(weights, LIFE_STAGE_EFFECTS[hidden.lifeStage]);
  for (const need of hidden.needs) applyEffects(weights, NEED_EFFECTS[need]);
  if (hidden.youngestChildAge !== null) {
    weights.childcare = hidden.youngestChildAge < 6 ? 4 : hidden.youngestChildAge < 13 ? 1.5 : 0;
    weights.groceries *= 1 + 0.15 * hidden.children;
  }

  const housing = housingPlan(customer, random);
  const utilityBill =
    PURCHASE_SIZE.utilities.median * Math.sqrt(hidden.costOfLiving) * (1 + 0.12 * hidden.children);
  const billDay = randomInt(random, 8, 24);
  // A third of customers drift: spending rises or falls by up to ~30% over the 18 months.
  const trend = random() < 0.35 ? Math.max(-0.3, Math.min(0.4, 0.15 * gaussian(random))) : 0;
  const lastMonth = TIMELINE_MONTHS.length - 1;

  const rows: TransactionCsvRow[] = [];
  const monthEntries: { day: number; category: SpendCategory; amount: number; merchant: string }[] = [];
  TIMELINE_MONTHS.forEach((month, monthIndex) => {
    const drift = 1 + (trend * monthIndex) / lastMonth;
    const seasonal: Weights = { ...weights };
    applyEffects(seasonal, SEASONAL_EFFECTS[month.calendarMonth]);
    const categoryWeights = SPEND_CATEGORIES.map((name) => seasonal[name]);
    const count = randomInt(random, 3, 5) + (month.calendarMonth === 12 && random() < 0.5 ? 1 : 0);
    monthEntries.length = 0;
    if (housing !== null) {
      const amount = housing.amount * (monthIndex >= 12 ? housing.yearTwoIncrease : 1);
      monthEntries.push({ day: housing.day, category: 'housing', amount, merchant: housing.merchant });
    }
    if (random() < 0.9) {
      const season =
        month.calendarMonth <= 2 || (month.calendarMonth >= 6 && month.calendarMonth <= 8) ? 1.2 : 1;
      const amount = utilityBill * season * Math.exp(PURCHASE_SIZE.utilities.spread * gaussian(random));
      const merchant = pick(random, MERCHANTS_BY_CATEGORY.utilities);
      monthEntries.push({ day: Math.min(billDay, month.days - 1), category: 'utilities', amount, merchant });
    }
    while (monthEntries.length < count) {
      const category = pickWeighted(random, SPEND_CATEGORIES, categoryWeights);
      const size = PURCHASE_SIZE[category];
      const amount =
        size.median *
        incomeScale ** size.elasticity *
        Math.exp(size.spread * gaussian(random)) *
        drift *
        sizeFactor *
        (category === 'groceries' || category === 'childcare' ? hidden.costOfLiving : 1);
      const merchants =
        category === 'education' && hidden.children > 0 && random() < 0.7
          ? CHILD_EDUCATION_MERCHANTS
          : MERCHANTS_BY_CATEGORY[category];
      const merchant = pick(random, merchants);
      monthEntries.push({ day: randomInt(random, 0, month.days - 1), category, amount, merchant });
    }
    monthEntries.sort((left, right) => left.day - right.day);
    for (const entry of monthEntries) {
      rows.push({
        transaction_id: `T-${customerDigits}-${String(rows.length + 1).padStart(3, '0')}`,
        customer_id: profile.customer_id,
        date: isoDateOfDay(month.firstDay + entry.day),
        amount: Math.max(1, entry.amount).toFixed(2),
        category: entry.category,
        merchant: entry.merchant,
      });
    }
  });
  return rows;
}

/** The customer's fixed monthly housing payment, or null when they pay none (e.g. students at home). */
function housingPlan(
  customer: GeneratedCustomer,
  random: Random,
): { amount: number; merchant: string; day: number; yearTwoIncrease: number } | null {
  const { profile, hidden } = customer;
  const monthlyIncome = profile.income / 12;
  const day = randomInt(random, 0, 4);
  if (hidden.lifeStage === 'student') {
    if (random() < 0.4) return null;
    const amount = (450 + 650 * random()) * hidden.costOfLiving;
    return { amount, merchant: pick(random, RENT_MERCHANTS), day, yearTwoIncrease: 1.03 };
  }
  if (hidden.homeowner) {
    if (profile.age >= 65 && random() < 0.6) {
      const amount = (180 + 420 * random()) * hidden.costOfLiving;
      return { amount, merchant: pick(random, OWNER_COST_MERCHANTS), day, yearTwoIncrease: 1.04 };
    }
    const amount = Math.max(650 * hidden.costOfLiving, monthlyIncome * (0.18 + 0.12 * random()));
    return { amount, merchant: pick(random, MORTGAGE_MERCHANTS), day, yearTwoIncrease: 1 };
  }
  const amount = Math.max(700 * hidden.costOfLiving, monthlyIncome * (0.22 + 0.12 * random()));
  return { amount, merchant: pick(random, RENT_MERCHANTS), day, yearTwoIncrease: 1.03 + 0.03 * random() };
}

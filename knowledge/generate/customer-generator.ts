import type { z } from 'zod';
import type { Customer, CustomerRow, Gender, RiskTolerance } from '../schemas.ts';
import { GENDERS } from '../schemas.ts';
import { gaussian, pick, pickWeighted, type Random, randomInt } from '../seeded-random.ts';
import { deriveFinancialNeeds } from './financial-needs.ts';
import type { GeneratedCustomer, LifeStage } from './hidden-traits.ts';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, UNISEX_FIRST_NAMES } from './name-pools.ts';
import {
  BASE_INCOME_BY_EDUCATION,
  EDUCATION_SHARES,
  type EducationLevel,
  INTERESTS,
  type Interest,
  OCCUPATIONS_BY_EDUCATION,
  US_CITIES,
} from './population-tables.ts';

/** One customers.csv row as text, keyed by column. */
export type CustomerCsvRow = z.input<typeof CustomerRow>;

/** The random substreams of one customer: gender and name come from their own stream. */
export interface CustomerStreams {
  /** Everything that shapes finances and behaviour. */
  traits: Random;
  /** Gender and name only, so by default gender is independent of every other attribute. */
  identity: Random;
}

/** Formats a customer number as an id: C-000001 for index 0. */
export function customerId(index: number): string {
  return `C-${String(index + 1).padStart(6, '0')}`;
}

const AGE_BANDS: readonly (readonly [number, number])[] = [
  [18, 24],
  [25, 34],
  [35, 44],
  [45, 54],
  [55, 64],
  [65, 74],
  [75, 90],
];
const AGE_BAND_SHARES = [0.12, 0.18, 0.17, 0.16, 0.17, 0.13, 0.07];
const EDUCATION_KEYS = Object.keys(EDUCATION_SHARES) as EducationLevel[];
const CITY_WEIGHTS = US_CITIES.map((city) => city.weight);

/** Chances by age band, as [first age outside the band, chance]; ages past the last band get 0. */
type AgeBandChances = readonly (readonly [number, number])[];
const RETIRED_CHANCE: AgeBandChances = [
  [58, 0],
  [62, 0.1],
  [67, 0.4],
  [Infinity, 0.9],
];
const PARTNER_CHANCE: AgeBandChances = [
  [25, 0.15],
  [35, 0.5],
  [65, 0.65],
  [Infinity, 0.55],
];
const PARENT_CHANCE: AgeBandChances = [
  [25, 0.05],
  [30, 0.25],
  [35, 0.5],
  [45, 0.65],
  [51, 0.55],
  [59, 0.2],
];
const OWNER_CHANCE: AgeBandChances = [
  [25, 0.08],
  [35, 0.38],
  [45, 0.6],
  [55, 0.7],
  [Infinity, 0.78],
];

function chanceByAge(bands: AgeBandChances, age: number): number {
  for (const [end, chance] of bands) if (age < end) return chance;
  return 0;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));
const cents = (value: number): number => Number(value.toFixed(2));

/**
 * Draws one customer. Documented correlations (docs/synthetic-data.md): income ~ education ×
 * occupation × experience × city (log-normal noise); horizon ~ years to retirement; risk ~ age,
 * income, horizon; savings ~ income × years of saving; debt ~ life stage. Gender is drawn from
 * its own stream and, unless `injectBias` is 'gender', touches nothing but the first name.
 */
export function generateCustomer(
  index: number,
  streams: CustomerStreams,
  injectBias?: 'gender',
): GeneratedCustomer {
  const { identity, traits: random } = streams;
  const gender = pickWeighted<Gender>(identity, GENDERS, [0.49, 0.49, 0.02]);
  const name = `${firstName(identity, gender)} ${pick(identity, LAST_NAMES)}`;

  const [minAge, maxAge] = pickWeighted(random, AGE_BANDS, AGE_BAND_SHARES);
  const age = randomInt(random, minAge, maxAge);
  const city = pickWeighted(random, US_CITIES, CITY_WEIGHTS);
  const student = (age <= 24 && random() < 0.55) || (age >= 25 && age <= 29 && random() < 0.08);
  const retired = !student && random() < chanceByAge(RETIRED_CHANCE, age);
  const unemployed = !student && !retired && random() < 0.03;

  const education = student
    ? age >= 23 && random() < 0.35
      ? 'Bachelor'
      : 'High school'
    : pickWeighted(
        random,
        EDUCATION_KEYS,
        EDUCATION_KEYS.map(
          (level) => EDUCATION_SHARES[level] * (age >= 65 && level === 'High school' ? 1.4 : 1),
        ),
      );
  const job = pick(random, OCCUPATIONS_BY_EDUCATION[education]);
  const experience = 1 - Math.exp(-Math.max(0, age - 22) / 12);
  let workingIncome =
    BASE_INCOME_BY_EDUCATION[education] *
    job.pay *
    (0.65 + 0.45 * experience) *
    Math.sqrt(city.costOfLiving) *
    Math.exp(0.3 * gaussian(random));
  // The injected bias scales every income source, so savings and eligibility inherit it too.
  const biasFactor = injectBias === 'gender' && gender === 'Female' ? 0.75 : 1;
  workingIncome *= biasFactor;
  const rawIncome = student
    ? (3_000 + 19_000 * random() ** 1.5) * biasFactor
    : unemployed
      ? (6_000 + 12_000 * random()) * biasFactor
      : retired
        ? Math.max(14_000 * biasFactor, workingIncome * (0.35 + 0.2 * random()))
        : workingIncome;
  const income = Math.round(rawIncome / 100) * 100;
  const occupation = student ? 'Student' : retired ? 'Retired' : unemployed ? 'Unemployed' : job.title;

  const partnered = random() < chanceByAge(PARTNER_CHANCE, age);
  const children =
    !student && random() < chanceByAge(PARENT_CHANCE, age)
      ? pickWeighted(random, [1, 2, 3, 4], [0.4, 0.38, 0.16, 0.06])
      : 0;
  const youngestChildAge =
    children > 0 ? randomInt(random, Math.max(0, age - 45), Math.max(0, Math.min(17, age - 20))) : null;
  const homeowner = !student && random() < chanceByAge(OWNER_CHANCE, age) * (income > 80_000 ? 1.2 : 1);
  const lifeStage = lifeStageOf(age, student, retired, youngestChildAge);

  const interests = drawInterests(random, { age, income, education, homeowner, hasChildren: children > 0 });
  const horizon = retired
    ? clamp(Math.round((88 - age) / 2 + 2 * gaussian(random)), 0, 15)
    : clamp(Math.round(Math.max(1, 67 - age) + 3 * gaussian(random)), 1, 45);
  const investor = interests.includes('investing') || interests.includes('crypto');
  const riskScore =
    -0.03 * (age - 40) +
    0.55 * Math.log(Math.max(income, 5_000) / 55_000) +
    0.02 * (horizon - 20) +
    (investor ? 0.4 : 0) +
    0.7 * gaussian(random);
  const riskTolerance: RiskTolerance = riskScore < -0.65 ? 'low' : riskScore > 0.55 ? 'high' : 'medium';

  const yearsSaving = Math.max(0.25, age - 22);
  const savings = cents(
    Math.min(4_000_000, workingIncome * (0.04 + 0.05 * yearsSaving) * Math.exp(0.8 * gaussian(random) - 0.3)),
  );
  const debt = cents(drawDebt(random, lifeStage, income));

  const profile: Customer = {
    customer_id: customerId(index),
    name,
    age,
    gender,
    location: city.name,
    interests,
    income,
    education,
    occupation,
    risk_tolerance: riskTolerance,
    investment_horizon_years: horizon,
    savings_balance: savings,
    debt_balance: debt,
  };
  const facts = { partnered, homeowner, children, youngestChildAge, lifeStage };
  const needs = deriveFinancialNeeds({ ...profile, ...facts }, random);
  return { index, profile, hidden: { ...facts, needs, costOfLiving: city.costOfLiving } };
}

/** The customers.csv row of a profile, numbers formatted exactly as they were rounded. */
export function toCustomerCsvRow(profile: Customer): CustomerCsvRow {
  return {
    customer_id: profile.customer_id,
    name: profile.name,
    age: String(profile.age),
    gender: profile.gender,
    location: profile.location,
    interests: profile.interests.join(';'),
    income: String(profile.income),
    education: profile.education,
    occupation: profile.occupation,
    risk_tolerance: profile.risk_tolerance,
    investment_horizon_years: String(profile.investment_horizon_years),
    savings_balance: profile.savings_balance.toFixed(2),
    debt_balance: profile.debt_balance.toFixed(2),
  };
}

function firstName(random: Random, gender: Gender): string {
  if (gender === 'Other' || random() < 0.08) return pick(random, UNISEX_FIRST_NAMES);
  return pick(random, gender === 'Female' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
}

function lifeStageOf(
  age: number,
  student: boolean,
  retired: boolean,
  youngestChildAge: number | null,
): LifeStage {
  if (student) return 'student';
  if (retired) return 'retiree';
  if (youngestChildAge !== null) return youngestChildAge < 10 ? 'young_family' : 'established_family';
  if (age >= 55) return 'pre_retiree';
  return age < 35 ? 'young_professional' : 'mid_career';
}

/** Chance of holding each kind of non-mortgage debt, and its typical size, by life stage. */
const DEBT_PROFILES: Readonly<Record<LifeStage, { card: number; auto: number; studentLoan: number }>> = {
  student: { card: 0.4, auto: 0.1, studentLoan: 0.7 },
  young_professional: { card: 0.6, auto: 0.4, studentLoan: 0.55 },
  young_family: { card: 0.7, auto: 0.7, studentLoan: 0.4 },
  established_family: { card: 0.65, auto: 0.65, studentLoan: 0.15 },
  mid_career: { card: 0.6, auto: 0.5, studentLoan: 0.2 },
  pre_retiree: { card: 0.5, auto: 0.4, studentLoan: 0.05 },
  retiree: { card: 0.35, auto: 0.15, studentLoan: 0 },
};

/** Non-mortgage debt (cards, auto, student loans); a mortgage is not counted in debt_balance. */
function drawDebt(random: Random, lifeStage: LifeStage, income: number): number {
  const profile = DEBT_PROFILES[lifeStage];
  const scale = (Math.max(income, 15_000) / 60_000) ** 0.4;
  const lognormal = (median: number, spread: number): number => median * Math.exp(spread * gaussian(random));
  let debt = 0;
  if (random() < profile.card) debt += lognormal(lifeStage === 'student' ? 900 : 4_500, 0.9) * scale;
  if (random() < profile.auto) debt += lognormal(16_000, 0.5) * scale;
  if (random() < profile.studentLoan) debt += lognormal(22_000, 0.6);
  return debt;
}

/** Draws 1–4 distinct interests, weighted by age, income, education, home and family. */
function drawInterests(
  random: Random,
  facts: { age: number; income: number; education: EducationLevel; homeowner: boolean; hasChildren: boolean },
): Interest[] {
  const { age } = facts;
  const weight: Record<Interest, number> = {
    travel: facts.income > 70_000 ? 2.2 : 1.3,
    cooking: 1.2,
    fitness: age < 50 ? 1.4 : 0.7,
    running: age < 50 ? 1.1 : 0.5,
    cycling: 0.8,
    hiking: 1,
    yoga: age < 55 ? 1 : 0.6,
    gaming: age < 35 ? 2.5 : age < 50 ? 1 : 0.3,
    music: 1.3,
    movies: 1.3,
    reading: 1.2,
    photography: 0.8,
    art: 0.8,
    fashion: age < 40 ? 1.4 : 0.7,
    technology: facts.education === 'High school' ? 0.8 : 1.5,
    sports: 1.3,
    gardening: age > 50 ? 2.5 : 0.6,
    pets: 1.3,
    cars: 1,
    diy: facts.homeowner ? 1.6 : 0.6,
    parenting: facts.hasChildren ? 6 : 0.05,
    investing: facts.income > 90_000 ? 2 : 0.8,
    crypto: age < 40 ? 1.2 : 0.3,
    volunteering: age > 55 ? 1.8 : 0.8,
    dining: 1.3,
  };
  const count = pickWeighted(random, [1, 2, 3, 4], [0.25, 0.35, 0.25, 0.15]);
  const chosen: Interest[] = [];
  for (let draw = 0; draw < count; draw++) {
    const interest = pickWeighted(
      random,
      INTERESTS,
      INTERESTS.map((candidate) => weight[candidate]),
    );
    weight[interest] = 0;
    chosen.push(interest);
  }
  return chosen;
}

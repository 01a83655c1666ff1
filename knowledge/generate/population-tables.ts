import type { EDUCATION_LEVELS } from '../schemas.ts';

/** Highest education a customer completed (schemas.ts has the list but no named type). */
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/**
 * The population customers are drawn from: where they live, what they are into and what they
 * do for a living. Weights are rough US shares; multipliers are documented in docs/synthetic-data.md.
 */

/** A US city: `weight` ~ metro population (millions), `costOfLiving` scales local prices and pay. */
export interface City {
  name: string;
  weight: number;
  costOfLiving: number;
}

/** 46 US cities; the location column is `City, ST`, so it always exercises CSV quoting. */
export const US_CITIES: readonly City[] = [
  { name: 'New York, NY', weight: 19.5, costOfLiving: 1.35 },
  { name: 'Los Angeles, CA', weight: 12.8, costOfLiving: 1.3 },
  { name: 'Chicago, IL', weight: 9.3, costOfLiving: 1.05 },
  { name: 'Dallas, TX', weight: 8.1, costOfLiving: 1.0 },
  { name: 'Houston, TX', weight: 7.3, costOfLiving: 0.97 },
  { name: 'Washington, DC', weight: 6.3, costOfLiving: 1.25 },
  { name: 'Philadelphia, PA', weight: 6.2, costOfLiving: 1.05 },
  { name: 'Miami, FL', weight: 6.1, costOfLiving: 1.15 },
  { name: 'Atlanta, GA', weight: 6.2, costOfLiving: 1.0 },
  { name: 'Boston, MA', weight: 4.9, costOfLiving: 1.3 },
  { name: 'Phoenix, AZ', weight: 5.0, costOfLiving: 0.98 },
  { name: 'San Francisco, CA', weight: 4.6, costOfLiving: 1.5 },
  { name: 'Riverside, CA', weight: 4.6, costOfLiving: 1.05 },
  { name: 'Detroit, MI', weight: 4.3, costOfLiving: 0.9 },
  { name: 'Seattle, WA', weight: 4.0, costOfLiving: 1.3 },
  { name: 'Minneapolis, MN', weight: 3.7, costOfLiving: 1.0 },
  { name: 'San Diego, CA', weight: 3.3, costOfLiving: 1.3 },
  { name: 'Tampa, FL', weight: 3.2, costOfLiving: 0.98 },
  { name: 'Denver, CO', weight: 3.0, costOfLiving: 1.12 },
  { name: 'Baltimore, MD', weight: 2.8, costOfLiving: 1.02 },
  { name: 'St. Louis, MO', weight: 2.8, costOfLiving: 0.9 },
  { name: 'Orlando, FL', weight: 2.7, costOfLiving: 0.98 },
  { name: 'Charlotte, NC', weight: 2.7, costOfLiving: 0.97 },
  { name: 'San Antonio, TX', weight: 2.6, costOfLiving: 0.92 },
  { name: 'Portland, OR', weight: 2.5, costOfLiving: 1.1 },
  { name: 'Sacramento, CA', weight: 2.4, costOfLiving: 1.1 },
  { name: 'Pittsburgh, PA', weight: 2.4, costOfLiving: 0.9 },
  { name: 'Austin, TX', weight: 2.4, costOfLiving: 1.08 },
  { name: 'Las Vegas, NV', weight: 2.3, costOfLiving: 0.98 },
  { name: 'Cincinnati, OH', weight: 2.3, costOfLiving: 0.88 },
  { name: 'Kansas City, MO', weight: 2.2, costOfLiving: 0.88 },
  { name: 'Columbus, OH', weight: 2.2, costOfLiving: 0.9 },
  { name: 'Indianapolis, IN', weight: 2.1, costOfLiving: 0.88 },
  { name: 'Cleveland, OH', weight: 2.1, costOfLiving: 0.86 },
  { name: 'San Jose, CA', weight: 2.0, costOfLiving: 1.5 },
  { name: 'Nashville, TN', weight: 2.0, costOfLiving: 1.0 },
  { name: 'Virginia Beach, VA', weight: 1.8, costOfLiving: 0.95 },
  { name: 'Jacksonville, FL', weight: 1.7, costOfLiving: 0.93 },
  { name: 'Raleigh, NC', weight: 1.5, costOfLiving: 0.98 },
  { name: 'Milwaukee, WI', weight: 1.6, costOfLiving: 0.9 },
  { name: 'Salt Lake City, UT', weight: 1.3, costOfLiving: 1.0 },
  { name: 'New Orleans, LA', weight: 1.3, costOfLiving: 0.9 },
  { name: 'Albuquerque, NM', weight: 0.9, costOfLiving: 0.88 },
  { name: 'Honolulu, HI', weight: 1.0, costOfLiving: 1.4 },
  { name: 'Anchorage, AK', weight: 0.4, costOfLiving: 1.1 },
  { name: 'Boise, ID', weight: 0.8, costOfLiving: 0.95 },
];

/** The interests a customer may list (1–4 of them, `;`-separated in customers.csv). */
export const INTERESTS = [
  'travel',
  'cooking',
  'fitness',
  'running',
  'cycling',
  'hiking',
  'yoga',
  'gaming',
  'music',
  'movies',
  'reading',
  'photography',
  'art',
  'fashion',
  'technology',
  'sports',
  'gardening',
  'pets',
  'cars',
  'diy',
  'parenting',
  'investing',
  'crypto',
  'volunteering',
  'dining',
] as const;
/** One of INTERESTS. */
export type Interest = (typeof INTERESTS)[number];

/** An occupation open to a given education level; `pay` multiplies the level's base income. */
export interface Occupation {
  title: string;
  pay: number;
}

/** Occupations by highest education, so occupation and income both follow education. */
// biome-ignore format: a compact data table reads better one occupation to a line
export const OCCUPATIONS_BY_EDUCATION: Readonly<Record<EducationLevel, readonly Occupation[]>> = {
  'High school': [
    { title: 'Retail Associate', pay: 0.85 }, { title: 'Warehouse Associate', pay: 0.95 },
    { title: 'Truck Driver', pay: 1.25 }, { title: 'Cashier', pay: 0.75 },
    { title: 'Administrative Assistant', pay: 1.0 }, { title: 'Customer Service Representative', pay: 0.95 },
    { title: 'Line Cook', pay: 0.8 }, { title: 'Security Guard', pay: 0.9 },
    { title: 'Delivery Driver', pay: 0.95 }, { title: 'Construction Laborer', pay: 1.05 },
    { title: 'Small Business Owner', pay: 1.3 },
  ],
  Vocational: [
    { title: 'Electrician', pay: 1.25 }, { title: 'Plumber', pay: 1.2 },
    { title: 'Dental Hygienist', pay: 1.3 }, { title: 'Medical Assistant', pay: 0.85 },
    { title: 'HVAC Technician', pay: 1.1 }, { title: 'Auto Mechanic', pay: 1.0 },
    { title: 'Licensed Practical Nurse', pay: 1.05 }, { title: 'Welder', pay: 1.0 },
    { title: 'Paralegal', pay: 1.0 }, { title: 'Hair Stylist', pay: 0.75 },
    { title: 'Small Business Owner', pay: 1.3 },
  ],
  Bachelor: [
    { title: 'Software Developer', pay: 1.55 }, { title: 'Accountant', pay: 1.1 },
    { title: 'Registered Nurse', pay: 1.15 }, { title: 'Teacher', pay: 0.85 },
    { title: 'Marketing Specialist', pay: 1.0 }, { title: 'Financial Analyst', pay: 1.25 },
    { title: 'Sales Manager', pay: 1.3 }, { title: 'Graphic Designer', pay: 0.85 },
    { title: 'Civil Engineer', pay: 1.3 }, { title: 'HR Specialist', pay: 0.95 },
    { title: 'Social Worker', pay: 0.75 }, { title: 'Journalist', pay: 0.8 },
  ],
  Master: [
    { title: 'Data Scientist', pay: 1.35 }, { title: 'Product Manager', pay: 1.4 },
    { title: 'Nurse Practitioner', pay: 1.3 }, { title: 'School Principal', pay: 1.05 },
    { title: 'Management Consultant', pay: 1.35 }, { title: 'Architect', pay: 1.05 },
    { title: 'Mechanical Engineer', pay: 1.1 }, { title: 'Librarian', pay: 0.7 },
    { title: 'Clinical Social Worker', pay: 0.75 }, { title: 'Operations Director', pay: 1.3 },
    { title: 'Economist', pay: 1.2 },
  ],
  Doctorate: [
    { title: 'Physician', pay: 1.9 }, { title: 'Lawyer', pay: 1.5 },
    { title: 'University Professor', pay: 0.95 }, { title: 'Research Scientist', pay: 1.0 },
    { title: 'Pharmacist', pay: 1.15 }, { title: 'Dentist', pay: 1.6 },
    { title: 'Clinical Psychologist', pay: 0.95 }, { title: 'Veterinarian', pay: 0.95 },
  ],
};

/** Median yearly pay (USD) of a mid-career worker at each education level, before occupation. */
export const BASE_INCOME_BY_EDUCATION: Readonly<Record<EducationLevel, number>> = {
  'High school': 40_000,
  Vocational: 50_000,
  Bachelor: 70_000,
  Master: 88_000,
  Doctorate: 112_000,
};

/** Share of adults (not in school) at each highest education level. */
export const EDUCATION_SHARES: Readonly<Record<EducationLevel, number>> = {
  'High school': 0.3,
  Vocational: 0.12,
  Bachelor: 0.33,
  Master: 0.18,
  Doctorate: 0.07,
};

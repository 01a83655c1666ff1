/** An age band used for counterfactual checks and fairness reports. */
export interface AgeBand {
  label: string;
  min: number;
  max: number;
  /** The age a counterfactual customer in this band is given. */
  representativeAge: number;
}

/**
 * The six bands fairness is reported over. Representative ages are the rounded midpoints; the open
 * 65+ band is treated as 65–79 (midpoint 72), where nearly all older customers in the data fall.
 */
export const AGE_BANDS: readonly AgeBand[] = [
  { label: '18-24', min: 18, max: 24, representativeAge: 21 },
  { label: '25-34', min: 25, max: 34, representativeAge: 30 },
  { label: '35-44', min: 35, max: 44, representativeAge: 40 },
  { label: '45-54', min: 45, max: 54, representativeAge: 50 },
  { label: '55-64', min: 55, max: 64, representativeAge: 60 },
  { label: '65+', min: 65, max: Number.POSITIVE_INFINITY, representativeAge: 72 },
];

/** The band an age falls in; ages under 18 (never valid customers) count as the youngest band. */
export function ageBandOf(age: number): AgeBand {
  const band = AGE_BANDS.find((candidate) => age <= candidate.max) ?? AGE_BANDS[AGE_BANDS.length - 1];
  if (band === undefined) throw new RangeError('AGE_BANDS is empty');
  return band;
}

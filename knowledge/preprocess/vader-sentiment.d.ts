/** The slice of vader-sentiment's CommonJS API we use; the package ships no types. */
declare module 'vader-sentiment' {
  /** VADER's four scores; `compound` is the normalised overall polarity in −1…1. */
  export interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    compound: number;
  }
  const vader: {
    SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores };
  };
  export default vader;
}

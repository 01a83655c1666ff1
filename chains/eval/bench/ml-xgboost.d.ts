/** Types for ml-xgboost (XGBoost compiled to WebAssembly), which ships none: only what boosted-trees.ts uses. */
declare module 'ml-xgboost' {
  /** Booster parameters as XGBoost names them, plus the number of boosting rounds. */
  export interface XGBoostOptions {
    booster?: 'gbtree';
    objective?: 'reg:linear' | 'binary:logistic';
    max_depth?: number;
    eta?: number;
    min_child_weight?: number;
    subsample?: number;
    colsample_bytree?: number;
    seed?: number;
    silent?: number;
    iterations?: number;
  }
  /** One booster; its memory lives in the WebAssembly heap, so `free` must be called. */
  export interface XGBoostModel {
    train(rows: readonly (readonly number[])[], targets: readonly number[]): void;
    predict(rows: readonly (readonly number[])[]): number[];
    free(): void;
  }
  /** The booster class the module's exported promise resolves to. */
  export type XGBoostConstructor = new (options: XGBoostOptions) => XGBoostModel;
  const loaded: Promise<XGBoostConstructor>;
  export default loaded;
}

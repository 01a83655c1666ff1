import { ChainError } from '../../chain-error.ts';

/** A table or flag the fairness audit cannot use; names the file, the column and, for a bad value, the line. */
export class FairnessInputError extends ChainError {
  constructor(
    message: string,
    readonly location: { file?: string; column?: string; line?: number } = {},
    options?: ErrorOptions,
  ) {
    super('INVALID_INPUT', message, options);
  }
}

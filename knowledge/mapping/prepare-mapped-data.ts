import path from 'node:path';
import { DatasetError } from '../errors.ts';
import type { IssueOrigin } from '../preprocess/issue-log.ts';
import { applyDatasetMapping, type MappingSummary } from './apply-mapping.ts';
import { loadDatasetMapping } from './load-mapping.ts';

/** A bank's export translated into the schema's files, ready to ingest. */
export interface MappedData {
  /** The folder of translated files (pass it to ingestDataset / loadDataset as the data folder). */
  dataDir: string;
  summary: MappingSummary;
  /** Pass to loadDataset so its issues name the bank's files, lines and columns. */
  origin: IssueOrigin;
}

/** The folder inside the store where a bank's export is translated to (replaced on every mapped ingest). */
export function mappedDataDir(storeDir: string): string {
  return path.join(storeDir, 'mapped-data');
}

/**
 * Reads and checks the mapping, then translates `bankDir` into `outDir`. A broken mapping throws
 * INVALID_MAPPING naming the key; a bank file whose header does not fit throws a DatasetError
 * naming file and column. Bad values are left for loadDataset to report with its own checks.
 * @example const mapped = await prepareMappedData('bank.yaml', 'exports/', mappedDataDir('.store'));
 */
export async function prepareMappedData(
  mappingFile: string,
  bankDir: string,
  outDir: string,
): Promise<MappedData> {
  const mapping = await loadDatasetMapping(mappingFile);
  const { summary, issues, locator } = await applyDatasetMapping(mapping, bankDir, outDir);
  const headerIssues = issues.filter((issue) => issue.line <= 1);
  if (headerIssues.length > 0) throw new DatasetError(headerIssues);
  return {
    dataDir: outDir,
    summary,
    origin: { relocate: (issue) => locator.relocate(issue), known: issues },
  };
}

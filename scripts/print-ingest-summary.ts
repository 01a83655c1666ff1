import { COLLECTIONS, type IngestSummary, type SyncSummary } from '../knowledge/index.ts';
import type { MappingSummary } from '../knowledge/mapping/index.ts';

/** Which bank file became which schema file, and every default the mapping applied with its row count. */
function printMappingSummary(mapping: MappingSummary): void {
  for (const file of mapping.files) {
    const filtered = file.filteredOut > 0 ? `, ${file.filteredOut} left out by "where"` : '';
    console.log(
      `Mapped ${file.source} (${file.delimiter}-separated) → ${file.target}: ${file.rows} rows${filtered}`,
    );
  }
  if (mapping.defaults.length === 0) {
    console.log('Defaults applied: none');
    return;
  }
  console.log("Defaults applied (the bank's files lack these values):");
  for (const item of mapping.defaults) {
    const value = item.value === '' ? '(empty)' : `"${item.value}"`;
    console.log(`  ${item.file} ${item.field} = ${value} in ${item.rows} row(s): ${item.reason}`);
  }
}

/** Prints what an ingest run did, one line per collection, for people reading a terminal. */
export function printIngestSummary(summary: IngestSummary): void {
  const { load } = summary;
  const rows = Object.entries(load.rows)
    .map(([file, count]) => `${file} ${count}`)
    .join(', ');
  if (rows.length > 0) console.log(`Read: ${rows}`);
  for (const note of load.absent ?? []) console.log(`Optional file ${note}`);
  if (summary.mapping) printMappingSummary(summary.mapping);
  const skipped = Object.entries(load.skipped).filter(([, count]) => count > 0);
  if (skipped.length > 0) {
    console.log(`Skipped invalid rows: ${skipped.map(([file, count]) => `${file} ${count}`).join(', ')}`);
    for (const issue of load.issues.slice(0, 10)) {
      console.log(`  ${issue.file}:${issue.line} ${issue.field}: ${issue.reason}`);
    }
  }
  for (const collection of summary.collections) console.log(describeCollection(collection));
  const synced = new Set(summary.collections.map((collection) => collection.collection));
  const notStarted = Object.values(COLLECTIONS).filter((name) => !synced.has(name));
  if (summary.interrupted && notStarted.length > 0) {
    console.log(`Not started (nothing written): ${notStarted.join(', ')}`);
  }
  console.log(
    `Posts dropped from profiles as prompt injections: ${summary.flaggedPosts.count} (detector ${summary.flaggedPosts.detector})`,
  );
  const seconds = summary.seconds;
  console.log(
    `Embedder ${summary.embedder.id}. Time: preprocess ${seconds.preprocess.toFixed(1)} s, embedder setup ${seconds.embedderSetup.toFixed(1)} s, ` +
      `embed ${seconds.embed.toFixed(1)} s, upsert ${seconds.upsert.toFixed(1)} s, total ${seconds.total.toFixed(1)} s`,
  );
  if (summary.interrupted) {
    console.log(
      'Interrupted: the batches counted as written are in the store; nothing else was written. ' +
        'Run the same command again to finish (written documents are not embedded again).',
    );
  }
}

/** One line per collection; an interrupted one says what was written and what was not, never "added" for both. */
function describeCollection(collection: SyncSummary): string {
  const head = `${collection.collection}: ${collection.total} documents — `;
  if (collection.pending === 0) {
    return (
      `${head}${collection.added} added, ${collection.updated} updated, ` +
      `${collection.unchanged} unchanged, ${collection.removed} removed`
    );
  }
  const toWrite = collection.written + collection.pending;
  return (
    `${head}${toWrite} new or changed: ${collection.written} written, ${collection.pending} NOT written; ` +
    `${collection.unchanged} unchanged; removals of stale documents deferred to a complete run`
  );
}

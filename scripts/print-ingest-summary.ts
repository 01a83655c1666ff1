import type { IngestSummary } from '../knowledge/index.ts';

/** Prints what an ingest run did, one line per collection, for people reading a terminal. */
export function printIngestSummary(summary: IngestSummary): void {
  const { load } = summary;
  const rows = Object.entries(load.rows)
    .map(([file, count]) => `${file} ${count}`)
    .join(', ');
  if (rows.length > 0) console.log(`Read: ${rows}`);
  const skipped = Object.entries(load.skipped).filter(([, count]) => count > 0);
  if (skipped.length > 0) {
    console.log(`Skipped invalid rows: ${skipped.map(([file, count]) => `${file} ${count}`).join(', ')}`);
    for (const issue of load.issues.slice(0, 10)) {
      console.log(`  ${issue.file}:${issue.line} ${issue.field}: ${issue.reason}`);
    }
  }
  for (const collection of summary.collections) {
    console.log(
      `${collection.collection}: ${collection.total} documents — ${collection.added} added, ${collection.updated} updated, ` +
        `${collection.unchanged} unchanged, ${collection.removed} removed${collection.pending ? `, ${collection.pending} NOT YET WRITTEN` : ''}`,
    );
  }
  console.log(
    `Posts dropped from profiles as prompt injections: ${summary.flaggedPosts.count} (detector ${summary.flaggedPosts.detector})`,
  );
  const seconds = summary.seconds;
  console.log(
    `Embedder ${summary.embedder.id}. Time: preprocess ${seconds.preprocess.toFixed(1)} s, embedder setup ${seconds.embedderSetup.toFixed(1)} s, ` +
      `embed ${seconds.embed.toFixed(1)} s, upsert ${seconds.upsert.toFixed(1)} s, total ${seconds.total.toFixed(1)} s`,
  );
  if (summary.interrupted) console.log('Interrupted before the end: run the same command again to finish.');
}

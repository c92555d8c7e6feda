/** Which reader a file goes to, by its extension (case-insensitive). */

export type Format = 'csv' | 'tsv' | 'txt' | 'jsonl' | 'parquet';

const TEXT: Record<string, Format> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  txt: 'txt',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/** The extensions read, for messages. */
export const DATA_EXTENSIONS = '.csv, .tsv, .tab, .txt, .jsonl, .ndjson (each also gzipped, .gz) and .parquet';

/** The format of a file name, or undefined if it is not a data file. Text formats may end in .gz. */
export function formatOf(file: string): Format | undefined {
  const m = /\.([A-Za-z0-9]+)(\.gz)?$/.exec(file);
  if (!m) return undefined;
  const ext = m[1].toLowerCase();
  if (ext === 'parquet') return m[2] ? undefined : 'parquet';
  return TEXT[ext];
}

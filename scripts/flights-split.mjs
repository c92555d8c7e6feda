// The demo's and benchmark's real data: 3 million US flights, January to June 2001, from the
// vega-datasets package (ZSTD Parquet). Reference: January-March; current: April. Written once
// as CSV (and Parquet) under a cache folder, column by column, never one object per row.
import { existsSync, mkdirSync, openSync, writeSync, closeSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { parquetWriteFile } from 'hyparquet-writer';

const root = fileURLToPath(new URL('..', import.meta.url));
export const FLIGHTS = join(root, 'node_modules/vega-datasets/data/flights-3m.parquet');
const COLUMNS = ['date', 'delay', 'distance', 'origin', 'destination'];

export async function ensureFlightsSplit(dir) {
  const out = {
    q1Csv: join(dir, 'flights-2001-q1.csv'),
    aprilCsv: join(dir, 'flights-2001-04.csv'),
    q1Parquet: join(dir, 'flights-2001-q1.parquet'),
    aprilParquet: join(dir, 'flights-2001-04.parquet'),
  };
  if (Object.values(out).every((p) => existsSync(p))) return out;
  mkdirSync(dir, { recursive: true });
  const cols = {};
  const file = await asyncBufferFromFile(FLIGHTS);
  await parquetRead({
    file,
    compressors,
    columns: COLUMNS,
    onChunk: ({ columnName, columnData, rowStart }) => {
      cols[columnName] ??= [];
      cols[columnName].push({ rowStart, columnData });
    },
  });
  const data = Object.fromEntries(COLUMNS.map((c) => [c, flatten(cols[c])]));
  const n = data.date.length;
  const month = new Int8Array(n);
  for (let i = 0; i < n; i++) month[i] = data.date[i].getUTCMonth() + 1;
  const pick = (want) => {
    const idx = [];
    for (let i = 0; i < n; i++) if (want(month[i])) idx.push(i);
    return idx;
  };
  for (const [csv, pq, rows] of [
    [out.q1Csv, out.q1Parquet, pick((m) => m <= 3)],
    [out.aprilCsv, out.aprilParquet, pick((m) => m === 4)],
  ]) {
    writeCsv(csv, data, rows);
    const tmp = `${pq}.tmp`;
    parquetWriteFile({
      filename: tmp,
      columnData: [
        { name: 'date', data: rows.map((i) => data.date[i].toISOString().slice(0, 16)), type: 'STRING' },
        { name: 'delay', data: rows.map((i) => Number(data.delay[i])), type: 'INT32' },
        { name: 'distance', data: rows.map((i) => Number(data.distance[i])), type: 'INT32' },
        { name: 'origin', data: rows.map((i) => data.origin[i]), type: 'STRING' },
        { name: 'destination', data: rows.map((i) => data.destination[i]), type: 'STRING' },
      ],
    });
    renameSync(tmp, pq);
  }
  return out;
}

function flatten(chunks) {
  chunks.sort((a, b) => a.rowStart - b.rowStart);
  const out = [];
  for (const { columnData } of chunks) for (let i = 0; i < columnData.length; i++) out.push(columnData[i]);
  return out;
}

function writeCsv(path, data, rows) {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  let buf = 'date,delay,distance,origin,destination\n';
  for (const i of rows) {
    buf += `${data.date[i].toISOString().slice(0, 16)},${data.delay[i]},${data.distance[i]},${data.origin[i]},${data.destination[i]}\n`;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  renameSync(tmp, path);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await ensureFlightsSplit(process.argv[2] ?? join(root, '.demo')));
}

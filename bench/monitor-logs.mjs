// The monitor bench's production logs: April 2001's flights (500k rows) retimed onto the last 24 h
// before `now`, in order, and written as one file per UTC hour (`<yyyy-mm-ddThh>.csv` with an ISO
// time column `ts`, and `<yyyy-mm-ddThh>.parquet` with a TIMESTAMP `ts`), as a serving log sink
// partitions them.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';

const HOUR = 3_600_000;

export function writeHourlyLogs(aprilCsv, dir, now = Date.now()) {
  const csvDir = join(dir, 'csv');
  const parquetDir = join(dir, 'parquet');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(csvDir, { recursive: true });
  mkdirSync(parquetDir, { recursive: true });
  const lines = readFileSync(aprilCsv, 'utf8').trimEnd().split('\n').slice(1);
  const start = now - 24 * HOUR + 1000;
  const span = 24 * HOUR - 2000;
  const hours = new Map();
  for (let i = 0; i < lines.length; i++) {
    const t = start + Math.floor((i * span) / lines.length);
    const hour = new Date(Math.floor(t / HOUR) * HOUR).toISOString().slice(0, 13);
    let h = hours.get(hour);
    if (!h) hours.set(hour, (h = { ts: [], delay: [], distance: [], origin: [], destination: [] }));
    const [, delay, distance, origin, destination] = lines[i].split(',');
    h.ts.push(t);
    h.delay.push(Number(delay));
    h.distance.push(Number(distance));
    h.origin.push(origin);
    h.destination.push(destination);
  }
  for (const [hour, h] of hours) {
    const csv = ['ts,delay,distance,origin,destination'];
    for (let i = 0; i < h.ts.length; i++) csv.push(`${new Date(h.ts[i]).toISOString()},${h.delay[i]},${h.distance[i]},${h.origin[i]},${h.destination[i]}`);
    writeFileSync(join(csvDir, `${hour}.csv`), csv.join('\n') + '\n');
    parquetWriteFile({
      filename: join(parquetDir, `${hour}.parquet`),
      columnData: [
        { name: 'ts', data: h.ts.map((t) => new Date(t)), type: 'TIMESTAMP' },
        { name: 'delay', data: h.delay, type: 'INT32' },
        { name: 'distance', data: h.distance, type: 'INT32' },
        { name: 'origin', data: h.origin, type: 'STRING' },
        { name: 'destination', data: h.destination, type: 'STRING' },
      ],
    });
  }
  return { csv: csvDir, parquet: parquetDir, rows: lines.length, files: hours.size };
}

// The monitor bench's production logs: April 2001's flights (500k rows) retimed onto the last 24 h
// before `now`, in order, and written as one CSV per UTC hour (`<yyyy-mm-ddThh>.csv`, ISO time
// column `ts`), as a serving log sink partitions them.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const HOUR = 3_600_000;

export function writeHourlyLogs(aprilCsv, dir, now = Date.now()) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const lines = readFileSync(aprilCsv, 'utf8').trimEnd().split('\n').slice(1);
  const start = now - 24 * HOUR + 1000;
  const span = 24 * HOUR - 2000;
  const files = new Map();
  for (let i = 0; i < lines.length; i++) {
    const t = start + Math.floor((i * span) / lines.length);
    const hour = new Date(Math.floor(t / HOUR) * HOUR).toISOString().slice(0, 13);
    let f = files.get(hour);
    if (!f) {
      f = { fd: openSync(join(dir, `${hour}.csv`), 'w'), buf: 'ts,delay,distance,origin,destination\n' };
      files.set(hour, f);
    }
    // Drop the old date column (the first field): the time is ts now.
    f.buf += `${new Date(t).toISOString()},${lines[i].slice(lines[i].indexOf(',') + 1)}\n`;
    if (f.buf.length > 1 << 20) {
      writeSync(f.fd, f.buf);
      f.buf = '';
    }
  }
  for (const f of files.values()) {
    writeSync(f.fd, f.buf);
    closeSync(f.fd);
  }
  return { dir, rows: lines.length, files: files.size };
}

/**
 * The rows of a table that fall in a window (start <= time < end), with the time column turned
 * into epoch ms; rows whose time cannot be read are counted, never silently dropped.
 */
import { selectRows } from '../data/select-rows.js';
import type { Table } from '../data/table.js';
import { closestName } from '../shared/closest-name.js';
import { InputError } from '../shared/errors.js';
import { epochMsColumn, epochMsValues } from './epoch-ms.js';
import type { TimeWindow } from './production-source.js';

export interface WindowRows {
  table: Table;
  /** Rows read whose time column held no readable time (empty, text that is not ISO-8601). */
  rowsWithoutTime: number;
}

/** `input` names the time-column input, `where` the data, for the message when the column is absent. */
export function rowsInWindow(table: Table, timeColumn: string, window: TimeWindow, input: string, where: string): WindowRows {
  const index = table.columns.findIndex((c) => c.name === timeColumn);
  if (index < 0) {
    if (table.rowCount === 0 && table.columns.length === 0) return { table, rowsWithoutTime: 0 };
    const names = table.columns.map((c) => c.name);
    const near = closestName(timeColumn, names);
    throw new InputError(
      `Input '${input}' is '${timeColumn}', but ${where} has no such column${near ? ` (did you mean '${near}'?)` : ''}; its columns are ${names.map((n) => `'${n}'`).join(', ')}.`,
      { input },
    );
  }
  const times = epochMsValues(table.columns[index]);
  const start = window.start.getTime();
  const end = window.end.getTime();
  const keep = new Uint8Array(times.length);
  let rowsWithoutTime = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (t !== t) rowsWithoutTime++;
    else if (t >= start && t < end) keep[i] = 1;
  }
  const withTimes: Table = { ...table, columns: table.columns.map((c, i) => (i === index ? epochMsColumn(c.name, times) : c)) };
  return { table: selectRows(withTimes, keep), rowsWithoutTime };
}

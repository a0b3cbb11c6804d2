import type { HourEntry } from '@lanewise/core/hours';

/** The column headings of the export, in the page's language. */
export type CsvHeadings = Readonly<Record<CsvColumn, string>>;

/** The columns of the export, in order. */
export const CSV_COLUMNS = [
  'id',
  'day',
  'start',
  'end',
  'volunteerId',
  'activityId',
  'durationMinutes',
  'creditedMinutes',
  'status',
  'recordedBy',
  'approvedBy',
  'reason',
  'note',
] as const;

/** One column of the export. */
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * One CSV field: quoted when it holds a separator, a quote or a line break, and prefixed with
 * an apostrophe when a spreadsheet would read it as a formula (text typed by anyone).
 */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The entries as CSV (RFC 4180, CRLF line ends), with a byte-order mark so that spreadsheet
 * programs read the Chinese text as UTF-8.
 */
export function entriesToCsv(
  entries: readonly HourEntry[],
  headings: CsvHeadings,
  statusLabel: (entry: HourEntry) => string,
): string {
  const lines = [CSV_COLUMNS.map((column) => csvField(headings[column])).join(',')];
  for (const entry of entries) {
    lines.push(
      CSV_COLUMNS.map((column) =>
        csvField(column === 'status' ? statusLabel(entry) : entry[column]),
      ).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

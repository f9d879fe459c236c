/** CSV (RFC 4180 quoting, any separator), with cells that a spreadsheet would run as a formula made inert. */

/**
 * CSV injection: a cell that starts with = + - @ is evaluated by Excel and LibreOffice, also
 * behind spaces (an import may trim them) or a quote (a quoted "=1+1" is still a formula).
 *
 * And a spreadsheet does not necessarily split at our separator: Dutch Excel splits at `;`,
 * other settings at `,`, and an import may be told to use tab. Such a reader does not see our
 * quotes where we put them, so for it a cell (or a row) starts after any of those other
 * separators or a line break inside a text: `Overleg;=1+1` in a comma file gives it a cell
 * `=1+1`. A trigger there gets the same apostrophe.
 */
const formulaStarts = new Map<string, RegExp>();
function formulaStartFor(separator: string): RegExp {
  let pattern = formulaStarts.get(separator);
  if (!pattern) {
    const others = [',', ';'].filter((candidate) => candidate !== separator).join('');
    pattern = new RegExp(`(^|[${others}\\t\\r\\n])([\\s"]*)(?=[=+\\-@])`, 'g');
    formulaStarts.set(separator, pattern);
  }
  return pattern;
}

/** A cell that starts with a tab or CR is also taken for a formula. */
const controlStart = /^[\t\r]/;

function inert(text: string, separator: string): string {
  const guarded = text.replace(formulaStartFor(separator), "$1$2'");
  return controlStart.test(guarded) ? `'${guarded}` : guarded;
}

function cell(value: unknown, separator: string): string {
  if (value === null || value === undefined) return '';
  const text = inert(typeof value === 'object' ? JSON.stringify(value) : String(value), separator);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, CRLF-ended; `columns` name the keys of the rows. */
export function toCsv(rows: Record<string, unknown>[], columns: string[], separator = ','): string {
  const lines = [columns.map((column) => cell(column, separator)).join(separator)];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column], separator)).join(separator));
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 CSV, with cells that a spreadsheet would run as a formula made inert. */

/**
 * CSV injection: a cell that starts with = + - @ is evaluated by Excel and LibreOffice, also
 * behind spaces (an import may trim them) or a quote (a quoted "=1+1" is still a formula).
 *
 * And a spreadsheet does not necessarily split at our comma: Dutch Excel splits at `;`, and an
 * import may be told to use tab. Such a reader does not see our quotes where we put them, so for
 * it a cell (or a row) starts after any `;`, tab or line break inside a text: `Overleg;=1+1`
 * gives it a cell `=1+1`. A trigger there gets the same apostrophe.
 */
const formulaStart = /(^|[;\t\r\n])([\s"]*)(?=[=+\-@])/g;

/** A cell that starts with a tab or CR is also taken for a formula. */
const controlStart = /^[\t\r]/;

function inert(text: string): string {
  const guarded = text.replace(formulaStart, "$1$2'");
  return controlStart.test(guarded) ? `'${guarded}` : guarded;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = inert(typeof value === 'object' ? JSON.stringify(value) : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * HTML export: one standalone page with a little inline CSS. Every text is escaped, links only
 * keep http(s)/mailto targets (checked when the model was built, and again here), and the page
 * has no scripts and no event handlers; a CSP meta tag forbids them even if one slipped in.
 */
import { isAllowedLinkHref } from '../../../shared/editor/extensions';
import { columns, words } from '../labels';
import type { ExportBlock, ExportModel, RichLines, Run } from '../types';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const css = `
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}
h1,h2,h3,h4{line-height:1.25}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f1f1}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;color:#444}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
.swatch{display:inline-block;width:.7em;height:.7em;margin-right:.4em;border:1px solid #0003;vertical-align:baseline}
.notice{color:#8a4b00}
.status{color:#555}
.total{font-weight:600}
blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#444}
pre{background:#f6f6f6;padding:.5rem;overflow:auto}
li>p{margin:.2rem 0}
`.trim();

function inline(run: Run): string {
  let out = escapeHtml(run.text).replace(/\n/g, '<br>');
  if (run.code) out = `<code>${out}</code>`;
  if (run.strike) out = `<s>${out}</s>`;
  if (run.underline) out = `<u>${out}</u>`;
  if (run.italic) out = `<em>${out}</em>`;
  if (run.bold) out = `<strong>${out}</strong>`;
  if (run.href && isAllowedLinkHref(run.href)) out = `<a href="${escapeHtml(run.href)}" rel="noopener noreferrer nofollow">${out}</a>`;
  return out;
}

const runs = (list: Run[]) => list.map(inline).join('');
const lines = (list: RichLines) => list.map(runs).join('<br>');
const notices = (list: string[]) => list.map((n) => `<div class="notice">${escapeHtml(n)}</div>`).join('');
const swatch = (color: string | null) => (color && /^#[0-9a-f]{6}$/.test(color) ? `<span class="swatch" style="background:${color}"></span>` : '');

function table(header: string[], rows: string[][]): string {
  const head = `<thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  return `<table>${head}<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function plainTable(b: Extract<ExportBlock, { kind: 'table' }>): string {
  const row = (r: (typeof b.rows)[number]) => `<tr>${r.cells.map((c) => (r.header ? `<th>${lines(c)}</th>` : `<td>${lines(c)}</td>`)).join('')}</tr>`;
  return `<table><tbody>${b.rows.map(row).join('')}</tbody></table>`;
}

function block(b: ExportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${runs(b.runs)}</h${b.level}>`;
    case 'paragraph':
      return b.quote ? `<blockquote><p>${runs(b.runs)}</p></blockquote>` : `<p>${runs(b.runs)}</p>`;
    case 'code':
      return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'list': {
      const items = b.items.map((item) => `<li>${blocks(item)}</li>`).join('');
      return b.ordered ? `<ol${b.start !== 1 ? ` start="${b.start}"` : ''}>${items}</ol>` : `<ul>${items}</ul>`;
    }
    case 'table':
      return plainTable(b);
    case 'actions':
      return table(
        [...columns.actions],
        b.rows.map((r) => [
          lines(r.text) + notices(r.notices),
          swatch(r.ownerPartyColor) + escapeHtml(r.ownerParty),
          escapeHtml(r.ownerUser),
          escapeHtml(r.due),
          escapeHtml(r.status),
          escapeHtml(r.funding),
        ]),
      );
    case 'commitments':
      return b.groups
        .map((g) => {
          const items = g.items.map(
            (item) => `<li>${lines(item.text)} <span class="status">(${escapeHtml(item.confirmation ?? item.status)})</span>${notices(item.notices)}</li>`,
          );
          return `<section class="commitments"><h4>${swatch(g.color)}${escapeHtml(g.party)}</h4><ul>${items.join('')}</ul></section>`;
        })
        .join('');
    case 'reflections':
      return `<ul class="reflections">${b.items
        .map(
          (item) =>
            `<li><strong>${escapeHtml(item.date)}</strong> <span class="status">(${escapeHtml(item.status)})</span><br>${lines(item.text)}${notices(item.notices)}</li>`,
        )
        .join('')}</ul>`;
    case 'criteria': {
      const rows = b.rows.map((r) => [lines(r.text) + notices(r.notices), escapeHtml(r.kind), escapeHtml(r.category), escapeHtml(r.weight)]);
      const total = b.total ? `<p class="total">${escapeHtml(b.total.label)}</p>${notices(b.total.notices)}` : '';
      return table([...columns.criteria], rows) + total;
    }
  }
}

function blocks(list: ExportBlock[]): string {
  return list.map(block).join('\n');
}

export function renderHtml(model: ExportModel): string {
  const meta = model.meta.map((m) => `<dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(m.value)}</dd>`).join('');
  const parties =
    model.parties.length === 0
      ? ''
      : `<h2>${escapeHtml(words.signingParties)}</h2><ul class="parties">${model.parties
          .map((p) => `<li>${swatch(p.color)}<strong>${escapeHtml(p.party)}</strong>: ${escapeHtml(p.state)}</li>`)
          .join('')}</ul>`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>${escapeHtml(model.title)}</h1>
<dl class="meta">${meta}</dl>
${parties}
</header>
<hr>
<main>
${blocks(model.body)}
</main>
</body>
</html>
`;
}

// The report as one self-contained HTML document: numbered figures (the chart as inline SVG with
// its alt text) each followed by its data table, naming its indicator and sources; an annex.
import type { Report } from './report.ts';
import { sourcesOf, tableRows } from './report-text.ts';
import { REPORT_WORDS } from './report-words.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const svgImage = (svg: string, alt: string) => `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" alt="${escapeHtml(alt)}" width="600">`;

/** `back`: a link out of the report (the workspace shows it; the CLI's file has none). */
export function reportHtml(report: Report, options: { baseUrl?: string; back?: { href: string; label: string } } = {}): string {
  const { lang } = report;
  const w = (k: keyof typeof REPORT_WORDS) => escapeHtml(REPORT_WORDS[k][lang]);
  const base = options.baseUrl ?? '';
  const head = [w('group'), w('sapa'), w('published'), w('difference')];
  const chapters = report.chapters
    .map((c) => {
      const figures = c.figures
        .map((f) => {
          const rows = tableRows(f.values, lang)
            .map((r) => `<tr><th scope="row">${escapeHtml(r[0] ?? '')}</th>${r.slice(1).map((x) => `<td>${escapeHtml(x)}</td>`).join('')}</tr>`)
            .join('\n');
          return `<section class="figure" id="figure-${f.number}" data-indicator="${escapeHtml(f.indicatorId)}">
<h3>${w('figure')} ${f.number}. ${escapeHtml(f.title)}</h3>
<figure>${svgImage(f.chartSvg, `${REPORT_WORDS.figure[lang]} ${f.number}. ${f.title}`)}
<figcaption>${w('indicator')}: <a href="${escapeHtml(base + f.href)}">${escapeHtml(f.indicatorId)}</a></figcaption></figure>
<table><caption>${w('table')} ${f.number}. ${escapeHtml(f.title)} (${w('indicator')}: ${escapeHtml(f.indicatorId)})</caption>
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody></table>
<p class="sources">${w('sources')}: ${sourcesOf(f.values, lang).map(escapeHtml).join('; ')}</p>
</section>`;
        })
        .join('\n');
      return `<section class="chapter" id="chapter-${c.number}"><h2>${c.number}. ${escapeHtml(c.title)}</h2>\n${figures}</section>`;
    })
    .join('\n');
  const contents = report.chapters.map((c) => `<li><a href="#chapter-${c.number}">${c.number}. ${escapeHtml(c.title)}</a></li>`).join('');
  const annex = report.annex
    .map((a) => `<dt id="def-${escapeHtml(a.indicatorId)}">${escapeHtml(a.name)} (${escapeHtml(a.indicatorId)})</dt><dd>${escapeHtml(a.definition)}<br>${w('formula')}: <code>${escapeHtml(a.formula)}</code></dd>`)
    .join('\n');
  const leftOut = report.leftOut.length ? `<p>${w('leftOut')}: ${report.leftOut.map(escapeHtml).join('; ')}</p>` : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>body{font-family:"DejaVu Sans",sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}img{max-width:100%;height:auto}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #888;padding:.25rem .5rem;text-align:left}td{text-align:right}
.sources{font-size:.9rem;color:#333}a{color:#0b4f9c}</style></head>
<body>${options.back ? `<nav aria-label="${escapeHtml(options.back.label)}"><a href="${escapeHtml(options.back.href)}">${escapeHtml(options.back.label)}</a></nav>` : ''}<main>
<h1>${escapeHtml(report.title)}</h1>
${report.subtitle ? `<p>${escapeHtml(report.subtitle)}</p>` : ''}
<p>${w('asOf')}: ${report.asOf}. ${w('dataVersion')}: ${escapeHtml(report.dataVersion)}. ${w('synthetic')}</p>
<nav aria-label="${w('contents')}"><h2>${w('contents')}</h2><ul>${contents}<li><a href="#annex">${w('annex')}</a></li></ul></nav>
${chapters}
<section id="annex"><h2>${w('annex')}</h2><dl>${annex}</dl>${leftOut}</section>
</main></body></html>
`;
}

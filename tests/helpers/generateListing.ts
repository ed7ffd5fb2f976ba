/**
 * Generates an arXiv /list/<cat>/new page in the current (2024-09+) markup with `count` entries,
 * split into new / cross-list / replacement sections, with abstracts. Used by the benchmark and by
 * the large-page tests.
 */
export function generateListing(count: number, category = 'cs.CL'): string {
  const fresh = Math.ceil(count * 0.6);
  const cross = Math.floor(count * 0.25);
  const sections: [string, number][] = [
    ['New submissions', fresh],
    ['Cross submissions', cross],
    ['Replacement submissions', count - fresh - cross],
  ];
  let n = 0;
  const parts = [
    '<!DOCTYPE html><html lang="en"><head><title>Computation and Language</title></head><body>',
    `<div id="dlpage"><h1>Computation and Language</h1>`,
    '<h3>Showing new listings for Friday, 27 November 2026</h3>',
  ];
  for (const [heading, size] of sections) {
    parts.push(`<dl id="articles"><h3>${heading} (showing ${size} of ${size} entries )</h3>`);
    for (let i = 0; i < size; i++, n++) {
      const id = `2611.${String(10000 + n).padStart(5, '0')}`;
      const marker =
        heading === 'Cross submissions'
          ? ' (cross-list from math.OC)'
          : heading === 'Replacement submissions'
            ? ' (replaced)'
            : '';
      parts.push(
        `<dt><a name="item${n + 1}">[${n + 1}]</a> <a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a>${marker}`,
        ` [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}">pdf</a>, <a href="https://arxiv.org/html/${id}v1" title="View HTML" id="html-${id}">html</a>, <a href="/format/${id}" title="Other formats" id="oth-${id}">other</a>]</dt>`,
        `<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span>`,
        ` Scaling $\\mathcal{O}(n)$ attention number ${n} for long-context language models</div>`,
        `<div class="list-authors"><a href="https://arxiv.org/a/a_1">Ada Lovelace</a>, <a href="https://arxiv.org/a/t_1">Alan Turing</a>, <a href="https://arxiv.org/a/h_1">Grace Hopper</a></div>`,
        `<div class="list-comments mathjax"><span class="descriptor">Comments:</span> 12 pages, 4 figures. Code: https://github.com/example/repo-${n}</div>`,
        `<div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Computation and Language (${category})</span>; Machine Learning (cs.LG)</div>`,
        `<p class="mathjax">Long contexts remain costly for transformers. We propose a linear-time attention variant that keeps quality on long documents. Experiments on five benchmarks show gains of 3.5 points over strong baselines while using half the memory.</p>`,
        '</div></dd>',
      );
    }
    parts.push('</dl>');
  }
  parts.push('</div></body></html>');
  return parts.join('\n');
}

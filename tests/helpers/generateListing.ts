/**
 * Generates an arXiv /list/<cat>/new page in the current (2024-09+) markup with `count` entries,
 * split into new / cross-list / replacement sections. Used by the benchmark.
 *
 * Entries follow the real page `../shared/fixtures/arxiv_list_quant-ph_new_2024-08-09.html`: the
 * same elements, line breaks and indentation, and its averages — abstracts of about 1,050
 * characters, 4.5 authors (1 to 8), comments on 5 entries in 6, a journal reference on 1 in 6,
 * two subjects, TeX in one title in 4.
 */

const ABSTRACT_SENTENCES = [
  'Long contexts remain costly for transformer language models, since attention grows with the square of the input length.',
  'We propose a linear-time attention variant that keeps a small set of summary states per layer and updates them as tokens arrive.',
  'Unlike earlier approximations, it needs no changes to the tokenizer and can be fitted to an existing model in a few hours of training.',
  'We prove that the approximation error is bounded by the spectral gap of the attention matrix, and measure it on real inputs.',
  'Experiments on five long-document benchmarks show gains of 3.5 points over strong baselines while using half the memory.',
  'On retrieval tasks the method matches full attention up to 128k tokens, and it degrades gracefully beyond the lengths seen in training.',
  'An ablation shows that most of the gain comes from the learned forgetting rate rather than from the size of the summary.',
  'We release code, trained weights and the evaluation harness so that others can reproduce every number in this paper.',
];

const SURNAMES = ['Lovelace', 'Turing', 'Hopper', 'Noether', 'Shannon', 'Curie', 'Gauss', 'Dirac'];
const GIVEN = ['Ada', 'Alan', 'Grace', 'Emmy', 'Claude', 'Marie', 'Carl', 'Paul'];

function authors(n: number): string {
  const count = 1 + ((n * 5) % 8);
  const links = [];
  for (let i = 0; i < count; i++) {
    const k = (n + i) % SURNAMES.length;
    links.push(
      `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${SURNAMES[k]},+${GIVEN[k]?.[0]}">${GIVEN[k]} ${SURNAMES[k]}</a>`,
    );
  }
  return links.join(', ');
}

/** `$\mathcal{O}(n)$` as MathJax v2 leaves it after typesetting: preview, rendered output and
 * the TeX kept in a script. */
const TYPESET_FORMULA =
  '<span class="MathJax_Preview" style="color: inherit; display: none;"></span><span class="MathJax" id="MathJax-Element-1-Frame" tabindex="0" style="position: relative;"><nobr><span class="math" id="MathJax-Span-1" style="width: 2.5em; display: inline-block;"><span style="display: inline-block; position: relative; width: 2.1em; height: 0px; font-size: 119%;"><span class="mrow"><span class="texatom"><span class="mrow"><span class="mi" style="font-family: MathJax_Caligraphic;">O</span></span></span><span class="mo">(</span><span class="mi">n</span><span class="mo">)</span></span></span></span></nobr></span><script type="math/tex" id="MathJax-Element-1">\\mathcal{O}(n)</script>';

function entry(n: number, id: string, marker: string, category: string, typeset: boolean): string {
  const formula = typeset ? TYPESET_FORMULA : '$\\mathcal{O}(n)$';
  const title =
    n % 4 === 0
      ? `Scaling ${formula} attention number ${n} for long-context language models`
      : `Forgetting on purpose: linear attention number ${n} for documents longer than a book`;
  const comments =
    n % 6 === 5
      ? ''
      : `
        <div class='list-comments mathjax'><span class='descriptor'>Comments:</span>
          12 pages, 4 figures. Code: https://github.com/example/repo-${n}
        </div>`;
  const journal =
    n % 6 === 2
      ? `
        <div class='list-journal-ref'><span class='descriptor'>Journal-ref:</span>
          Trans. Assoc. Comput. Linguist. 14 (2026) ${100 + n}-${120 + n}
        </div>`
      : '';
  const abstract = Array.from(
    { length: ABSTRACT_SENTENCES.length },
    (_, i) => ABSTRACT_SENTENCES[(n + i) % ABSTRACT_SENTENCES.length],
  ).join(' ');
  return `
    <dt>
      <a name='item${n + 1}'>[${n + 1}]</a>
      <a href ="/abs/${id}" title="Abstract" id="${id}">
        arXiv:${id}
      </a>${marker}
        [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}" aria-labelledby="pdf-${id}">pdf</a>, <a href="https://arxiv.org/html/${id}v1" title="View HTML" id="html-${id}" aria-labelledby="html-${id}" rel="noopener noreferrer" target="_blank">html</a>, <a href="/format/${id}" title="Other formats" id="oth-${id}" aria-labelledby="oth-${id}">other</a>]
    </dt>
    <dd>
      <div class='meta'>
        <div class='list-title mathjax'><span class='descriptor'>Title:</span>
          ${title}
        </div>
        <div class='list-authors'>${authors(n)}</div>
${comments}${journal}

        <div class='list-subjects'><span class='descriptor'>Subjects:</span>
          <span class="primary-subject">Computation and Language (${category})</span>; Machine Learning (cs.LG)
        </div>

        <p class='mathjax'>
          ${abstract}
        </p>
      </div>
    </dd>`;
}

/** `typeset`: the page as it is after MathJax v2 has typeset the TeX in the titles. */
export function generateListing(
  count: number,
  { category = 'cs.CL', typeset = false } = {},
): string {
  const fresh = Math.ceil(count * 0.6);
  const cross = Math.floor(count * 0.25);
  const sections: [string, number][] = [
    ['New submissions', fresh],
    ['Cross submissions', cross],
    ['Replacement submissions', count - fresh - cross],
  ];
  let n = 0;
  const parts = [
    '<!DOCTYPE html>\n<html lang="en">\n<head><title>Computation and Language</title></head>\n<body>',
    `<div id="dlpage">\n  <h1>Computation and Language</h1>`,
    '  <h3>Showing new listings for Friday, 27 November 2026</h3>',
  ];
  for (const [heading, size] of sections) {
    parts.push(
      `  <dl id="articles">\n    <h3>${heading} (showing ${size} of ${size} entries )</h3>`,
    );
    for (let i = 0; i < size; i++, n++) {
      const id = `2611.${String(10000 + n).padStart(5, '0')}`;
      const marker =
        heading === 'Cross submissions'
          ? ' (cross-list from math.OC)'
          : heading === 'Replacement submissions'
            ? ' (replaced)'
            : '';
      parts.push(entry(n, id, marker, category, typeset));
    }
    parts.push('  </dl>');
  }
  parts.push('</div>\n</body>\n</html>');
  return parts.join('\n');
}

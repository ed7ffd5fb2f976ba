import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath, sharedSuiteRuns } from '@/tests/helpers/sharedData';
import { extractLinks } from '@/utils/shared/codeLinks';

const code = (...texts: string[]) => extractLinks(texts).code;
const project = (...texts: string[]) => extractLinks(texts).project;

describe('extractLinks: code hosts', () => {
  it('finds a GitHub repository in an abstract', () => {
    expect(
      extractLinks(['We release our code at https://github.com/acme/widget for everyone.']),
    ).toEqual({ code: ['https://github.com/acme/widget'], project: [] });
  });

  it('finds GitLab (also self-hosted), Bitbucket, Codeberg, Gitee and gists', () => {
    expect(
      code(
        'Mirrors: https://gitlab.com/a/b, https://gitlab.inria.fr/team/tool and ' +
          'https://bitbucket.org/c/d; also https://codeberg.org/e/f, https://gitee.com/g/h and ' +
          'https://gist.github.com/i/0123abcd',
      ),
    ).toEqual([
      'https://gitlab.com/a/b',
      'https://gitlab.inria.fr/team/tool',
      'https://bitbucket.org/c/d',
      'https://codeberg.org/e/f',
      'https://gitee.com/g/h',
      'https://gist.github.com/i/0123abcd',
    ]);
  });

  it('finds Hugging Face models, datasets and spaces but never papers', () => {
    const links = extractLinks([
      'Weights: https://huggingface.co/acme/widget-7b. Data: https://huggingface.co/datasets/acme/bench. ' +
        'Demo: https://huggingface.co/spaces/acme/demo. Paper page available at https://huggingface.co/papers/2401.00001.',
    ]);
    expect(links).toEqual({
      code: [
        'https://huggingface.co/acme/widget-7b',
        'https://huggingface.co/datasets/acme/bench',
        'https://huggingface.co/spaces/acme/demo',
      ],
      project: [],
    });
  });

  it('does not take Hugging Face or GitHub site pages for repositories', () => {
    expect(
      extractLinks([
        'See https://huggingface.co/docs/transformers and https://github.com/features',
      ]),
    ).toEqual({ code: [], project: [] });
  });

  it('turns a bare github.com/x/y into https://github.com/x/y', () => {
    expect(code('Code: github.com/acme/widget.')).toEqual(['https://github.com/acme/widget']);
    expect(code('(see github.com/acme/widget)')).toEqual(['https://github.com/acme/widget']);
    expect(code('www.github.com/acme/widget')).toEqual(['https://www.github.com/acme/widget']);
  });

  it('keeps several URLs glued by commas apart', () => {
    expect(code('https://github.com/a/b,https://github.com/c/d')).toEqual([
      'https://github.com/a/b',
      'https://github.com/c/d',
    ]);
  });
});

describe('extractLinks: trimming what is not part of the URL', () => {
  it('cuts a sentence-final period (the seed case)', () => {
    expect(
      code('Our code is publicly available at: https://github.com/CERT-Lab/safety-subspaces.'),
    ).toEqual(['https://github.com/CERT-Lab/safety-subspaces']);
  });

  it.each([
    ['https://github.com/x/y,', 'comma'],
    ['https://github.com/x/y;', 'semicolon'],
    ['https://github.com/x/y:', 'colon'],
    ['https://github.com/x/y!', 'exclamation mark'],
    ['https://github.com/x/y?', 'question mark'],
    ["'https://github.com/x/y'", 'single quotes'],
    ['"https://github.com/x/y"', 'double quotes'],
    ['“https://github.com/x/y”', 'curly quotes'],
    ['(https://github.com/x/y)', 'parentheses'],
    ['(https://github.com/x/y).', 'parenthesis and period'],
    ['[https://github.com/x/y]', 'brackets'],
    ['{https://github.com/x/y}', 'braces'],
    ['<https://github.com/x/y>', 'angle brackets'],
    ['https://github.com/x/y}', 'a stray brace'],
    ['https://github.com/x/y...', 'an ellipsis'],
    ['https://github.com/x/y。', 'an ideographic full stop'],
    ['[code](https://github.com/x/y)', 'a Markdown link'],
    ['\\url{https://github.com/x/y}', 'a TeX \\url'],
    ['\\url{https://github.com/x/y}.', 'a TeX \\url and period'],
    ['\\href{https://github.com/x/y}{here}', 'a TeX \\href'],
  ])('%s (%s)', (text) => {
    expect(code(`Code: ${text} and more.`)).toEqual(['https://github.com/x/y']);
  });

  it('unescapes TeX underscores inside a URL', () => {
    expect(code('\\url{https://github.com/acme/my\\_tool}')).toEqual([
      'https://github.com/acme/my_tool',
    ]);
  });

  it('keeps balanced parentheses inside a URL', () => {
    expect(project('Project page: https://en.wikipedia.org/wiki/Widget_(tool).')).toEqual([
      'https://en.wikipedia.org/wiki/Widget_(tool)',
    ]);
    expect(project('(project page: https://en.wikipedia.org/wiki/Widget_(tool))')).toEqual([
      'https://en.wikipedia.org/wiki/Widget_(tool)',
    ]);
  });

  it('keeps a trailing slash, query and fragment', () => {
    expect(code('https://github.com/x/y/tree/main?tab=readme#usage.')).toEqual([
      'https://github.com/x/y/tree/main?tab=readme#usage',
    ]);
  });
});

describe('extractLinks: project pages', () => {
  it('takes *.github.io and *.gitlab.io sites without any cue', () => {
    expect(
      extractLinks(['Results at https://acme.github.io/widget/. Also https://team.gitlab.io/x']),
    ).toEqual({
      code: [],
      project: ['https://acme.github.io/widget/', 'https://team.gitlab.io/x'],
    });
  });

  it.each([
    'Project page: https://widget.example.org',
    'Our website https://widget.example.org has videos.',
    'A demo is at https://widget.example.org',
    'Code and models are available at https://widget.example.org',
    'The code is released at https://widget.example.org',
    'For more information, please visit https://widget.example.org.',
    'The dataset can be found at https://widget.example.org',
    'See https://widget.example.org (project page).',
  ])('takes a URL the text calls a project link: %s', (text) => {
    expect(extractLinks([text])).toEqual({ code: [], project: ['https://widget.example.org'] });
  });

  it('takes a bare domain only with a cue and a common top-level domain', () => {
    expect(project('The leaderboard can be found at bouncerbench.com')).toEqual([
      'https://bouncerbench.com',
    ]);
    expect(project('We compare bouncerbench.com with others.')).toEqual([]);
    expect(project('Code available in main.py, model.pt and README.md, e.g. v3.5.')).toEqual([]);
    expect(project('Our website: www.widget-lab.org.')).toEqual(['https://www.widget-lab.org']);
    expect(project('Docs are available at huggingface.co/docs/widget')).toEqual([]);
  });

  it('leaves out unrelated URLs: references, doi.org, arxiv.org', () => {
    expect(
      extractLinks([
        'As shown in https://en.wikipedia.org/wiki/Transformer, attention helps.',
        'The full version is available at https://arxiv.org/abs/2401.00001 and https://doi.org/10.1000/182.',
        'Reviews are available at https://openreview.net/forum?id=abc.',
      ]),
    ).toEqual({ code: [], project: [] });
  });

  it('does not let a cue in one sentence reach a URL in the next', () => {
    expect(project('Code is available. We compare with https://widget.example.org')).toEqual([]);
  });
});

describe('extractLinks: duplicates and extra fields', () => {
  it('merges spellings of one link and keeps the first', () => {
    expect(
      code(
        'Code: https://github.com/Acme/Widget.',
        'Mirror: http://www.github.com/acme/widget/, https://GitHub.com/Acme/Widget.git and github.com/Acme/Widget',
      ),
    ).toEqual(['https://github.com/Acme/Widget']);
    expect(project('Project page: https://acme.github.io/w/ and http://ACME.github.io/w')).toEqual([
      'https://acme.github.io/w/',
    ]);
  });

  it('keeps a repository and its github.io page apart', () => {
    expect(
      extractLinks(['Code: https://github.com/acme/widget. Page: https://acme.github.io/widget']),
    ).toEqual({
      code: ['https://github.com/acme/widget'],
      project: ['https://acme.github.io/widget'],
    });
  });

  it('lists the Hugging Face fields first and merges them with the text', () => {
    expect(
      extractLinks(['Code at https://github.com/acme/widget. See https://acme.github.io/w.'], {
        githubRepo: 'https://github.com/acme/widget',
        projectPage: 'https://widget.ai',
      }),
    ).toEqual({
      code: ['https://github.com/acme/widget'],
      project: ['https://widget.ai', 'https://acme.github.io/w'],
    });
  });

  it('treats githubRepo as code and projectPage as a project page, a repository as code', () => {
    expect(extractLinks([], { githubRepo: 'github.com/acme/widget' })).toEqual({
      code: ['https://github.com/acme/widget'],
      project: [],
    });
    expect(extractLinks([], { projectPage: 'https://github.com/acme/widget' })).toEqual({
      code: ['https://github.com/acme/widget'],
      project: [],
    });
  });

  it('ignores empty and missing texts and fields', () => {
    expect(extractLinks([undefined, '', '   '], { githubRepo: '', projectPage: ' ' })).toEqual({
      code: [],
      project: [],
    });
  });
});

describe('extractLinks: hostile input', () => {
  it('never returns javascript:, data: or other schemes', () => {
    const links = extractLinks(
      [
        'Code: javascript:alert(1)//https://github.com/x/y and javascript:alert(document.cookie)',
        'Demo available at data:text/html;base64,PHNjcmlwdD4= or ftp://example.org/code',
        'Project page: JaVaScRiPt:alert(1) mailto:someone@example.org',
      ],
      { githubRepo: 'javascript:alert(1)', projectPage: 'data:text/html,<script>x</script>' },
    );
    expect(links).toEqual({ code: [], project: [] });
  });

  it('rejects credentials, IP addresses and single-label hosts', () => {
    expect(
      extractLinks([
        'Code available at https://user:pw@github.com/x/y, http://127.0.0.1:8000/x and http://localhost/code',
      ]),
    ).toEqual({ code: [], project: [] });
  });

  it.each([
    ['opening parentheses', '('.repeat(100_000)],
    ['closing parentheses after a URL', `https://github.com/x/y${')'.repeat(100_000)}`],
    ['dots', 'a.'.repeat(50_000)],
    ['schemes', 'https://'.repeat(12_500)],
    ['comma-glued URLs', 'https://github.com/a/b,'.repeat(4_300)],
    ['a huge host', `http://${'a'.repeat(100_000)}.com`],
    ['bare hosts', 'github.com/'.repeat(9_000)],
    ['brackets and quotes', '[{<"\'>}]'.repeat(12_500)],
    ['TeX', '\\url{'.repeat(20_000)],
    ['spaces and cues', 'code available at '.repeat(5_500)],
    ['dotted tokens under the URL length limit', `${'a.'.repeat(1_000)} `.repeat(50)],
    ['bare hosts under the URL length limit', `${'github.com/'.repeat(180)} `.repeat(50)],
    [
      'unclosed TeX wrappers under the limit',
      `\\url{https://github.com/${'('.repeat(2_000)} `.repeat(50),
    ],
  ])('stays fast on 100 KB of %s', (_name, text) => {
    const start = performance.now();
    const links = extractLinks([text]);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(500);
    for (const url of [...links.code, ...links.project]) expect(url).toMatch(/^https?:\/\//);
  });
});

// ---------------------------------------------------------------------------------------------
// The seed: a real Hugging Face Daily Papers page (../shared, outside the repository). An extra:
// the suites above always run.
// ---------------------------------------------------------------------------------------------

const SEED = 'seed/hf-daily-papers-page.txt';
const haveSeed = sharedSuiteRuns('codeLinks/seed', [SEED]);

/**
 * Every link in the seed, checked by hand, in page order: the paper (title line) and what must
 * come out of its abstract. 11 abstracts carry a GitHub link, 3 a project page; all other
 * abstracts have no link.
 */
const SEED_LINKS = [
  {
    title: 'Understanding the Role of Invariance in Transfer Learning',
    code: ['https://github.com/tillspeicher/representation-invariance-transfer'],
    project: [],
  },
  {
    title:
      'EqMotion: Equivariant Multi-agent Motion Prediction with Invariant Interaction Reasoning',
    code: ['https://github.com/MediaBrain-SJTU/EqMotion'],
    project: [],
  },
  {
    title: 'The Surprising Effectiveness of Negative Reinforcement in LLM Reasoning',
    code: ['https://github.com/TianHongZXY/RLVR-Decomposed'],
    project: [],
  },
  {
    // Written with a period glued on: ".../safety-subspaces."
    title: 'Safety Subspaces are Not Distinct: A Fine-Tuning Case Study',
    code: ['https://github.com/CERT-Lab/safety-subspaces'],
    project: [],
  },
  {
    title: 'Rephrase and Respond: Let Large Language Models Ask Better Questions for Themselves',
    code: ['https://github.com/uclaml/Rephrase-and-Respond'],
    project: [],
  },
  {
    title:
      'Reinforcement Learning-based Counter-Misinformation Response Generation: A Case Study of COVID-19 Vaccine Misinformation',
    code: ['https://github.com/claws-lab/MisinfoCorrect'],
    project: [],
  },
  {
    title:
      "I'm Afraid I Can't Do That: Predicting Prompt Refusal in Black-Box Generative Language Models",
    code: ['https://github.com/maxwellreuter/chatgpt-refusals'],
    project: [],
  },
  {
    // "We make our project available at https://turningpoint-ai.github.io/MOSSBench/."
    title: 'MOSSBench: Is Your Multimodal Language Model Oversensitive to Safe Queries?',
    code: [],
    project: ['https://turningpoint-ai.github.io/MOSSBench/'],
  },
  {
    title:
      'Corrective or Backfire: Characterizing and Predicting User Response to Social Correction',
    code: ['https://github.com/claws-lab/response-to-social-correction'],
    project: [],
  },
  {
    title: 'Internal Consistency and Self-Feedback in Large Language Models: A Survey',
    code: ['https://github.com/IAAR-Shanghai/ICSFSurvey'],
    project: [],
  },
  {
    // No scheme in the text: "… can be found at bouncerbench.com" (end of the abstract).
    title: 'Is Your Automated Software Engineer Trustworthy?',
    code: [],
    project: ['https://bouncerbench.com'],
  },
  {
    title: 'Harnessing Mixed Offline Reinforcement Learning Datasets via Trajectory Weighting',
    code: ['https://github.com/Improbable-AI/harness-offline-rl'],
    project: [],
  },
  {
    // "For more information, please visit http://trustai.one." (kept as http, as written)
    title:
      'Towards Trustworthy and Aligned Machine Learning: A Data-centric Survey with Causality Perspectives',
    code: [],
    project: ['http://trustai.one'],
  },
  {
    // Written with a space before the period: ".../SAILOR ."
    title: 'A Smooth Sea Never Made a Skilled SAILOR: Robust Imitation via Learning to Search',
    code: ['https://github.com/arnavkj1995/SAILOR'],
    project: [],
  },
];

describe.skipIf(!haveSeed)(
  'extractLinks on the seed page (runs only when ../shared/seed is present)',
  () => {
    // The page: a few header lines, then a title line and an abstract line per paper.
    const lines = haveSeed
      ? readFileSync(sharedPath(SEED), 'utf8')
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '')
      : [];
    const papers = lines.flatMap((line, i) =>
      line.length > 300 ? [{ title: lines[i - 1] ?? '', abstract: line }] : [],
    );

    it('reads the 80 papers of the page', () => {
      expect(papers).toHaveLength(80);
    });

    it('finds exactly the hand-checked links, paper by paper, in order', () => {
      const found = papers.flatMap(({ title, abstract }) => {
        const { code, project } = extractLinks([abstract]);
        return code.length + project.length > 0 ? [{ title, code, project }] : [];
      });
      expect(found).toEqual(SEED_LINKS);
      expect(found.filter((p) => p.code.some((u) => u.includes('github.com')))).toHaveLength(11);
      expect(found.filter((p) => p.project.length > 0)).toHaveLength(3);
    });

    it('finds the same links over the whole page at once', () => {
      expect(extractLinks(lines)).toEqual({
        code: SEED_LINKS.flatMap((p) => p.code),
        project: SEED_LINKS.flatMap((p) => p.project),
      });
    });
  },
);

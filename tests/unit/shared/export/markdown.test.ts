import { paperRecord, tag } from '@/tests/helpers/records';
import { toMarkdown } from '@/utils/shared/export/markdown';

describe('toMarkdown', () => {
  it('lists each paper with its link, facts, tags, state and note; escapes text but keeps math', () => {
    const text = toMarkdown(
      [
        paperRecord('1706.03762', {
          title: 'Attention *is* [all] $a_1^2$ you need',
          authors: ['Ashish Vaswani'],
          tagIds: ['t1'],
          savedAt: 1,
          note: 'line one\n<script>two</script>',
        }),
      ],
      [tag('t1', 'nlp_core')],
    );
    expect(text).toBe(
      [
        '# Paperlight export (1 paper)',
        '',
        '## [Attention \\*is\\* \\[all\\] $a_1^2$ you need](https://arxiv.org/abs/1706.03762)',
        '',
        'Ashish Vaswani · 2017 · arXiv:1706.03762',
        '',
        'Tags: nlp\\_core · State: to-read',
        '',
        '> line one',
        '> \\<script\\>two\\</script\\>',
        '',
      ].join('\n'),
    );
  });
});

import type { DetectedPaper, PageDetection, PageSource } from '@/utils/shared/paper';

export function detectedPaper(id: string, overrides: Partial<DetectedPaper> = {}): DetectedPaper {
  return { id, title: `Paper ${id}`, authors: ['Ada Lovelace', 'Alan Turing'], ...overrides };
}

export const listingSource: PageSource = {
  kind: 'arxiv-listing',
  label: 'arXiv cs.CL · new',
  url: 'https://arxiv.org/list/cs.CL/new',
};

export function page(papers: DetectedPaper[], source: PageSource = listingSource): PageDetection {
  return { source, papers };
}

import { EmptyState } from '@/components/EmptyState';
import { ExternalLink } from '@/components/ExternalLink';

/** First run: the digest is empty, so say how papers get into it. */
export function Onboarding() {
  return (
    <EmptyState title="Your paper digest is empty">
      <p>
        Open an arXiv listing such as{' '}
        <ExternalLink href="https://arxiv.org/list/cs.CL/new">
          arxiv.org/list/cs.CL/new
        </ExternalLink>{' '}
        or{' '}
        <ExternalLink href="https://huggingface.co/papers">Hugging Face Daily Papers</ExternalLink>
        {'; '}Paperlight notices the papers there by itself.
      </p>
      <p className="empty-hint">
        They show up here by day, grouped by the page you saw them on, with a TL;DR and links to
        code. Star a paper to keep it under Saved. Everything stays in this browser.
      </p>
    </EmptyState>
  );
}

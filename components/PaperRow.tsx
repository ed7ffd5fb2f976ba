import { memo, useEffect, useId, useRef } from 'react';
import { CodeLinks } from '@/components/CodeLinks';
import { ExternalLink } from '@/components/ExternalLink';
import { RowActions } from '@/components/RowActions';
import { SaveToggle } from '@/components/SaveToggle';
import { TexText } from '@/components/TexText';
import { useTriage } from '@/components/TriageContext';
import { useDeviceTldr } from '@/components/useDeviceTldr';
import { abstractUrl, shortAuthors } from '@/utils/pages/paperDisplay';
import { isNewPaper, reasonText } from '@/utils/pages/triage';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { updateLine } from '@/utils/shared/watch';

interface PaperRowProps {
  paper: PaperRecord;
  /** 1-based position among the list's papers (for assistive technology in a windowed list). */
  position?: number;
  setSize?: number;
}

const MAX_TOOLTIP_AUTHORS = 40;

function authorTooltip(authors: readonly string[]): string {
  const shown = authors.slice(0, MAX_TOOLTIP_AUTHORS).join(', ');
  return authors.length > MAX_TOOLTIP_AUTHORS ? `${shown}, …` : shown;
}

/**
 * One paper: linked title, authors, summary (local TL;DR first; HF's AI summary labelled as such),
 * why it ranks where it does, its state (new, opened), category, upvotes, code/project chips and
 * the save star; in Today also the triage actions. All text is rendered as text, TeX as MathML.
 */
export const PaperRow = memo(function PaperRow({ paper, position, setSize }: PaperRowProps) {
  const titleId = useId();
  const authors = shortAuthors(paper.authors);
  const tldr = paper.tldr?.trim();
  const aiSummary = paper.hf?.aiSummary?.trim();
  const upvotes = paper.hf?.upvotes;
  const title = paper.title || paper.id;
  const article = paper.article;
  // Opt-in on-device summary; the local TL;DR shows until it is ready, and whenever it fails.
  const deviceTldr = useDeviceTldr(article ? undefined : paper.abstract);
  const triage = useTriage();
  const active = triage !== null && triage.activeId === paper.id;
  const rowRef = useRef<HTMLElement>(null);
  const focusTick = triage?.focusTick;
  const pendingFocus = triage?.pendingFocus;
  // Keys moved here: focus the row once it is rendered (it may only now be scrolled into the window).
  useEffect(() => {
    if (!active || !pendingFocus || pendingFocus.current !== paper.id || focusTick === undefined) {
      return;
    }
    pendingFocus.current = null;
    rowRef.current?.focus();
  }, [active, pendingFocus, paper.id, focusTick]);
  const reason = reasonText(paper.relevance);
  const isNew = triage !== null && isNewPaper(paper, triage.allSeenAt, triage.now);
  const opened = paper.openedAt !== undefined;
  // What the watch on saved papers found and the user has not looked at yet.
  const unseenFrom = paper.unseenUpdateAt;
  const news =
    unseenFrom === undefined
      ? []
      : (paper.updates ?? []).filter((update) => update.at >= unseenFrom).map(updateLine);

  return (
    <article
      ref={rowRef}
      className={active ? 'paper paper-active' : 'paper'}
      aria-labelledby={titleId}
      aria-posinset={position}
      aria-setsize={setSize}
      data-paper-id={paper.id}
      tabIndex={triage ? -1 : undefined}
      onFocus={triage ? () => triage.setActiveId(paper.id) : undefined}
    >
      <div className="paper-body">
        <h3 className="paper-title" id={titleId}>
          <ExternalLink href={abstractUrl(paper.id)} title={title}>
            <TexText text={title} />
          </ExternalLink>
        </h3>
        {isNew || opened || news.length > 0 ? (
          <p className="paper-state">
            {isNew ? <span className="state state-new">New</span> : null}
            {opened ? <span className="state state-opened">Opened</span> : null}
            {news.length > 0 ? (
              <span className="state state-updated" title={news.join('\n')}>
                Updated: {news.join('; ')}
              </span>
            ) : null}
          </p>
        ) : null}
        {authors ? (
          <p className="paper-authors" title={authorTooltip(paper.authors)}>
            {authors}
          </p>
        ) : null}
        {deviceTldr ? (
          <p className="paper-tldr paper-tldr-device">
            <span className="summary-label">On-device summary</span> {deviceTldr}
          </p>
        ) : tldr ? (
          <p className="paper-tldr">
            <span className="summary-label">{article ? 'Key point' : 'TL;DR'}</span>{' '}
            <TexText text={tldr} />
          </p>
        ) : null}
        {aiSummary ? (
          <div className={tldr ? 'paper-ai paper-ai-secondary' : 'paper-ai'}>
            <span className="summary-label">AI summary (Hugging Face)</span>
            <p>
              <TexText text={aiSummary} />
            </p>
          </div>
        ) : null}
        {!tldr && !aiSummary ? (
          <p className="paper-missing">
            {paper.placeholder
              ? 'Found as a link; looking up its details on arXiv…'
              : article
                ? 'No key sentences'
                : 'No abstract yet'}
          </p>
        ) : null}
        {reason ? (
          <p
            className={paper.relevance?.excludedBy ? 'paper-reason paper-excluded' : 'paper-reason'}
          >
            <span className="sr-only">Why: </span>
            {reason}
          </p>
        ) : null}
        <div className="paper-meta">
          {paper.primaryCategory ? (
            <span className="chip chip-category" title="Primary category">
              {paper.primaryCategory}
            </span>
          ) : null}
          {article?.siteName ? (
            <span className="chip chip-category" title="Site">
              {article.siteName}
            </span>
          ) : null}
          {article && article.readingMinutes > 0 ? (
            <span className="upvotes">{article.readingMinutes} min read</span>
          ) : null}
          {upvotes !== undefined ? (
            <span className="upvotes" title="Upvotes on Hugging Face Daily Papers">
              <span aria-hidden="true">▲</span> {upvotes.toLocaleString('en-US')}
              <span className="sr-only"> upvotes</span>
            </span>
          ) : null}
          <CodeLinks paper={paper} />
        </div>
        {triage ? <RowActions paper={paper} name={title.slice(0, 80)} triage={triage} /> : null}
      </div>
      <SaveToggle id={paper.id} title={title} saved={paper.savedAt !== undefined} />
    </article>
  );
});

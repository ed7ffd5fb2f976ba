import { type MouseEvent, memo, useEffect, useId, useRef } from 'react';
import { CodeLinks } from '@/components/CodeLinks';
import { ExternalLink } from '@/components/ExternalLink';
import { TagChip } from '@/components/library/TagChip';
import { SaveToggle } from '@/components/SaveToggle';
import { TexText } from '@/components/TexText';
import { abstractUrl, shortAuthors } from '@/utils/pages/paperDisplay';
import type { Tag } from '@/utils/shared/library';
import type { PaperRecord } from '@/utils/shared/paperRecord';

export const READING_STATE_LABEL = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
} as const;

interface LibraryRowProps {
  paper: PaperRecord;
  tags: ReadonlyMap<string, Tag>;
  active: boolean;
  selected: boolean;
  /** Focus the row once rendered (it was moved to with the keys). */
  focusRequest: number | undefined;
  position: number;
  setSize: number;
  onSelect: (id: string, range: boolean) => void;
  onActivate: (id: string) => void;
  onDetails: (id: string) => void;
}

const NOTE_PREVIEW = 160;

function savedDate(savedAt: number): string {
  return new Date(savedAt).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** One paper of a library list: selection box, title, authors, TL;DR, state, tags, note, star. */
export const LibraryRow = memo(function LibraryRow({
  paper,
  tags,
  active,
  selected,
  focusRequest,
  position,
  setSize,
  onSelect,
  onActivate,
  onDetails,
}: LibraryRowProps) {
  const titleId = useId();
  const rowRef = useRef<HTMLElement>(null);
  const title = paper.title || paper.id;
  useEffect(() => {
    if (active && focusRequest !== undefined) rowRef.current?.focus();
  }, [active, focusRequest]);
  const paperTags = (paper.tagIds ?? [])
    .map((id) => tags.get(id))
    .filter((tag): tag is Tag => tag !== undefined && tag.deletedAt === undefined);
  const note = paper.note?.trim();
  const onCheck = (event: MouseEvent<HTMLInputElement>) => onSelect(paper.id, event.shiftKey);

  return (
    <article
      ref={rowRef}
      className={`paper library-row${active ? ' paper-active' : ''}${selected ? ' row-selected' : ''}`}
      aria-labelledby={titleId}
      aria-posinset={position}
      aria-setsize={setSize}
      data-paper-id={paper.id}
      tabIndex={-1}
      onFocus={() => onActivate(paper.id)}
    >
      <input
        type="checkbox"
        className="row-check"
        checked={selected}
        onClick={onCheck}
        onChange={() => {}}
        aria-label={`Select ${title.slice(0, 80)}`}
      />
      <div className="paper-body">
        <h3 className="paper-title" id={titleId}>
          <ExternalLink href={abstractUrl(paper.id)} title={title}>
            <TexText text={title} />
          </ExternalLink>
        </h3>
        <p className="paper-authors">{shortAuthors(paper.authors, 6)}</p>
        {paper.tldr ? (
          <p className="paper-tldr">
            <span className="summary-label">TL;DR</span> <TexText text={paper.tldr} />
          </p>
        ) : null}
        {note ? (
          <p className="row-note">
            <span className="summary-label">Note</span>{' '}
            {note.length > NOTE_PREVIEW ? `${note.slice(0, NOTE_PREVIEW)}…` : note}
          </p>
        ) : null}
        <div className="paper-meta">
          {paper.savedAt !== undefined ? (
            <span className={`chip state-chip state-${paper.readingState ?? 'to-read'}`}>
              {READING_STATE_LABEL[paper.readingState ?? 'to-read']}
            </span>
          ) : null}
          {paper.unseenUpdateAt !== undefined ? (
            <span className="chip update-chip">Updated</span>
          ) : null}
          {paper.primaryCategory ? (
            <span className="chip chip-category">{paper.primaryCategory}</span>
          ) : null}
          {paperTags.map((tag) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
          {paper.savedAt !== undefined ? (
            <span className="upvotes">Saved {savedDate(paper.savedAt)}</span>
          ) : null}
          <CodeLinks paper={paper} />
          <button type="button" className="row-action" onClick={() => onDetails(paper.id)}>
            Details<span className="sr-only"> of {title.slice(0, 80)}</span>
          </button>
        </div>
      </div>
      <SaveToggle id={paper.id} title={title} saved={paper.savedAt !== undefined} />
    </article>
  );
});

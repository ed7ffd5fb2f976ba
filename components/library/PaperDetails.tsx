import { ExternalLink } from '@/components/ExternalLink';
import { READING_STATE_LABEL } from '@/components/library/LibraryRow';
import { TagChip } from '@/components/library/TagChip';
import { TexText } from '@/components/TexText';
import { abstractUrl, paperLinks } from '@/utils/pages/paperDisplay';
import { READING_STATES, type ReadingState, type Tag } from '@/utils/shared/library';
import type { PaperRecord, Sighting } from '@/utils/shared/paperRecord';

interface PaperDetailsProps {
  paper: PaperRecord;
  tags: ReadonlyMap<string, Tag>;
  onClose: () => void;
  onCopyBibtex: () => void;
  onCopyLink: () => void;
  onTag: () => void;
  onNote: () => void;
  onReadingState: (state: ReadingState) => void;
}

function when(ms: number | undefined): string {
  return ms === undefined
    ? '—'
    : new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function SightingLine({ sighting }: { sighting: Sighting }) {
  return (
    <>
      <ExternalLink href={sighting.url}>{sighting.label}</ExternalLink>, {when(sighting.at)}
    </>
  );
}

/** Everything known of one paper, and its library fields to edit. All text shown as text. */
export function PaperDetails({
  paper,
  tags,
  onClose,
  onCopyBibtex,
  onCopyLink,
  onTag,
  onNote,
  onReadingState,
}: PaperDetailsProps) {
  const links = paperLinks(paper);
  const paperTags = (paper.tagIds ?? [])
    .map((id) => tags.get(id))
    .filter((tag): tag is Tag => tag !== undefined && tag.deletedAt === undefined);
  const url = abstractUrl(paper.id);
  return (
    <aside className="details" aria-labelledby="details-title">
      <div className="details-head">
        <h2 id="details-title" className="details-title">
          <ExternalLink href={url}>
            <TexText text={paper.title || paper.id} />
          </ExternalLink>
        </h2>
        <button type="button" className="dialog-close" onClick={onClose} aria-label="Close details">
          ×
        </button>
      </div>
      <p className="paper-authors details-authors">{paper.authors.join(', ')}</p>
      <div className="details-actions">
        <button type="button" className="button" onClick={onCopyBibtex}>
          Copy BibTeX
        </button>
        <button type="button" className="button" onClick={onCopyLink} disabled={!url}>
          Copy link
        </button>
        <button type="button" className="button" onClick={onTag}>
          Tags…
        </button>
        <button type="button" className="button" onClick={onNote}>
          Note…
        </button>
        <label className="inline-field">
          <span>Reading state</span>
          <select
            value={paper.readingState ?? 'to-read'}
            onChange={(event) => onReadingState(event.target.value as ReadingState)}
          >
            {READING_STATES.map((state) => (
              <option key={state} value={state}>
                {READING_STATE_LABEL[state]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {paperTags.length > 0 ? (
        <div className="details-tags">
          {paperTags.map((tag) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
        </div>
      ) : null}
      {paper.note ? (
        <section>
          <h3 className="details-label">Note</h3>
          <p className="details-note">{paper.note}</p>
        </section>
      ) : null}
      {paper.tldr ? (
        <section>
          <h3 className="details-label">TL;DR</h3>
          <p>
            <TexText text={paper.tldr} />
          </p>
        </section>
      ) : null}
      <section>
        <h3 className="details-label">Abstract</h3>
        {paper.abstract ? (
          <p className="details-abstract">
            <TexText text={paper.abstract} />
          </p>
        ) : (
          <p className="paper-missing">No abstract yet</p>
        )}
      </section>
      {links.length > 0 ? (
        <section>
          <h3 className="details-label">Code and project</h3>
          <ul className="details-links">
            {links.map((link) => (
              <li key={link.href}>
                <ExternalLink href={link.href}>
                  {link.label}: {link.href}
                </ExternalLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h3 className="details-label">Versions and changes</h3>
        <p>
          {paper.latestVersion !== undefined
            ? `Latest: v${paper.latestVersion}`
            : 'Version unknown'}
          {paper.journalRef ? ` · ${paper.journalRef}` : ''}
          {paper.doi ? (
            <>
              {' · DOI '}
              <ExternalLink href={`https://doi.org/${encodeURI(paper.doi)}`}>
                {paper.doi}
              </ExternalLink>
            </>
          ) : null}
        </p>
        {paper.updates && paper.updates.length > 0 ? (
          <ul className="details-updates">
            {[...paper.updates].reverse().map((update) => (
              <li key={`${update.at}-${update.kind}-${update.text}`}>
                {when(update.at)} — {update.kind}: {update.text}
                {update.url ? (
                  <>
                    {' '}
                    <ExternalLink href={update.url}>link</ExternalLink>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section>
        <h3 className="details-label">Seen and opened</h3>
        <dl className="details-facts">
          <dt>First seen</dt>
          <dd>
            <SightingLine sighting={paper.firstSighting} />
          </dd>
          <dt>Last seen</dt>
          <dd>
            <SightingLine sighting={paper.lastSighting} /> ({paper.sightingCount}×)
          </dd>
          <dt>Opened</dt>
          <dd>
            {paper.openedAt === undefined
              ? 'Never'
              : `${when(paper.openedAt)}; last ${when(paper.lastOpenedAt)}`}
          </dd>
          <dt>Saved</dt>
          <dd>{paper.savedAt === undefined ? 'No' : when(paper.savedAt)}</dd>
        </dl>
      </section>
    </aside>
  );
}

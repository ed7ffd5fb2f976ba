import { useEffect, useId, useState } from 'react';
import { useNotify } from '@/components/Notice';
import { usePopupServices } from '@/components/PopupContext';
import type { Triage } from '@/components/TriageContext';
import type { PaperRecord } from '@/utils/shared/paperRecord';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** At most this many authors in the follow list (long collaborations list hundreds). */
const MAX_FOLLOW_CHOICES = 8;

/** "More like this", "Follow an author" (a small list of the authors) and "Not interested". */
export function RowActions({
  paper,
  name,
  triage,
}: {
  paper: PaperRecord;
  /** The row's short name, for the buttons' accessible names. */
  name: string;
  triage: Triage;
}) {
  const { send } = usePopupServices();
  const notify = useNotify();
  const liked = paper.likedAt !== undefined;
  const [pendingLike, setPendingLike] = useState<boolean | null>(null);
  const [followOpen, setFollowOpen] = useState(false);
  const followListId = useId();
  const shownLiked = pendingLike ?? liked;

  useEffect(() => {
    if (pendingLike !== null && pendingLike === liked) setPendingLike(null);
  }, [pendingLike, liked]);

  const toggleLike = () => {
    const next = !shownLiked;
    setPendingLike(next);
    send('setLiked', { id: paper.id, liked: next }).catch((error: unknown) => {
      setPendingLike(null);
      notify(`Could not change "more like this": ${reasonOf(error)}`);
    });
  };

  const follow = (author: string) => {
    setFollowOpen(false);
    send('followAuthor', { id: paper.id, author }).then(
      () => notify(`Following ${author.trim()}`),
      (error: unknown) => notify(`Could not follow ${author.trim()}: ${reasonOf(error)}`),
    );
  };

  // Sent as the paper lists them: the background only follows a name the paper carries.
  const authors = [...new Set(paper.authors.filter((author) => author.trim()))].slice(
    0,
    MAX_FOLLOW_CHOICES,
  );
  const dismissed = paper.dismissedAt !== undefined;

  return (
    <div className="row-actions">
      <button
        type="button"
        className="row-action"
        aria-pressed={shownLiked}
        aria-label={`More like this ${name}`}
        onClick={toggleLike}
      >
        More like this
      </button>
      {authors.length > 0 ? (
        <button
          type="button"
          className="row-action"
          aria-expanded={followOpen}
          aria-controls={followOpen ? followListId : undefined}
          aria-label={`Follow an author of ${name}`}
          onClick={() => setFollowOpen(!followOpen)}
        >
          Follow an author <span aria-hidden="true">▾</span>
        </button>
      ) : null}
      {dismissed ? (
        <button
          type="button"
          className="row-action"
          aria-label={`Restore ${name}`}
          onClick={() => triage.restore(paper)}
        >
          Restore
        </button>
      ) : (
        <button
          type="button"
          className="row-action row-action-dismiss"
          aria-label={`Not interested ${name}`}
          title="Not interested (x)"
          onClick={() => triage.dismiss(paper)}
        >
          Not interested
        </button>
      )}
      {followOpen ? (
        <ul className="follow-list" id={followListId} aria-label="Authors">
          {authors.map((author) => (
            <li key={author}>
              <button type="button" className="row-action" onClick={() => follow(author)}>
                Follow {author.trim()}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

import { useState } from 'react';
import { Dialog } from '@/components/library/Dialog';
import { TagChip } from '@/components/library/TagChip';
import { cleanTagName, LIBRARY_LIMITS, type Tag, tagNameKey } from '@/utils/shared/library';

interface TagDialogProps {
  /** "this paper" or "3 papers". */
  what: string;
  tags: readonly Tag[];
  /** How many of the papers carry each tag (by id). */
  carried: ReadonlyMap<string, number>;
  papers: number;
  onAdd: (tagId: string) => void;
  onRemove: (tagId: string) => void;
  /** A new tag from its name (then added to the papers). */
  onCreate: (name: string) => void;
  onClose: () => void;
}

/**
 * Tags of one paper or of a selection: each tag's box is checked when all the papers carry it
 * (mixed when some do); typing a name and Enter adds that tag, creating it when it is new.
 */
export function TagDialog({
  what,
  tags,
  carried,
  papers,
  onAdd,
  onRemove,
  onCreate,
  onClose,
}: TagDialogProps) {
  const [name, setName] = useState('');
  const key = tagNameKey(name);
  const shown = key === '' ? tags : tags.filter((tag) => tagNameKey(tag.name).includes(key));
  const exact = tags.find((tag) => tagNameKey(tag.name) === key);
  const submit = () => {
    const cleaned = cleanTagName(name);
    if (cleaned === '') return;
    if (exact) onAdd(exact.id);
    else onCreate(cleaned);
    setName('');
  };
  return (
    <Dialog title={`Tags of ${what}`} onClose={onClose}>
      <form
        className="tag-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field-label" htmlFor="tag-name">
          Add a tag (Enter)
        </label>
        <input
          id="tag-name"
          className="text-input"
          value={name}
          maxLength={LIBRARY_LIMITS.tagName}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
          placeholder="Tag name"
        />
        {key !== '' && !exact ? (
          <p className="dialog-hint">Enter creates “{cleanTagName(name)}”.</p>
        ) : null}
      </form>
      {shown.length > 0 ? (
        <ul className="tag-choices">
          {shown.map((tag) => {
            const count = carried.get(tag.id) ?? 0;
            const all = count > 0 && count === papers;
            return (
              <li key={tag.id}>
                <label className="tag-choice">
                  <input
                    type="checkbox"
                    checked={all}
                    ref={(input) => {
                      if (input) input.indeterminate = count > 0 && !all;
                    }}
                    onChange={() => (all ? onRemove(tag.id) : onAdd(tag.id))}
                  />
                  <TagChip tag={tag} />
                  {papers > 1 && count > 0 ? <span className="upvotes">{count}</span> : null}
                </label>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="dialog-hint">No tags yet: type a name.</p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

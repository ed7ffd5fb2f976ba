import { useState } from 'react';
import { TagChip } from '@/components/library/TagChip';
import {
  cleanTagName,
  LIBRARY_LIMITS,
  TAG_COLORS,
  type Tag,
  type TagColor,
} from '@/utils/shared/library';

interface TagsViewProps {
  tags: readonly { tag: Tag; count: number }[] | undefined;
  onCreate: (name: string, color: TagColor) => void;
  onRename: (tag: Tag, name: string) => void;
  onColor: (tag: Tag, color: TagColor) => void;
  onMerge: (from: Tag, into: Tag) => void;
  onDelete: (tag: Tag) => void;
  onShow: (tag: Tag) => void;
}

/** Every live tag with its count: create, rename, recolour, merge into another, delete. */
export function TagsView({
  tags,
  onCreate,
  onRename,
  onColor,
  onMerge,
  onDelete,
  onShow,
}: TagsViewProps) {
  const [name, setName] = useState('');
  const [color, setColor] = useState<TagColor>('blue');
  return (
    <section className="tags-view" aria-labelledby="tags-title">
      <h2 id="tags-title" className="view-title">
        Tags
      </h2>
      <form
        className="tag-create"
        onSubmit={(event) => {
          event.preventDefault();
          if (cleanTagName(name) === '') return;
          onCreate(name, color);
          setName('');
        }}
      >
        <label className="inline-field">
          <span>New tag</span>
          <input
            className="text-input"
            value={name}
            maxLength={LIBRARY_LIMITS.tagName}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <ColorSelect value={color} onChange={setColor} label="Colour of the new tag" />
        <button type="submit" className="button button-primary">
          Create
        </button>
      </form>
      {tags === undefined ? (
        <p className="loading">Loading…</p>
      ) : tags.length === 0 ? (
        <p className="dialog-hint">No tags yet. Press t on a paper, or create one here.</p>
      ) : (
        <ul className="tag-rows">
          {tags.map(({ tag, count }) => (
            <TagRow
              key={tag.id}
              tag={tag}
              count={count}
              others={tags.map((entry) => entry.tag).filter((other) => other.id !== tag.id)}
              onRename={onRename}
              onColor={onColor}
              onMerge={onMerge}
              onDelete={onDelete}
              onShow={onShow}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ColorSelect({
  value,
  onChange,
  label,
}: {
  value: TagColor;
  onChange: (color: TagColor) => void;
  label: string;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as TagColor)}
    >
      {TAG_COLORS.map((each) => (
        <option key={each} value={each}>
          {each}
        </option>
      ))}
    </select>
  );
}

interface TagRowProps
  extends Pick<TagsViewProps, 'onRename' | 'onColor' | 'onMerge' | 'onDelete' | 'onShow'> {
  tag: Tag;
  count: number;
  others: readonly Tag[];
}

function TagRow({ tag, count, others, onRename, onColor, onMerge, onDelete, onShow }: TagRowProps) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(tag.name);
  return (
    <li className="tag-row">
      {editing ? (
        <form
          className="tag-rename"
          onSubmit={(event) => {
            event.preventDefault();
            onRename(tag, name);
            setEditing(false);
          }}
        >
          <input
            className="text-input"
            aria-label={`New name for ${tag.name}`}
            value={name}
            maxLength={LIBRARY_LIMITS.tagName}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button-primary">
            Rename
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="tag-show" onClick={() => onShow(tag)}>
          <TagChip tag={tag} />
          <span className="upvotes">{count.toLocaleString('en-US')}</span>
        </button>
      )}
      <div className="tag-tools">
        <ColorSelect
          value={tag.color}
          onChange={(color) => onColor(tag, color)}
          label={`Colour of ${tag.name}`}
        />
        {!editing ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setName(tag.name);
              setEditing(true);
            }}
          >
            Rename<span className="sr-only"> {tag.name}</span>
          </button>
        ) : null}
        {others.length > 0 ? (
          <select
            aria-label={`Merge ${tag.name} into`}
            value=""
            onChange={(event) => {
              const into = others.find((other) => other.id === event.target.value);
              if (into) onMerge(tag, into);
            }}
          >
            <option value="">Merge into…</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
        ) : null}
        <button type="button" className="button button-danger" onClick={() => onDelete(tag)}>
          Delete<span className="sr-only"> {tag.name}</span>
        </button>
      </div>
    </li>
  );
}

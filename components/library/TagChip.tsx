import type { Tag } from '@/utils/shared/library';

/** A tag's name on its colour (text, never HTML). */
export function TagChip({ tag }: { tag: Pick<Tag, 'name' | 'color'> }) {
  return <span className={`chip tag-chip tag-${tag.color}`}>{tag.name}</span>;
}

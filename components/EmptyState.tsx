import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="empty" aria-label={title}>
      <div className="empty-mark" aria-hidden="true">
        ☆
      </div>
      <h2 className="empty-title">{title}</h2>
      {children}
    </section>
  );
}

import type { ReactNode } from 'react';
import { httpUrl } from '@/utils/shared/url';

interface ExternalLinkProps {
  href: string | undefined;
  children: ReactNode;
  className?: string;
  title?: string;
}

/**
 * A link that opens in a new tab — only when `href` is an http(s) URL (see httpUrl);
 * anything else renders as plain text.
 */
export function ExternalLink({ href, children, className, title }: ExternalLinkProps) {
  const safe = httpUrl(href);
  if (!safe) {
    return (
      <span className={className} title={title}>
        {children}
      </span>
    );
  }
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" className={className} title={title}>
      {children}
    </a>
  );
}

import { ExternalLink } from '@/components/ExternalLink';
import { paperLinks } from '@/utils/pages/paperDisplay';
import type { PaperRecord } from '@/utils/shared/paperRecord';

/** Code repositories and project pages as chips ("GitHub", "Project page", …); http(s) only. */
export function CodeLinks({ paper }: { paper: Pick<PaperRecord, 'codeUrls' | 'projectUrls'> }) {
  const links = paperLinks(paper);
  if (links.length === 0) return null;
  return (
    <ul className="links" aria-label="Code and project links">
      {links.map((link) => (
        <li key={link.href}>
          <ExternalLink
            href={link.href}
            className={`chip chip-link chip-${link.kind}`}
            title={link.href}
          >
            {link.label}
          </ExternalLink>
        </li>
      ))}
    </ul>
  );
}

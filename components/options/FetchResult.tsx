import type { DigestReport, SourceReport } from '@/utils/shared/protocol';

function describe(source: SourceReport): string {
  switch (source.outcome) {
    case 'stored':
      return `${source.papers} papers, ${source.countedAsNew} new`;
    case 'repeated':
      return 'nothing new (same batch as last time)';
    case 'not-modified':
      return 'nothing new';
    case 'offline':
      return 'skipped: offline';
    case 'timeout':
      return 'skipped: no answer in time';
    case 'backoff':
      return `skipped: the site asked to wait until ${new Date(source.until ?? 0).toLocaleTimeString()}`;
    case 'error':
      return `failed (${source.detail ?? 'unknown error'})`;
  }
}

/** What a "Fetch now" did, one line per source. */
export function FetchResult({ report }: { report: DigestReport }) {
  if (report.sources.length === 0) return <span>No source is switched on.</span>;
  return (
    <ul className="fetch-result" data-at={report.at}>
      {report.sources.map((source) => (
        <li key={source.url} data-kind={source.kind} data-outcome={source.outcome}>
          <strong>{source.label}</strong>: {describe(source)}
        </li>
      ))}
    </ul>
  );
}

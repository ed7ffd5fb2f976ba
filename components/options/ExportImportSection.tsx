import { type ChangeEvent, useId, useState } from 'react';
import {
  EXPORT_FORMAT_NAMES,
  EXPORT_FORMATS,
  type ExportedFile,
  type ExportFormat,
} from '@/utils/pages/exportFile';
import type { ImportReport } from '@/utils/shared/protocol';

export interface LibraryFileServices {
  /** The saved papers as a file of this format. */
  exportSaved: (format: ExportFormat) => Promise<ExportedFile>;
  download: (file: ExportedFile) => void;
  importFile: (file: File) => Promise<ImportReport>;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'exported'; filename: string }
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'error'; message: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function reportText(report: ImportReport): string {
  const parts = [
    `${plural(report.added, 'paper')} added`,
    `${report.updated} updated`,
    `${report.unchanged} unchanged`,
    `${plural(report.tagsAdded, 'tag')} added`,
  ];
  if (report.skipped > 0) parts.push(`${report.skipped} skipped`);
  return `Imported: ${parts.join(', ')}.`;
}

/** Options page: export the saved papers, import a Paperlight or PaperMemory export. */
export function ExportImportSection({ services }: { services: LibraryFileServices }) {
  const ids = { heading: useId(), format: useId(), file: useId() };
  const [format, setFormat] = useState<ExportFormat>('json');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const onExport = async () => {
    setStatus({ kind: 'busy', what: 'Exporting…' });
    try {
      const file = await services.exportSaved(format);
      services.download(file);
      setStatus({ kind: 'exported', filename: file.filename });
    } catch (error) {
      setStatus({ kind: 'error', message: `Export failed: ${String(error)}` });
    }
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setStatus({ kind: 'busy', what: `Importing ${file.name}…` });
    try {
      setStatus({ kind: 'imported', report: await services.importFile(file) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setStatus({ kind: 'error', message: `Import refused, nothing was changed: ${reason}` });
    } finally {
      input.value = ''; // the same file can be chosen again
    }
  };

  return (
    <section className="section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Export and import</h2>
      <p className="lead">
        Export your saved papers to cite them or keep a copy; import a Paperlight export or a
        PaperMemory export. An import adds and merges, it never removes anything: the newer of two
        notes, tags or reading states wins.
      </p>
      <label className="field" htmlFor={ids.format}>
        Export format
      </label>
      <select
        id={ids.format}
        name="exportFormat"
        value={format}
        onChange={(event) => setFormat(event.target.value as ExportFormat)}
      >
        {EXPORT_FORMATS.map((name) => (
          <option key={name} value={name}>
            {EXPORT_FORMAT_NAMES[name]}
          </option>
        ))}
      </select>
      <div className="actions">
        <button type="button" onClick={onExport} disabled={status.kind === 'busy'}>
          Export saved
        </button>
      </div>
      <label className="field" htmlFor={ids.file}>
        Import a file (Paperlight JSON or PaperMemory)
      </label>
      <input
        id={ids.file}
        type="file"
        name="importFile"
        accept=".json,application/json"
        onChange={onImport}
        disabled={status.kind === 'busy'}
      />
      <output className="status library-file-status" aria-live="polite">
        {status.kind === 'busy' ? status.what : null}
        {status.kind === 'exported' ? `Exported ${status.filename}.` : null}
        {status.kind === 'imported' ? reportText(status.report) : null}
        {status.kind === 'imported' && status.report.skipReasons.length > 0 ? (
          <ul className="skips">
            {status.report.skipReasons.slice(0, 5).map((skip) => (
              <li key={skip.id}>
                {skip.id}: {skip.reason}
              </li>
            ))}
          </ul>
        ) : null}
        {status.kind === 'error' ? <span className="error">{status.message}</span> : null}
      </output>
    </section>
  );
}

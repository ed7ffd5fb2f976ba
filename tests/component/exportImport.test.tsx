import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExportImportSection } from '@/components/options/ExportImportSection';
import { paperRecord } from '@/tests/helpers/records';
import { importFile } from '@/utils/pages/exportFile';
import { toPaperlightJson } from '@/utils/shared/export/json';
import type { ImportReport } from '@/utils/shared/protocol';

const REPORT: ImportReport = {
  format: 'paperlight',
  added: 1,
  updated: 2,
  unchanged: 3,
  tagsAdded: 1,
  skipped: 1,
  skipReasons: [{ id: 'Broken-1', reason: 'no valid addDate' }],
};

function renderSection(importer: (file: File) => Promise<ImportReport>) {
  const services = {
    exportSaved: vi.fn(async (format: string) => ({
      filename: `paperlight-saved-2026-11-28.${format === 'bibtex' ? 'bib' : 'json'}`,
      mime: 'application/json',
      text: '{}',
    })),
    download: vi.fn(),
    importFile: vi.fn(importer),
  };
  render(<ExportImportSection services={services} />);
  return services;
}

describe('options page: export and import', () => {
  it('exports the saved papers in the chosen format and hands the file to the download', async () => {
    const services = renderSection(async () => REPORT);
    await userEvent.selectOptions(screen.getByLabelText('Export format'), 'bibtex');
    await userEvent.click(screen.getByRole('button', { name: 'Export saved' }));
    expect(services.exportSaved).toHaveBeenCalledWith('bibtex');
    expect(services.download).toHaveBeenCalledWith(
      expect.objectContaining({ filename: 'paperlight-saved-2026-11-28.bib' }),
    );
    expect(
      await screen.findByText('Exported paperlight-saved-2026-11-28.bib.'),
    ).toBeInTheDocument();
  });

  it('shows what an import did, with the reasons of what was skipped', async () => {
    renderSection(async () => REPORT);
    const file = new File(['{}'], 'export.json', { type: 'application/json' });
    await userEvent.upload(screen.getByLabelText(/Import a file/), file);
    expect(
      await screen.findByText(
        'Imported: 1 paper added, 2 updated, 3 unchanged, 1 tag added, 1 skipped.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Broken-1: no valid addDate')).toBeInTheDocument();
  });

  it('shows why a file was refused', async () => {
    renderSection(async () => {
      throw new Error('This is not a Paperlight export (no "format": "paperlight").');
    });
    await userEvent.upload(screen.getByLabelText(/Import a file/), new File(['[]'], 'x.json'));
    expect(
      await screen.findByText(
        'Import refused, nothing was changed: This is not a Paperlight export (no "format": "paperlight").',
      ),
    ).toBeInTheDocument();
  });
});

/** A file as the page's File gives it (jsdom's Blob cannot be read as text). */
const fileOf = (text: string) => ({
  size: new TextEncoder().encode(text).length,
  text: async () => text,
});

describe('importFile', () => {
  it('sends Paperlight JSON as paperlight and a PaperMemory export as papermemory', async () => {
    const send = vi.fn(async (_payload: { format: string; text: string }) => REPORT);
    const paperlight = toPaperlightJson([paperRecord('2101.00001')], [], 0);
    await importFile(fileOf(paperlight), send);
    await importFile(fileOf('{"Arxiv-1": {}, "__dataVersion": 508}'), send);
    expect(send.mock.calls.map(([payload]) => payload.format)).toEqual([
      'paperlight',
      'papermemory',
    ]);
  });

  it('refuses an empty file without sending it', async () => {
    const send = vi.fn(async (_payload: { format: string; text: string }) => REPORT);
    await expect(importFile(fileOf('  \n'), send)).rejects.toThrow('The file is empty.');
    expect(send).not.toHaveBeenCalled();
  });
});

import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OnDeviceSummaryServices } from '@/components/options/OnDeviceSummary';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { OnDeviceStatus } from '@/utils/pages/onDeviceSummarizer';
import type { DigestReport } from '@/utils/shared/protocol';
import { DEFAULT_SETTINGS } from '@/utils/shared/settings';

const CHECKBOX = "Use Chrome's on-device summarizer when available";

function renderOptions(
  status: OnDeviceStatus,
  {
    enabled = false,
    download = vi.fn(async (_onProgress: (fraction: number) => void) => true),
  }: { enabled?: boolean; download?: OnDeviceSummaryServices['download'] } = {},
) {
  const onDevice = {
    status: vi.fn(async () => status),
    load: vi.fn(async () => enabled),
    save: vi.fn(async (_enabled: boolean) => {}),
    download,
  };
  render(
    <OptionsApp
      load={async () => ({ ...DEFAULT_SETTINGS })}
      save={async () => {}}
      fetchNow={async (): Promise<DigestReport> => ({ at: 0, sources: [] })}
      onDevice={onDevice}
    />,
  );
  return onDevice;
}

describe("options page: Chrome's on-device summarizer", () => {
  it('is off by default and says when the model is available', async () => {
    const onDevice = renderOptions('available');
    expect(await screen.findByText('Available')).toBeInTheDocument();
    const box = screen.getByRole('checkbox', { name: CHECKBOX });
    expect(box).not.toBeChecked();
    expect(box).toBeEnabled();
    expect(box).toHaveAccessibleDescription('Available');

    await userEvent.click(box);
    expect(box).toBeChecked();
    expect(onDevice.save).toHaveBeenCalledWith(true);
    // Nothing to download.
    expect(onDevice.download).not.toHaveBeenCalled();
  });

  it('disables the checkbox, with the reason, in a browser without it', async () => {
    const onDevice = renderOptions('unavailable', { enabled: true });
    expect(await screen.findByText('Not available in this browser')).toBeInTheDocument();
    const box = screen.getByRole('checkbox', { name: CHECKBOX });
    expect(box).toBeDisabled();
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription('Not available in this browser');
    expect(onDevice.download).not.toHaveBeenCalled();
  });

  it('downloads the model only once the user opts in, showing progress', async () => {
    let report: (fraction: number) => void = () => {};
    let finish: (ready: boolean) => void = () => {};
    const download = vi.fn(
      (onProgress: (fraction: number) => void) =>
        new Promise<boolean>((resolve) => {
          report = onProgress;
          finish = resolve;
        }),
    );
    const onDevice = renderOptions('downloadable', { download });
    expect(await screen.findByText('Needs a one-time model download')).toBeInTheDocument();
    expect(download).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('checkbox', { name: CHECKBOX }));
    expect(download).toHaveBeenCalledTimes(1);
    expect(onDevice.save).toHaveBeenCalledWith(true);
    expect(await screen.findByText('Downloading the model…')).toBeInTheDocument();
    act(() => report(0.42));
    expect(await screen.findByText('Downloading the model… 42%')).toBeInTheDocument();
    await act(async () => finish(true));
    expect(await screen.findByText('Available')).toBeInTheDocument();
  });

  it('says so when the download fails, and keeps the setting', async () => {
    const onDevice = renderOptions('downloadable', { download: vi.fn(async () => false) });
    await userEvent.click(await screen.findByRole('checkbox', { name: CHECKBOX }));
    expect(await screen.findByText(/The model download did not finish/)).toBeInTheDocument();
    await waitFor(() => expect(onDevice.status).toHaveBeenCalledTimes(2));
    expect(screen.getByText('Needs a one-time model download')).toBeInTheDocument();
    expect(onDevice.save).toHaveBeenLastCalledWith(true);
  });
});

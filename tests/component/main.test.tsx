import { screen } from '@testing-library/react';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sendMessage } from '@/utils/pages/sendMessage';

vi.mock('@/utils/pages/sendMessage', () => ({
  sendMessage: vi.fn(async () => ({ badge: '' })),
}));

describe('popup entry', () => {
  afterAll(() => {
    document.body.innerHTML = '';
  });

  it('sends popupOpened once and renders the app into #root', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    await import('@/entrypoints/popup/main');

    expect(await screen.findByRole('tab', { name: 'Today' })).toBeInTheDocument();
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith('popupOpened', {});
    expect(
      await screen.findByRole('heading', { name: 'Your paper digest is empty' }),
    ).toBeInTheDocument();
  });
});

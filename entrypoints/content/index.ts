import { detectAndMark } from '@/utils/contentScript';
import { sendMessage } from '@/utils/messaging';

export default defineContentScript({
  matches: [
    'https://arxiv.org/list/*',
    'https://arxiv.org/abs/*',
    'https://arxiv.org/search/*',
    'https://huggingface.co/papers*',
  ],
  runAt: 'document_idle',
  main() {
    void detectAndMark(document, new URL(location.href), sendMessage);
  },
});

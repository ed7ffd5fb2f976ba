import { startContentScript } from '@/utils/contentScript';
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
    startContentScript(document, sendMessage);
  },
});

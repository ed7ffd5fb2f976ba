import { startContentScript } from '@/utils/content/contentScript';
import { sendToBackground } from '@/utils/content/sendToBackground';
import { onStatusesChanged } from '@/utils/content/statusesChanged';

export default defineContentScript({
  matches: [
    'https://arxiv.org/list/*',
    'https://arxiv.org/catchup/*',
    'https://arxiv.org/abs/*',
    'https://arxiv.org/html/*',
    'https://arxiv.org/search/*',
    'https://huggingface.co/papers*',
  ],
  runAt: 'document_idle',
  main() {
    startContentScript(document, sendToBackground, { subscribe: onStatusesChanged });
  },
});

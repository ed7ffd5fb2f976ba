/**
 * The Paperlight bar on arXiv listings (/list/, /catchup, search): "Hide seen" and "Only matches"
 * toggles, the count of matches and the keys. Fixed in the page's corner (nothing moves), in a
 * closed shadow root of its own (styles leak neither way; page scripts cannot reach the toggles),
 * acting only on the user's own clicks.
 */

export const KEYS_HELP = 'Keys: j / k next / previous paper, s save, x not interested, o open';

export interface BarFilters {
  hideSeen: boolean;
  onlyMatches: boolean;
}

export interface ListingBar {
  filters: BarFilters;
  showCount(matches: number): void;
}

const CSS = `:host{all:initial!important;position:fixed!important;right:12px!important;bottom:12px!important;z-index:2147483647!important}
div{display:flex;gap:6px;align-items:center;padding:4px 6px 4px 10px;font:12px/18px system-ui,sans-serif;color:#333;background:#fff;border:1px solid #8a8a8a;border-radius:999px;box-shadow:0 2px 8px #0003}
b{color:#b31b1b}
button{all:unset;padding:0 8px;border:1px solid #8a8a8a;border-radius:999px;cursor:pointer}
button:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
[aria-pressed=true]{background:#b31b1b;border-color:#b31b1b;color:#fff}
p{margin:0}[hidden]{display:none}`;

export function showListingBar(doc: Document, onFilter: () => void): ListingBar {
  const host = doc.createElement('paperlight-bar');
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML =
    `<style>${CSS}</style><div role="region" aria-label="Paperlight"><b>Paperlight</b><span></span>` +
    '<button type="button" aria-pressed="false">Hide seen</button>' +
    '<button type="button" aria-pressed="false">Only matches</button>' +
    `<button type="button" aria-expanded="false" aria-label="${KEYS_HELP}" title="${KEYS_HELP}">?</button>` +
    `<p hidden>${KEYS_HELP}</p></div>`;
  const [count, hideSeen, onlyMatches, help, keys] = Array.from(
    root.querySelector('div')?.children ?? [],
  ).slice(1) as [HTMLElement, HTMLElement, HTMLElement, HTMLElement, HTMLElement];
  const filters: BarFilters = { hideSeen: false, onlyMatches: false };
  root.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const button = (event.target as Element).closest('button');
    if (button === help) {
      keys.hidden = !keys.hidden;
      help.setAttribute('aria-expanded', String(!keys.hidden));
      return;
    }
    const which = button === hideSeen ? 'hideSeen' : button === onlyMatches ? 'onlyMatches' : '';
    if (!which || !button) return;
    filters[which] = !filters[which];
    button.setAttribute('aria-pressed', String(filters[which]));
    onFilter();
  });
  doc.documentElement.append(host);
  return {
    filters,
    showCount(matches) {
      count.textContent = `${matches} ${matches === 1 ? 'match' : 'matches'}`;
    },
  };
}

import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';

// Unit and component tests never reach the network: a fetch that a test did not inject fails the
// way an offline one does (politeFetch reads it as `offline`).
globalThis.fetch = async () => {
  throw new TypeError('no network in unit tests');
};

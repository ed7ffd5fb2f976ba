/**
 * Asks the browser to keep Paperlight's storage when the disk runs low
 * (`navigator.storage.persist()`). Only pages can ask (the service worker cannot), and the
 * first save is the moment: it is when the library starts to hold something the user would
 * miss, and it is a click, which browsers that ask the user (Firefox) want. Asking again when
 * already granted costs nothing. Never throws; undefined when the browser cannot say.
 */
export async function requestPersistentStorage(): Promise<boolean | undefined> {
  try {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist || !storage.persisted) return undefined;
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return undefined;
  }
}

export interface StorageStatus {
  /** undefined when the browser cannot say. */
  persisted?: boolean;
  usage?: number;
  quota?: number;
}

export async function storageStatus(): Promise<StorageStatus> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted?.().catch(() => undefined),
    storage?.estimate?.().catch(() => undefined),
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/** "12.3 MB", "1.2 GB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** A storage item's value, kept current as it changes (undefined until first read). */
export function useStorageValue<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    item.getValue().then(
      (read) => {
        if (live) setValue(read);
      },
      () => {},
    );
    const unwatch = item.watch((next) => setValue(next));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}

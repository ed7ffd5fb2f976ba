/**
 * A lock made of a promise chain: tasks given to one lock run one after another, in the order
 * they were given, each starting when the one before has settled (a failed task does not stop
 * the next). It only orders tasks inside one service worker; what must outlive the worker is in
 * `storage.local`.
 */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>;

export function createLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

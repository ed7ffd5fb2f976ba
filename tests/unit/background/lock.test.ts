import { createLock } from '@/utils/background/lock';

/** A promise with its resolve and reject exposed. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createLock', () => {
  it('runs tasks one after another, in the order given', async () => {
    const lock = createLock();
    const log: string[] = [];
    const first = deferred();
    const started = deferred();
    const a = lock(async () => {
      log.push('a starts');
      started.resolve();
      await first.promise;
      log.push('a ends');
      return 'a';
    });
    const b = lock(async () => {
      log.push('b runs');
      return 'b';
    });
    await started.promise;
    await new Promise((resolve) => setTimeout(resolve, 0)); // b has had every chance to start
    expect(log).toEqual(['a starts']);
    first.resolve();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('passes a failure to its caller and goes on with the next task', async () => {
    const lock = createLock();
    const failing = lock(async () => {
      throw new Error('boom');
    });
    const next = lock(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('keeps separate locks independent', async () => {
    const one = createLock();
    const other = createLock();
    const blocked = deferred();
    void one(() => blocked.promise);
    await expect(other(async () => 'free')).resolves.toBe('free');
    blocked.resolve();
  });
});

import * as v from 'valibot';

/**
 * Reading what `storage.local` holds. A value written by an older version or edited by hand is
 * repaired, never trusted: each stored value is read with `v.parse` through a valibot schema
 * whose malformed parts fall back to defaults (`v.fallback`), so reading never throws.
 */

/**
 * The items that pass `item`, as it reads them, in order; the others are dropped. Anything but a
 * list reads as [].
 */
export function listOf<S extends v.GenericSchema>(item: S) {
  return v.fallback(
    v.pipe(
      v.array(v.unknown()),
      v.transform((values) =>
        values.flatMap((value) => {
          const result = v.safeParse(item, value);
          return result.success ? [result.output as v.InferOutput<S>] : [];
        }),
      ),
    ),
    [],
  );
}

/** A finite number; anything else reads as 0. */
export const finiteOrZero = v.fallback(v.pipe(v.number(), v.finite()), 0);

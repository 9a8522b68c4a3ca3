/**
 * Natural batching ("group commit") for hot paths: calls that arrive while
 * earlier batches run wait, and go together in the next one. At low load a
 * call starts at once, alone; under load N concurrent calls share one set of
 * round trips instead of paying N. No timers: nothing waits for a batch to fill.
 *
 * `run` returns one settled result per item, in order, so one item's failure
 * is that item's caller's error only. If `run` itself throws, every item of
 * that batch gets the error.
 */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface BatcherOptions {
  /** Largest batch handed to `run`. */
  maxBatch: number;
  /** Batches running at the same time. */
  concurrency: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export function createBatcher<I, O>(run: (items: I[]) => Promise<Settled<O>[]>, opts: BatcherOptions): (item: I) => Promise<O> {
  const queue: Pending<I, O>[] = [];
  let running = 0;

  const settle = (batch: Pending<I, O>[], results: Settled<O>[]) => {
    batch.forEach((p, i) => {
      const r = results[i];
      if (!r) p.reject(new Error(`batch returned ${results.length} results for ${batch.length} items`));
      else if (r.ok) p.resolve(r.value);
      else p.reject(r.error);
    });
  };

  const pump = () => {
    while (running < opts.concurrency && queue.length > 0) {
      const batch = queue.splice(0, opts.maxBatch);
      running += 1;
      run(batch.map((p) => p.item))
        .then(
          (results) => settle(batch, results),
          (error: unknown) => batch.forEach((p) => p.reject(error)),
        )
        .finally(() => {
          running -= 1;
          pump();
        });
    }
  };

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}

/** Runs `fn` for one item, capturing its outcome. */
export async function settle<O>(fn: () => Promise<O>): Promise<Settled<O>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * The run most batches need: the first item of each key goes into `many` together; if `many` throws as a whole,
 * those items run one by one (`one`), so one item's failure is its own; a later item whose key is already in the
 * batch runs alone after it (it sees what the first one did). Results in input order.
 */
export async function runDistinct<I, O>(
  items: readonly I[],
  keyOf: (item: I) => string,
  many: (items: I[]) => Promise<Settled<O>[]>,
  one: (item: I) => Promise<O>,
): Promise<Settled<O>[]> {
  const seen = new Set<string>();
  const first = items.filter((i) => !seen.has(keyOf(i)) && seen.add(keyOf(i)));
  let results: Settled<O>[];
  try {
    results = await many(first);
  } catch {
    results = [];
    for (const item of first) results.push(await settle(() => one(item)));
  }
  const byKey = new Map(first.map((item, i) => [keyOf(item), results[i] as Settled<O>]));
  const out: Settled<O>[] = [];
  for (const item of items) {
    const r = byKey.get(keyOf(item));
    if (r) {
      byKey.delete(keyOf(item));
      out.push(r);
    } else {
      out.push(await settle(() => one(item)));
    }
  }
  return out;
}

/**
 * A batched set-based statement over distinct items: `many` runs the statement for several items and returns one
 * result per item, in input order. Concurrent calls share it (createBatcher); runDistinct keeps one item's failure
 * its own and runs a repeated key after its first copy.
 */
export function batchStatement<I, O>(many: (items: I[]) => Promise<O[]>, keyOf: (item: I) => string, opts: BatcherOptions): (item: I) => Promise<O> {
  const one = async (item: I) => (await many([item]))[0] as O;
  const together = (items: I[]) => runDistinct(items, keyOf, async (first) => (await many(first)).map((value) => ({ ok: true as const, value })), one);
  return createBatcher<I, O>(together, opts);
}

import { describe, expect, it } from "vitest";
import { batchStatement, createBatcher, runDistinct, settle } from "@/server/lib/batcher";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("createBatcher", () => {
  it("runs a lone call at once and groups the calls that arrive meanwhile", async () => {
    const batches: number[][] = [];
    const call = createBatcher<number, number>(
      async (items) => {
        batches.push(items);
        await tick();
        return items.map((n) => ({ ok: true as const, value: n * 10 }));
      },
      { maxBatch: 3, concurrency: 1 },
    );
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => call(n)));
    expect(results).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it("keeps up to `concurrency` batches running", async () => {
    let running = 0;
    let peak = 0;
    const call = createBatcher<number, number>(
      async (items) => {
        running += 1;
        peak = Math.max(peak, running);
        await tick();
        running -= 1;
        return items.map((n) => ({ ok: true as const, value: n }));
      },
      { maxBatch: 2, concurrency: 2 },
    );
    await Promise.all([1, 2, 3, 4, 5].map((n) => call(n)));
    expect(peak).toBe(2);
  });

  it("fails only the item whose result is an error, and every item when the batch throws", async () => {
    const perItem = createBatcher<number, number>(
      async (items) => Promise.all(items.map((n) => settle(async () => {
        if (n === 2) throw new Error("two is bad");
        return n;
      }))),
      { maxBatch: 10, concurrency: 1 },
    );
    const out = await Promise.allSettled([1, 2, 3].map((n) => perItem(n)));
    expect(out.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((out[1] as PromiseRejectedResult).reason).toEqual(new Error("two is bad"));

    const whole = createBatcher<number, number>(async () => {
      throw new Error("database down");
    }, { maxBatch: 10, concurrency: 1 });
    const all = await Promise.allSettled([1, 2].map((n) => whole(n)));
    expect(all.every((o) => o.status === "rejected")).toBe(true);
    // a failed batch frees its slot: the next call runs (and fails) instead of waiting forever
    await expect(whole(3)).rejects.toThrow("database down");
  });
});

describe("runDistinct", () => {
  it("runs distinct keys together, a repeated key alone afterwards, and falls back to one by one when the batch throws", async () => {
    const calls: string[] = [];
    const many = async (xs: string[]) => {
      calls.push(`many:${xs.join(",")}`);
      if (xs.includes("bad")) throw new Error("batch refused");
      return xs.map((x) => ({ ok: true as const, value: x.toUpperCase() }));
    };
    const one = async (x: string) => {
      calls.push(`one:${x}`);
      if (x === "bad") throw new Error("bad alone");
      return `${x}!`;
    };
    const out = await runDistinct(["a", "b", "a"], (x) => x, many, one);
    expect(out).toEqual([{ ok: true, value: "A" }, { ok: true, value: "B" }, { ok: true, value: "a!" }]);
    expect(calls).toEqual(["many:a,b", "one:a"]);

    calls.length = 0;
    const fallback = await runDistinct(["a", "bad"], (x) => x, many, one);
    expect(fallback.map((r) => r.ok)).toEqual([true, false]);
    expect(calls).toEqual(["many:a,bad", "one:a", "one:bad"]);
  });
});

describe("batchStatement", () => {
  it("shares one statement between concurrent calls, runs a repeated key after it, and a failing item fails alone", async () => {
    const statements: string[][] = [];
    const call = batchStatement<string, string>(
      async (items) => {
        statements.push(items);
        await tick();
        if (items.includes("bad")) throw new Error("refused");
        return items.map((s) => s.toUpperCase());
      },
      (s) => s,
      { maxBatch: 10, concurrency: 1 },
    );
    const first = call("a");
    const rest = ["b", "bad", "b", "c"].map((s) => settle(() => call(s)));
    expect(await first).toBe("A");
    expect((await Promise.all(rest)).map((r) => (r.ok ? r.value : (r.error as Error).message))).toEqual(["B", "refused", "B", "C"]);
    expect(statements).toEqual([["a"], ["b", "bad", "c"], ["b"], ["bad"], ["c"], ["b"]]);
  });
});

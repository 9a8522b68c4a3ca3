import { afterEach, describe, expect, it, vi } from "vitest";
import { PENDING_LIMIT, pendingAfterResponse, runAfterResponse, settleAfterResponse } from "@/server/lib/after-response";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

afterEach(async () => {
  await settleAfterResponse(1000);
  vi.restoreAllMocks();
});

describe("work after the answer", () => {
  it("lets the caller answer while the task runs, and settles when it is done", async () => {
    const g = gate();
    let done = false;
    await runAfterResponse("test", async () => {
      await g.opened;
      done = true;
    });
    expect(done).toBe(false);
    expect(pendingAfterResponse()).toBe(1);
    const settled = settleAfterResponse(1000);
    g.open();
    expect(await settled).toBe(true);
    expect(done).toBe(true);
    expect(pendingAfterResponse()).toBe(0);
  });

  it("logs a task's failure instead of throwing it at anyone", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await runAfterResponse("reservation of order X", () => Promise.reject(new Error("database gone")));
    expect(await settleAfterResponse(1000)).toBe(true);
    expect(log).toHaveBeenCalledWith("[after-response] reservation of order X:", expect.objectContaining({ message: "database gone" }));
  });

  it("makes the caller wait for its own task once too many are in flight", async () => {
    const g = gate();
    for (let i = 0; i < PENDING_LIMIT; i++) await runAfterResponse("held", () => g.opened);
    let finished = false;
    const over = runAfterResponse("one too many", async () => {
      await g.opened;
      finished = true;
    }).then(() => finished);
    expect(await Promise.race([over, new Promise((r) => setTimeout(() => r("still waiting"), 50))])).toBe("still waiting");
    g.open();
    expect(await over).toBe(true);
  });

  it("reports a timeout when a task does not finish in time", async () => {
    const g = gate();
    await runAfterResponse("slow", () => g.opened);
    expect(await settleAfterResponse(20)).toBe(false);
    g.open();
    expect(await settleAfterResponse(1000)).toBe(true);
  });
});

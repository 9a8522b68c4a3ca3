/**
 * What a tRPC call failed with, for router tests: its tRPC code and the service's params (rule, field, the
 * values it names). A call that succeeds, or fails with something else, reads as a code no test expects.
 */
import { TRPCError } from "@trpc/server";

export async function failure(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> | null }> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof TRPCError)) return { code: `no error (${String(e)})`, params: null };
  return { code: e.code, params: (e.cause as { params?: Record<string, unknown> } | undefined)?.params ?? null };
}

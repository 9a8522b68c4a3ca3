import { TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { roleProcedure, router } from "@/server/api/trpc";
import { createManualOrder } from "@/server/services/order/create-manual-order";
import { manualOrderInput } from "@/server/services/order/manual-order-input";
import { listImportChannels, listManualChannels, lookupSkusForEntry } from "@/server/services/order/order-entry-lookups";

/**
 * createManualOrder reports database-dependent field problems (unknown SKU,
 * wrong channel) as a ZodError with paths, like input validation does: answer
 * them as BAD_REQUEST so the form gets `zodIssues` instead of a 500.
 */
const entryProcedure = roleProcedure("OPERATOR", "ADMIN").use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ZodError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: "BAD_REQUEST", message: cause.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), cause });
  }
  return result;
});

const skuOption = z.object({ id: z.string(), code: z.string(), name: z.string(), ean: z.string().nullable(), priceCents: z.number().int() });
const channelOption = z.object({ id: z.string(), name: z.string(), defaultCurrency: z.string() });

export const orderEntryRouter = router({
  skuLookup: entryProcedure
    .input(z.object({ query: z.string().max(80) }))
    .output(z.array(skuOption))
    .query(({ input }) => lookupSkusForEntry({ query: input.query, limit: 20 })),
  manualChannels: entryProcedure.output(z.array(channelOption)).query(() => listManualChannels()),
  importChannels: entryProcedure.output(z.array(channelOption)).query(() => listImportChannels()),
  create: entryProcedure
    .input(manualOrderInput)
    .output(z.object({ orderId: z.string(), number: z.number().int(), externalId: z.string(), totalCents: z.number().int(), currency: z.string() }))
    .mutation(({ ctx, input }) => createManualOrder({ actor: ctx.user, input })),
});

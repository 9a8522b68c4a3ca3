/**
 * A picker confirms one pick line: picked in full, or short (fewer units than
 * asked, with a reason). A line may be confirmed again — e.g. a short line
 * found after all — while its list is open. The first confirmation assigns an
 * unassigned list to the picker.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";

export const confirmPickInput = z.discriminatedUnion("result", [
  z.object({ lineId: z.uuid(), result: z.literal("PICKED") }),
  z.object({
    lineId: z.uuid(),
    result: z.literal("SHORT"),
    pickedQty: z.number().int().min(0),
    reason: z.string().trim().min(3).max(500),
  }),
]);
export type ConfirmPickInput = z.infer<typeof confirmPickInput>;

export interface ConfirmPickResult {
  lineId: string;
  status: "PICKED" | "SHORT";
  pickedQty: number;
  /** Lines of the list still waiting for a confirmation. */
  pendingLines: number;
}

export async function confirmPick(opts: { actor: SessionUser; input: ConfirmPickInput }): Promise<ConfirmPickResult> {
  const { actor, input } = opts;
  return db.$transaction(async (tx) => {
    const line = await tx.pickListLine.findUnique({ where: { id: input.lineId }, select: { id: true, quantity: true, pickListId: true } });
    if (!line) throw new DomainError("NOT_FOUND", `Pick line ${input.lineId} not found.`);
    // Confirmations of one list queue behind each other, and behind its completion (which locks FOR UPDATE).
    const [list] = await tx.$queryRaw<{ number: number; status: string; assignedToId: string | null }[]>(Prisma.sql`
      SELECT number, status::text AS status, "assignedToId"::text AS "assignedToId" FROM "PickList" WHERE id = ${line.pickListId}::uuid FOR NO KEY UPDATE`);
    if (!list || list.status !== "OPEN") {
      throw new DomainError("CONFLICT", `Pick list #${list?.number ?? "?"} is ${list?.status.toLowerCase() ?? "gone"}; its lines can no longer change.`, {
        rule: "LIST_CLOSED",
        number: list?.number ?? "",
        current: list?.status ?? "",
      });
    }
    if (input.result === "SHORT" && input.pickedQty >= line.quantity) {
      throw new DomainError("VALIDATION", `A short pick has fewer than the ${line.quantity} unit(s) asked; confirm the line as picked instead.`, {
        field: "pickedQty",
        rule: "SHORT_NOT_SHORT",
        quantity: line.quantity,
        detail: `pickedQty must be below ${line.quantity}`,
      });
    }
    const pickedQty = input.result === "PICKED" ? line.quantity : input.pickedQty;
    await tx.pickListLine.update({
      where: { id: line.id },
      data: { status: input.result, pickedQty, shortReason: input.result === "SHORT" ? input.reason : null, pickedById: actor.id, pickedAt: new Date() },
    });
    if (list.assignedToId === null) await tx.pickList.update({ where: { id: line.pickListId }, data: { assignedToId: actor.id } });
    const pendingLines = await tx.pickListLine.count({ where: { pickListId: line.pickListId, status: "PENDING" } });
    return { lineId: line.id, status: input.result, pickedQty, pendingLines };
  });
}

/**
 * Sales channels: the Channel deliveries page (OPERATOR, ADMIN, MANAGER read;
 * OPERATOR and ADMIN re-process) and channel management (ADMIN only; the only
 * place a webhook URL with its token is returned).
 */
import { roleProcedure, router } from "@/server/api/trpc";
import {
  channelAdminOutput,
  channelOptionsOutput,
  deliveryDetailOutput,
  deliveryIdInput,
  deliveryListOutput,
  reprocessOutput,
} from "@/server/api/routers/channel/channel-schemas";
import { createChannel, createChannelInput } from "@/server/services/channels/create-channel";
import { getDelivery } from "@/server/services/channels/get-delivery";
import { listChannelOptions } from "@/server/services/channels/list-channel-options";
import { listChannels } from "@/server/services/channels/list-channels";
import { listDeliveries, listDeliveriesInput } from "@/server/services/channels/list-deliveries";
import { reprocessDelivery } from "@/server/services/channels/reprocess-delivery";
import { updateChannel, updateChannelInput } from "@/server/services/channels/update-channel";

const deliveryReaders = roleProcedure("OPERATOR", "ADMIN", "MANAGER");
const admin = roleProcedure("ADMIN");

export const channelRouter = router({
  deliveries: deliveryReaders
    .input(listDeliveriesInput)
    .output(deliveryListOutput)
    .query(({ input }) => listDeliveries({ input })),
  delivery: deliveryReaders
    .input(deliveryIdInput)
    .output(deliveryDetailOutput)
    .query(({ input }) => getDelivery({ deliveryId: input.id })),
  reprocessDelivery: roleProcedure("OPERATOR", "ADMIN")
    .input(deliveryIdInput)
    .output(reprocessOutput)
    .mutation(({ ctx, input }) => reprocessDelivery({ actor: ctx.user, deliveryId: input.id })),
  options: deliveryReaders.output(channelOptionsOutput).query(() => listChannelOptions()),
  list: admin.output(channelAdminOutput.array()).query(({ ctx }) => listChannels({ actor: ctx.user })),
  create: admin
    .input(createChannelInput)
    .output(channelAdminOutput)
    .mutation(({ ctx, input }) => createChannel({ actor: ctx.user, input })),
  update: admin
    .input(updateChannelInput)
    .output(channelAdminOutput)
    .mutation(({ ctx, input }) => updateChannel({ actor: ctx.user, input })),
});

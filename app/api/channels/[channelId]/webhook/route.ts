/** Inbound channel webhooks: POST /api/channels/<channelId>/webhook. Authenticated by the channel's signature or token. */
import { receiveDelivery } from "@/server/services/channels/receive-delivery";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ channelId: string }> }) {
  const { channelId } = await ctx.params;
  const rawBody = Buffer.from(await req.arrayBuffer());
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  const query = Object.fromEntries(new URL(req.url).searchParams.entries());
  const res = await receiveDelivery({ channelId, req: { rawBody, headers, query } });
  return Response.json(res.body, { status: res.httpStatus });
}

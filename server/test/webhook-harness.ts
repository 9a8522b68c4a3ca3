/** Calls the real webhook route handler the way Next.js does, and reads what it stored. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST } from "@/app/api/channels/[channelId]/webhook/route";
import { isWebhookRequest, serveWebhook } from "@/server/http/webhook-fast-path";
import { db } from "@/server/db";
import { settleAfterResponse } from "@/server/lib/after-response";
import type { ChannelPlatform } from "@/server/channels/types";
import type { SessionUser } from "@/server/auth/options";
import type { Role } from "@/server/lib/roles";

export interface WebhookResult {
  status: number;
  body: { status: string; deliveryId?: string; orderIds?: string[]; error?: string };
}

export async function postWebhook(channelId: string, req: Request): Promise<WebhookResult> {
  const res = await POST(req, { params: Promise.resolve({ channelId }) });
  return { status: res.status, body: (await res.json()) as WebhookResult["body"] };
}

export async function makeChannel(platform: ChannelPlatform, secret: string, opts: { name?: string; active?: boolean } = {}) {
  return db.channel.create({
    data: { platform, secret, name: opts.name ?? `Test ${platform}`, active: opts.active ?? true },
    select: { id: true, name: true, platform: true },
  });
}

export async function makeUser(role: Role, name = `Test ${role}`): Promise<SessionUser> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}@fluxo.test`;
  const u = await db.user.create({ data: { email, name, role, passwordHash: "x", locale: "en" } });
  return { id: u.id, name: u.name, email: u.email, role: u.role, locale: "en" };
}

export function orderWithLines(channelId: string, externalId: string) {
  return db.order.findUnique({
    where: { channelId_externalId: { channelId, externalId } },
    include: { lines: { orderBy: { lineNo: "asc" } }, events: { orderBy: { id: "asc" } }, customer: true },
  });
}

export function deliveriesOf(channelId: string) {
  return db.channelDelivery.findMany({ where: { channelId }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }] });
}

/** The webhook path `npm start` serves (server/http/webhook-fast-path.ts) on a real HTTP server, on a free port. */
export async function startWebhookServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (isWebhookRequest(req)) void serveWebhook(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await settleAfterResponse();
    },
  };
}

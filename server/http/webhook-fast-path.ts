/**
 * Inbound channel webhooks served straight from Node's HTTP server, ahead of
 * Next's router (scripts/serve.ts, what `npm start` runs). Same path, same
 * service (receiveDelivery) and same answers as the App Router route
 * app/api/channels/[channelId]/webhook/route.ts, which `next dev` keeps using.
 *
 * Why: a webhook burst is the one request stream where the framework's own
 * per-request cost decides throughput. Measured on the 2-core bench machine,
 * a route handler that answers 404 at once serves ~190 requests/s through
 * Next; the whole ingest (signature, stored delivery, capture, reservation)
 * serves twice the orders/s on this path (bench/RESULTS.md).
 *
 * It answers as soon as the delivery is stored and its body parsed: the stored
 * row is a durable inbox, and applying it (the order's capture, its stock
 * reservation) runs right after the answer (server/lib/after-response.ts), so
 * concurrent webhooks share larger batches. A platform needs to know that we
 * have its delivery; the order shows in Fluxo a few milliseconds later. A body
 * that is not a document is still answered 202 with its error. If the process
 * stops before a stored delivery is applied, or applying it meets a passing
 * failure, the recovery sweep applies it (recover-deliveries.ts, run by
 * scripts/serve.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { receiveDelivery, type DeliveryResponse } from "@/server/services/channels/receive-delivery";

const WEBHOOK_PATH = /^\/api\/channels\/([^/?#]+)\/webhook\/?(?:\?.*)?$/;
/** Platforms send orders of a few kB; anything near this is not an order document. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

export function isWebhookRequest(req: Pick<IncomingMessage, "method" | "url">): boolean {
  return req.method === "POST" && WEBHOOK_PATH.test(req.url ?? "");
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** A malformed escape is no channel id (404 from receiveDelivery), not a server error. */
function pathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

function send(res: ServerResponse, status: number, body: DeliveryResponse["body"]): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

export async function serveWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const channelId = pathSegment(WEBHOOK_PATH.exec(url.pathname)?.[1] ?? "");
    const rawBody = await readBody(req, MAX_WEBHOOK_BYTES);
    if (!rawBody) return send(res, 413, { status: "too_large", error: `The body is larger than ${MAX_WEBHOOK_BYTES} bytes.` });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
    }
    const out = await receiveDelivery({
      channelId, req: { rawBody, headers, query: Object.fromEntries(url.searchParams.entries()) }, answerOnceStored: true,
    });
    send(res, out.httpStatus, out.body);
  } catch (e) {
    // Nothing was lost: a stored delivery stays RECEIVED/FAILED for the platform's retry or a person.
    console.error("[webhook] request failed:", e);
    if (!res.headersSent) send(res, 500, { status: "error", error: "Internal error" });
    else res.end();
  }
}

/**
 * The production HTTP server (`npm start` runs it after preparing the data):
 * Next.js for every page and API, except channel webhooks, which go straight
 * to the ingest service (server/http/webhook-fast-path.ts) without passing
 * through Next's router. Reads PORT (default 3000). It also runs the recovery
 * sweep of stored deliveries (server/services/channels/recover-deliveries.ts).
 */
import http from "node:http";
import next from "next";
import { isWebhookRequest, serveWebhook } from "@/server/http/webhook-fast-path";
import { settleAfterResponse } from "@/server/lib/after-response";
import { scheduleDeliveryRecovery } from "@/server/services/channels/recover-deliveries";

const port = Number(process.env.PORT ?? "3000");
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (isWebhookRequest(req)) void serveWebhook(req, res);
  else void handle(req, res);
});
server.listen(port, () => console.log(`Fluxo is listening on http://localhost:${port}`));
const stopRecovery = scheduleDeliveryRecovery();
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    server.close();
    stopRecovery();
    // Deliveries already answered for are applied first (server/lib/after-response.ts).
    void settleAfterResponse(10_000).then((all) => {
      if (!all) console.error("[serve] stopping with stored deliveries not yet applied: the recovery sweep applies them.");
      process.exit(0);
    });
  });
}

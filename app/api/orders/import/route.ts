/**
 * CSV import of orders: POST a file (multipart field "file", optional field
 * "channelId") or a raw text/csv body (?channelId=…). Signed-in OPERATOR or
 * ADMIN only (401 / 403). Answers with NDJSON as the import runs:
 *   {"type":"progress","processed":500,"total":1200}   (every 500 rows)
 *   {"type":"report","created":…,"duplicates":…,"errors":[{row,column,code,params,message}],…}
 * or, when the import could not run at all, {"type":"error","code":…,"message":…}.
 */
import { currentUser } from "@/server/auth/session";
import type { Role } from "@/server/lib/roles";
import { decodeCsvBytes } from "@/server/lib/csv";
import { isDomainError } from "@/server/lib/domain-error";
import { importOrdersCsv } from "@/server/services/order/import-orders-csv";

export const dynamic = "force-dynamic";

const IMPORT_ROLES: readonly Role[] = ["OPERATOR", "ADMIN"];
const MAX_BYTES = 20 * 1024 * 1024;

function refuse(status: number, code: string, message: string): Response {
  return Response.json({ type: "error", code, message }, { status });
}

async function readUpload(req: Request): Promise<{ bytes: Uint8Array; fileName?: string; channelId: string | null } | Response> {
  const url = new URL(req.url);
  let channelId = url.searchParams.get("channelId");
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BYTES + 64 * 1024) return refuse(413, "TOO_LARGE", `The file is larger than ${MAX_BYTES / 1024 / 1024} MB: split it.`);
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const form = await req.formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) return refuse(400, "NO_FILE", 'Send the CSV in the multipart field "file".');
    if (file.size > MAX_BYTES) return refuse(413, "TOO_LARGE", `The file is larger than ${MAX_BYTES / 1024 / 1024} MB: split it.`);
    const chosen = form.get("channelId");
    if (typeof chosen === "string" && chosen !== "") channelId = chosen;
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file instanceof File ? file.name : undefined, channelId };
  }
  if (type.startsWith("text/csv") || type.startsWith("text/plain") || type.startsWith("application/octet-stream")) {
    const bytes = new Uint8Array(await req.arrayBuffer());
    if (bytes.byteLength > MAX_BYTES) return refuse(413, "TOO_LARGE", `The file is larger than ${MAX_BYTES / 1024 / 1024} MB: split it.`);
    return { bytes, fileName: url.searchParams.get("fileName") ?? undefined, channelId };
  }
  return refuse(415, "UNSUPPORTED_MEDIA_TYPE", "Send multipart/form-data or text/csv.");
}

export async function POST(req: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return refuse(401, "UNAUTHORIZED", "Sign in first.");
  if (!IMPORT_ROLES.includes(user.role)) return refuse(403, "FORBIDDEN", `Your role (${user.role}) may not import orders.`);
  const upload = await readUpload(req);
  if (upload instanceof Response) return upload;
  const csv = decodeCsvBytes(upload.bytes);

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const report = await importOrdersCsv({
          actor: user,
          csv,
          channelId: upload.channelId,
          fileName: upload.fileName,
          onProgress: (p) => send({ type: "progress", ...p }),
        });
        send({ type: "report", ...report });
      } catch (e) {
        console.error("CSV import failed", e);
        send(isDomainError(e) ? { type: "error", code: e.code, message: e.message } : { type: "error", code: "UNKNOWN", message: "The import stopped unexpectedly." });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
}

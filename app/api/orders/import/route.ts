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
import { jsonError, ndjsonResponse, readCsvUpload } from "@/server/lib/http-stream";
import { importOrdersCsv } from "@/server/services/order/import-orders-csv";

export const dynamic = "force-dynamic";

const IMPORT_ROLES: readonly Role[] = ["OPERATOR", "ADMIN"];
const MAX_BYTES = 20 * 1024 * 1024;

export async function POST(req: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return jsonError(401, "UNAUTHORIZED", "Sign in first.");
  if (!IMPORT_ROLES.includes(user.role)) return jsonError(403, "FORBIDDEN", `Your role (${user.role}) may not import orders.`);
  const upload = await readCsvUpload(req, MAX_BYTES);
  if (upload instanceof Response) return upload;
  const csv = decodeCsvBytes(upload.bytes);
  return ndjsonResponse(
    async (send) => {
      const report = await importOrdersCsv({
        actor: user,
        csv,
        channelId: upload.field("channelId"),
        fileName: upload.fileName,
        onProgress: (p) => send({ type: "progress", ...p }),
      });
      send({ type: "report", ...report });
    },
    { label: "CSV import failed", message: "The import stopped unexpectedly." },
  );
}

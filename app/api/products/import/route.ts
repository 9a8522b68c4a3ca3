/**
 * Catalogue CSV import: POST a file (multipart field "file") or a raw text/csv
 * body (?fileName=…). Signed-in catalogue editors only (OPERATOR, ADMIN; 401 /
 * 403). Answers with NDJSON as the import runs:
 *   {"type":"progress","processed":500,"total":2000}   (every 500 rows)
 *   {"type":"report","created":…,"updated":…,"unchanged":…,"errors":…,"rows":[…],"problem":null}
 * or, when the import could not run at all, {"type":"error","code":…,"message":…}.
 */
import { currentUser } from "@/server/auth/session";
import { decodeCsvBytes } from "@/server/lib/csv";
import { jsonError, ndjsonResponse, readCsvUpload } from "@/server/lib/http-stream";
import { mayEditCatalog } from "@/server/services/catalog/catalog-roles";
import { importCatalogCsv } from "@/server/services/catalog/import-catalog-csv";

export const dynamic = "force-dynamic";

const MAX_BYTES = 20 * 1024 * 1024;

export async function POST(req: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return jsonError(401, "UNAUTHORIZED", "Sign in first.");
  if (!mayEditCatalog(user.role)) return jsonError(403, "FORBIDDEN", `Your role (${user.role}) may not import the catalogue.`);
  const upload = await readCsvUpload(req, MAX_BYTES);
  if (upload instanceof Response) return upload;
  const csv = decodeCsvBytes(upload.bytes);
  return ndjsonResponse(
    async (send) => {
      const report = await importCatalogCsv({ actor: user, csv, fileName: upload.fileName, onProgress: (p) => send({ type: "progress", ...p }) });
      send({ type: "report", ...report });
    },
    { label: "Catalogue CSV import failed", message: "The import stopped unexpectedly." },
  );
}

/**
 * What the CSV route handlers share: reading an uploaded file (multipart field
 * "file", or a raw text/csv body), a CSV download streamed from an async
 * generator (nothing is held in memory; a client that goes away stops the
 * generator), and an NDJSON answer written line by line as work progresses.
 */
import { isDomainError } from "@/server/lib/domain-error";
import { formatInZone } from "@/server/lib/zoned-time";

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ type: "error", code, message }, { status });
}

export interface CsvUpload {
  bytes: Uint8Array;
  fileName?: string;
  /** A form field of the multipart body, else the query parameter of the same name. */
  field(name: string): string | null;
}

/** The uploaded CSV, or the 413 / 400 / 415 answer that refuses it. */
export async function readCsvUpload(req: Request, maxBytes: number): Promise<CsvUpload | Response> {
  const url = new URL(req.url);
  const tooLarge = () => jsonError(413, "TOO_LARGE", `The file is larger than ${maxBytes / 1024 / 1024} MB: split it.`);
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes + 64 * 1024) return tooLarge();
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const form = await req.formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) return jsonError(400, "NO_FILE", 'Send the CSV in the multipart field "file".');
    if (file.size > maxBytes) return tooLarge();
    const field = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" && v !== "" ? v : url.searchParams.get(name);
    };
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file instanceof File ? file.name : undefined, field };
  }
  if (type.startsWith("text/csv") || type.startsWith("text/plain") || type.startsWith("application/octet-stream")) {
    const bytes = new Uint8Array(await req.arrayBuffer());
    if (bytes.byteLength > maxBytes) return tooLarge();
    return { bytes, fileName: url.searchParams.get("fileName") ?? undefined, field: (name) => url.searchParams.get(name) };
  }
  return jsonError(415, "UNSUPPORTED_MEDIA_TYPE", "Send multipart/form-data or text/csv.");
}

/**
 * A CSV attachment named `<prefix>-<yyyymmddhhmm>.csv`, streamed chunk by chunk. The stamp is the wall-clock time
 * in `timeZone` (pass the merchant's: a file saved at 04:07 in São Paulo must not say 07:07).
 */
export function csvDownload(chunks: AsyncGenerator<string>, prefix: string, timeZone = "UTC"): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = formatInZone(new Date(), timeZone).slice(0, 16).replace(/[-: ]/g, "");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${prefix}-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * An NDJSON answer: `run` sends lines as it goes; an exception ends the stream
 * with {"type":"error","code","message"} (the code of a DomainError, else UNKNOWN).
 */
export function ndjsonResponse(run: (send: (line: object) => void) => Promise<void>, failure: { label: string; message: string }): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        await run(send);
      } catch (e) {
        console.error(failure.label, e);
        send(isDomainError(e) ? { type: "error", code: e.code, message: e.message } : { type: "error", code: "UNKNOWN", message: failure.message });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
}

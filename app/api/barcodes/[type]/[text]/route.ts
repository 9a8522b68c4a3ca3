/**
 * GET /api/barcodes/<code128|ean13>/<text> — a barcode as PNG for printed
 * pages (pick lists). Signed-in users only (401); an EAN-13 with a wrong check
 * digit or text Code 128 cannot carry is refused (400), never drawn.
 */
import { currentUser } from "@/server/auth/session";
import { isBarcodeText, isBarcodeType, renderBarcodePng } from "@/server/lib/barcode";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ type: string; text: string }> }): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "UNAUTHORIZED", message: "Sign in first." }, { status: 401 });
  const { type, text: raw } = await ctx.params;
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return Response.json({ error: "VALIDATION", message: "Malformed barcode text." }, { status: 400 });
  }
  if (!isBarcodeType(type) || !isBarcodeText(type, text)) {
    return Response.json({ error: "VALIDATION", message: `Cannot draw ${JSON.stringify(text)} as ${type}.` }, { status: 400 });
  }
  const png = await renderBarcodePng(type, text, { scale: 2, height: type === "ean13" ? 12 : 10 });
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Cache-Control": "private, max-age=86400, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

import { inflateSync } from "node:zlib";
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { LABEL_HEIGHT_PT, LABEL_WIDTH_PT, renderShippingLabel, senderLines, type LabelData } from "./label";

const captions = { recipient: "Destinatário", sender: "Remetente", order: "Pedido", channelNumber: "Canal", package: "Volume", weight: "Peso" };

const data: LabelData = {
  carrierName: "Correios",
  service: "SEDEX",
  trackingNumber: "SS123456785BR",
  recipient: { name: "João da Conceição", line1: "Rua das Acácias, 120", line2: "Apto 12", district: "Pinheiros", city: "São Paulo", state: "SP", postalCode: "05422010" },
  sender: { name: "Casa Aurora Moda & Casa", line1: "Av. Jordano Mendes, 1500", line2: "Galpão 3", district: "Jordanésia", city: "Cajamar", state: "SP", postalCode: "07776000" },
  orderNumber: 1042,
  externalNumber: "#1001",
  packageNumber: 7,
  weightGrams: 850,
};

/** The page's drawing operators, decompressed, with the text strings decoded from hex. */
async function pageText(pdf: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPages()[0]!;
  const contents = page.node.Contents();
  const refs = contents && "asArray" in contents ? contents.asArray() : [contents];
  let out = "";
  for (const ref of refs) {
    const stream = doc.context.lookup(ref as never);
    if (!(stream instanceof PDFRawStream)) continue;
    const raw = Buffer.from(stream.contents);
    const filter = stream.dict.get(PDFName.of("Filter"));
    out += (filter ? inflateSync(raw) : raw).toString("latin1");
  }
  return out.replace(/<([0-9A-Fa-f]+)>/g, (_m, hex: string) => Buffer.from(hex, "hex").toString("latin1"));
}

describe("renderShippingLabel", () => {
  it("is one 100 × 150 mm page with the tracking and CEP barcodes", async () => {
    const pdf = await renderShippingLabel(data, captions);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPages()[0]!.getSize();
    expect(width).toBeCloseTo(LABEL_WIDTH_PT, 1);
    expect(height).toBeCloseTo(LABEL_HEIGHT_PT, 1);
    expect(width).toBeCloseTo(283.46, 1);
    const images = doc.getPages()[0]!.node.Resources()?.lookup(PDFName.of("XObject"), PDFDict);
    expect(images?.keys().length).toBe(2);
  });

  it("prints recipient, sender, carrier/service and order reference", async () => {
    const text = await pageText(await renderShippingLabel(data, captions));
    for (const s of ["Correios", "SEDEX", "João da Conceição", "Rua das Acácias, 120", "São Paulo - SP", "CEP 05422-010", "Casa Aurora Moda & Casa", "Av. Jordano Mendes, 1500 - Galpão 3", "Jordanésia", "Cajamar - SP · CEP 07776-000", "Pedido #1042", "Canal #1001", "Volume #7", "0,850 kg"]) {
      expect(text, s).toContain(s);
    }
  });

  it("survives characters the standard fonts lack and very long lines", async () => {
    const odd = { ...data, recipient: { ...data.recipient, name: "Zoë 王 Łukasz " + "muito ".repeat(40), line2: "", postalCode: "123" } };
    const text = await pageText(await renderShippingLabel(odd, captions));
    // "Ł" has no base letter in WinAnsi; "…" is byte 0x85 there.
    const name = /Zoë \? \?ukasz[^\n]*\x85 Tj/.exec(text);
    expect(name?.[0].length).toBeLessThan(odd.recipient.name.length);
  });

  it("prints the sender's full address (remetente), and city and UF alone for a warehouse without one", async () => {
    expect(senderLines(data.sender)).toEqual(["Av. Jordano Mendes, 1500 - Galpão 3", "Jordanésia", "Cajamar - SP · CEP 07776-000"]);
    const bare = { ...data, sender: { name: "Casa Aurora", city: "Cajamar", state: "SP" } };
    expect(senderLines(bare.sender)).toEqual(["Cajamar - SP"]);
    const text = await pageText(await renderShippingLabel(bare, captions));
    expect(text).toContain("Cajamar - SP");
    expect(text).not.toContain("Jordanésia");
  });
});

/**
 * Catalogue CSV import and export through their HTTP routes on a fresh
 * database: products with variants from a file, updates, empty cells, rows
 * refused while the others apply, export → import changing nothing, audit
 * rows, and who may do what.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import type { Role } from "@/server/lib/roles";
import { createProduct } from "@/server/services/catalog/create-product";
import type { CatalogImportReport } from "@/server/services/catalog/catalog-import-report";
import { importCatalogCsv } from "@/server/services/catalog/import-catalog-csv";
import { userActor } from "@/server/services/order/actor";
import { makeUser } from "@/server/services/stock/stock-test-fixtures";
import { withTestDb } from "@/server/test/with-test-db";

// The route handlers read the session through currentUser(); the tests choose who is signed in.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ currentUser: async () => session.user }));
const { POST } = await import("@/app/api/products/import/route");
const { GET } = await import("@/app/api/products/export/route");

withTestDb();
let operator: SessionUser;
beforeEach(async () => {
  operator = await makeUser("OPERATOR");
  session.user = operator;
});

function upload(csv: string, fileName = "catalogo.csv"): Request {
  const form = new FormData();
  form.set("file", new File([csv], fileName, { type: "text/csv" }));
  return new Request("http://localhost/api/products/import", { method: "POST", body: form });
}

async function ndjson(res: Response): Promise<Record<string, unknown>[]> {
  return (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function importFile(csv: string): Promise<CatalogImportReport> {
  const res = await POST(upload(csv));
  expect(res.status).toBe(200);
  const last = (await ndjson(res)).at(-1) as unknown as { type: string } & CatalogImportReport;
  expect(last.type).toBe("report");
  return last;
}

const statuses = (r: CatalogImportReport) => r.rows.map((x) => [x.row, x.sku, x.status, ...x.issues.map((i) => `${i.column}:${i.code}`)]);

/** A Brazilian spreadsheet: ";" and decimal commas; a shirt in two variants and a mug. */
const ONBOARDING = [
  "sku;produto;variacao;marca;descricao;codigo_barras;ncm;preco;peso_g;comprimento_mm;largura_mm;altura_mm;ativo",
  "CAM-BAS-P-AZU;Camiseta Básica;Azul / P;Aurora Moda;Algodão 100%;7890000000017;6109.10.00;49,90;180;300;250;30;sim",
  "CAM-BAS-M-AZU;Camiseta Básica;Azul / M;Aurora Moda;Algodão 100%;7890000000024;6109.10.00;1.234,56;190;310;260;30;sim",
  "CAN-CER-350;Caneca de Cerâmica 350 ml;;;;;69120000;34.90;350;120;90;100;não",
].join("\r\n");

describe("importing a catalogue", () => {
  it("creates products with their variants, exact cents, and the audit rows of the forms (who, file and row)", async () => {
    const report = await importFile(ONBOARDING);
    expect(report).toMatchObject({ problem: null, total: 3, created: 3, updated: 0, unchanged: 0, errors: 0, productsCreated: 2 });
    expect(report.rows.map((r) => [r.row, r.status, r.product, r.newProduct])).toEqual([
      [2, "CREATED", "Camiseta Básica", true], [3, "CREATED", "Camiseta Básica", true], [4, "CREATED", "Caneca de Cerâmica 350 ml", true],
    ]);
    const shirt = await db.product.findFirstOrThrow({ where: { name: "Camiseta Básica" }, include: { skus: { orderBy: { code: "asc" } } } });
    expect(shirt).toMatchObject({ brand: "Aurora Moda", description: "Algodão 100%" });
    expect(shirt.skus.map((s) => [s.code, s.name, s.variant, s.ean, s.ncm, s.priceCents, s.weightGrams, s.active])).toEqual([
      ["CAM-BAS-M-AZU", "Camiseta Básica Azul M", "Azul / M", "7890000000024", "61091000", 123456, 190, true],
      ["CAM-BAS-P-AZU", "Camiseta Básica Azul P", "Azul / P", "7890000000017", "61091000", 4990, 180, true],
    ]);
    expect(await db.sku.findUniqueOrThrow({ where: { code: "CAN-CER-350" } })).toMatchObject({ variant: null, ean: null, priceCents: 3490, active: false });

    const audit = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["product.created", operator.id], ["product.created", operator.id],
      ["sku.created", operator.id], ["sku.created", operator.id], ["sku.created", operator.id],
    ]);
    expect(audit[0]?.data).toEqual({
      name: "Camiseta Básica", brand: "Aurora Moda", description: "Algodão 100%", skus: ["CAM-BAS-P-AZU", "CAM-BAS-M-AZU"],
      csv: { file: "catalogo.csv", row: 2 }, by: "OPERATOR user",
    });
    expect(audit[2]?.data).toMatchObject({ productId: shirt.id, after: { code: "CAM-BAS-P-AZU", priceCents: 4990, ean: "7890000000017" }, csv: { row: 2 } });
  });

  it("updates only the price from a file with sku and price, keeping everything else and writing sku.updated before → after", async () => {
    await importFile(ONBOARDING);
    await db.auditLog.deleteMany();
    const report = await importFile("sku,price\ncam-bas-p-azu,39.90\nCAM-BAS-M-AZU,1234.56\nNOVO-1,10.00\n");
    expect(statuses(report)).toEqual([
      [2, "cam-bas-p-azu", "UPDATED"], [3, "CAM-BAS-M-AZU", "UNCHANGED"], [4, "NOVO-1", "ERROR", "product:product_required"],
    ]);
    expect(report.rows[0]?.changes).toEqual(["price"]);
    expect(await db.sku.findUniqueOrThrow({ where: { code: "CAM-BAS-P-AZU" } })).toMatchObject({ priceCents: 3990, ean: "7890000000017", variant: "Azul / P", weightGrams: 180 });
    const audit = await db.auditLog.findMany();
    expect(audit.map((a) => [a.action, a.data])).toEqual([
      ["sku.updated", { sku: "CAM-BAS-P-AZU", before: { priceCents: 4990 }, after: { priceCents: 3990 }, csv: { file: "catalogo.csv", row: 2 }, by: "OPERATOR user" }],
    ]);
  });

  it("reports a row with a wrong barcode check digit (and other bad rows) while the other rows apply", async () => {
    const report = await importFile([
      "sku,product,variant,barcode,price,weight_g,active",
      "MOC-01,Mochila Urbana,,7890000000017,199.90,800,yes",
      "MOC-02,Bolsa Tiracolo,,7890000000025,89.90,400,yes",
      "MOC-03,Carteira,,,1.234,100,yes",
      "MOC-04,Cinto,,,29.90,-5,talvez",
      "MOC-01,Mochila Urbana,,,199.90,800,yes",
      "MOC-05,Boné,,07890000000017,49.90,120,yes",
      'MOC-06,Meia,,,"12,90",50,1',
    ].join("\n"));
    expect(statuses(report)).toEqual([
      [2, "MOC-01", "CREATED"],
      [3, "MOC-02", "ERROR", "barcode:EAN_CHECK_DIGIT"],
      [4, "MOC-03", "ERROR", "price:ambiguous_price"],
      [5, "MOC-04", "ERROR", "weight_g:out_of_range", "active:invalid_active"],
      [6, "MOC-01", "ERROR", "sku:duplicate_sku"],
      [7, "MOC-05", "ERROR", "barcode:duplicate_barcode"],
      [8, "MOC-06", "CREATED"],
    ]);
    expect(report.rows[1]?.issues[0]).toMatchObject({ column: "barcode", params: { ean: "7890000000025", expected: 4 }, message: expect.stringContaining("should be 4") });
    expect(report.rows[5]?.issues[0]?.params).toEqual({ first: 2, sku: "MOC-01" });
    expect(report).toMatchObject({ created: 2, errors: 5 });
    expect((await db.sku.findMany({ orderBy: { code: "asc" } })).map((s) => [s.code, s.priceCents])).toEqual([["MOC-01", 19990], ["MOC-06", 1290]]);
  });

  it("groups new SKUs into the product named on their rows, joins an existing product (name and brand, case and accents aside) and checks variants", async () => {
    await importFile(ONBOARDING);
    const report = await importFile([
      "sku,product,brand,variant,price",
      "CAM-BAS-G-AZU,camiseta básica,AURORA MODA,Azul / G,49.90",
      "CAM-BAS-G-PRE,Camiseta Básica,Aurora Moda,azul / g,49.90",
      "CAM-BAS-GG,Camiseta Básica,Aurora Moda,,49.90",
      "CAM-BAS-OUT,Camiseta Básica,Outra Marca,,49.90",
      "SAC-1,Sacola,,Pequena,9.90",
      "SAC-2,Sacola,,Grande,12.90",
      "CAM-SEM-ACENTO,CAMISETA BASICA,Aurora Moda,Verde / G,49.90",
      "CAM-BAS-G-ACE,Camiseta Básica,Aurora Moda,AZÚL/G,49.90",
    ].join("\n"));
    expect(statuses(report)).toEqual([
      [2, "CAM-BAS-G-AZU", "CREATED"],
      [3, "CAM-BAS-G-PRE", "ERROR", "variant:VARIANT_TAKEN"],
      [4, "CAM-BAS-GG", "ERROR", "variant:VARIANT_REQUIRED"],
      [5, "CAM-BAS-OUT", "CREATED"],
      [6, "SAC-1", "CREATED"],
      [7, "SAC-2", "CREATED"],
      // Case and accents aside, as the database folds names: "CAMISETA BASICA" is "Camiseta Básica".
      [8, "CAM-SEM-ACENTO", "CREATED"],
      // Variants too: "AZÚL/G" is "Azul / G", accents and the spaces around "/" aside.
      [9, "CAM-BAS-G-ACE", "ERROR", "variant:VARIANT_TAKEN"],
    ]);
    expect(report.rows.map((r) => r.newProduct)).toEqual([false, false, false, true, true, true, false, false]);
    expect(report.productsCreated).toBe(2);
    const shirt = await db.product.findFirstOrThrow({ where: { name: "Camiseta Básica", brand: "Aurora Moda" }, include: { skus: true } });
    expect(shirt.skus.map((s) => s.code).sort()).toEqual(["CAM-BAS-G-AZU", "CAM-BAS-M-AZU", "CAM-BAS-P-AZU", "CAM-SEM-ACENTO"]);
    // Without a brand column two products called "Camiseta Básica" cannot be told apart.
    const ambiguous = await importFile("sku,product,variant,price\nCAM-NEW,Camiseta Básica,Verde / P,49.90\n");
    expect(statuses(ambiguous)).toEqual([[2, "CAM-NEW", "ERROR", "product:product_ambiguous"]]);
    expect(ambiguous.rows[0]?.issues[0]?.params).toEqual({ product: "Camiseta Básica", count: 2 });
  });

  it("updates the product through its SKUs' rows, clears optional cells, keeps required ones, and refuses rows that disagree", async () => {
    await importFile(ONBOARDING);
    await db.auditLog.deleteMany();
    const report = await importFile([
      "sku,product,brand,barcode,price,weight_g,active",
      "CAM-BAS-P-AZU,Camiseta Essencial,,,,,",
      "CAM-BAS-M-AZU,Camiseta Essencial,,7890000000024,59.90,,no",
      "CAN-CER-350,Caneca,Outra,,,,",
      "CAN-CER-350X,Caneca,Outra,,10.00,,",
    ].join("\n"));
    expect(statuses(report)).toEqual([
      [2, "CAM-BAS-P-AZU", "UPDATED"], [3, "CAM-BAS-M-AZU", "UPDATED"], [4, "CAN-CER-350", "UPDATED"], [5, "CAN-CER-350X", "ERROR", "variant:VARIANT_REQUIRED"],
    ]);
    expect(report.rows[0]?.changes).toEqual(["product", "brand", "barcode"]);
    expect(report.rows[1]?.changes).toEqual(["product", "brand", "price", "active"]);
    const shirt = await db.product.findFirstOrThrow({ where: { name: "Camiseta Essencial" }, include: { skus: { orderBy: { code: "asc" } } } });
    // An empty brand and barcode clear them; an empty price, weight or active keeps them; the description column is absent: unchanged.
    expect(shirt).toMatchObject({ brand: null, description: "Algodão 100%" });
    expect(shirt.skus.map((s) => [s.code, s.ean, s.priceCents, s.weightGrams, s.active])).toEqual([
      ["CAM-BAS-M-AZU", "7890000000024", 5990, 190, false], ["CAM-BAS-P-AZU", null, 4990, 180, true],
    ]);
    const audit = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["product.updated", "product.updated", "sku.updated", "sku.updated"]);
    expect(audit[0]?.data).toMatchObject({ before: { name: "Camiseta Básica", brand: "Aurora Moda" }, after: { name: "Camiseta Essencial", brand: null } });

    const conflict = await importFile("sku,product\nCAM-BAS-P-AZU,Camiseta A\nCAM-BAS-M-AZU,Camiseta B\n");
    expect(statuses(conflict)).toEqual([[2, "CAM-BAS-P-AZU", "UPDATED"], [3, "CAM-BAS-M-AZU", "ERROR", "product:product_conflict"]]);
    expect(conflict.rows[1]?.issues[0]?.params).toEqual({ first: 2 });
  });

  it("changes barcodes: its own in another GTIN length is no conflict, one another SKU keeps is refused, and each change is audited", async () => {
    await importFile(ONBOARDING);
    await db.auditLog.deleteMany();
    // The small shirt keeps its barcode (it has no row in the file), so the mug cannot have it.
    const report = await importFile("sku,barcode\nCAM-BAS-M-AZU,07890000000024\nCAN-CER-350,7890000000017\n");
    expect(statuses(report)).toEqual([[2, "CAM-BAS-M-AZU", "UPDATED"], [3, "CAN-CER-350", "ERROR", "barcode:EAN_TAKEN"]]);
    expect(report.rows[1]?.issues[0]?.params).toEqual({ ean: "7890000000017", code: "CAM-BAS-P-AZU", product: "Camiseta Básica" });
    expect((await db.sku.findMany({ orderBy: { code: "asc" }, select: { code: true, ean: true } })).map((s) => [s.code, s.ean])).toEqual([
      ["CAM-BAS-M-AZU", "07890000000024"], ["CAM-BAS-P-AZU", "7890000000017"], ["CAN-CER-350", null],
    ]);
    expect((await db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.data)).toMatchObject([
      { sku: "CAM-BAS-M-AZU", before: { ean: "7890000000024" }, after: { ean: "07890000000024" } },
    ]);
  });

  it("matches product names accents aside: \"Cafe Especial\" joins \"Café Especial\", and one file's spellings make one product", async () => {
    await importFile("sku;produto;variacao;preco\nCAF-250;Café Especial;250 g;29,90\n");
    const report = await importFile([
      "sku,product,variant,price",
      "CAF-500,Cafe Especial,500 g,49.90",
      "CAF-1K,CAFÉ ESPECIÁL,1 kg,89.90",
      "CHA-1,Chá Verde,Lata,19.90",
      "CHA-2,cha verde,Sachê,9.90",
    ].join("\n"));
    expect(statuses(report)).toEqual([[2, "CAF-500", "CREATED"], [3, "CAF-1K", "CREATED"], [4, "CHA-1", "CREATED"], [5, "CHA-2", "CREATED"]]);
    expect(report.rows.map((r) => [r.product, r.newProduct])).toEqual([
      ["Café Especial", false], ["Café Especial", false], ["Chá Verde", true], ["Chá Verde", true],
    ]);
    // Joining does not rename: the catalogue keeps its spelling; the new product is named by its first row.
    const products = await db.product.findMany({ orderBy: { name: "asc" }, include: { skus: { orderBy: { code: "asc" } } } });
    expect(products.map((p) => [p.name, p.skus.map((s) => s.code)])).toEqual([
      ["Café Especial", ["CAF-1K", "CAF-250", "CAF-500"]], ["Chá Verde", ["CHA-1", "CHA-2"]],
    ]);
  });

  it("moves a barcode from one SKU to another in one file, in either row order, also to a new SKU and as a swap", async () => {
    await importFile(ONBOARDING);
    await db.auditLog.deleteMany();
    const eans = async () => (await db.sku.findMany({ orderBy: { code: "asc" }, select: { code: true, ean: true } })).map((s) => [s.code, s.ean]);
    // The mug takes the small shirt's barcode (row 2) that the small shirt gives up for a new one (row 3).
    const move = await importFile("sku,barcode\nCAN-CER-350,7890000000017\nCAM-BAS-P-AZU,7890000000031\n");
    expect(statuses(move)).toEqual([[2, "CAN-CER-350", "UPDATED"], [3, "CAM-BAS-P-AZU", "UPDATED"]]);
    expect(await eans()).toEqual([["CAM-BAS-M-AZU", "7890000000024"], ["CAM-BAS-P-AZU", "7890000000031"], ["CAN-CER-350", "7890000000017"]]);
    expect((await db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.data)).toMatchObject([
      { sku: "CAN-CER-350", before: { ean: null }, after: { ean: "7890000000017" }, csv: { row: 2 } },
      { sku: "CAM-BAS-P-AZU", before: { ean: "7890000000017" }, after: { ean: "7890000000031" }, csv: { row: 3 } },
    ]);

    // A swap, and a barcode given up (empty cell) to a SKU the file creates, each row in its own chunk.
    const csv = [
      "sku,product,barcode,price",
      "CAM-BAS-P-AZU,,7890000000024,",
      "NOVO-1,Novo,7890000000017,1.00",
      "CAM-BAS-M-AZU,,7890000000031,",
      "CAN-CER-350,,,",
    ].join("\n");
    const swap = await importCatalogCsv({ actor: operator, csv, chunkSize: 1 });
    expect(statuses(swap)).toEqual([[2, "CAM-BAS-P-AZU", "UPDATED"], [3, "NOVO-1", "CREATED"], [4, "CAM-BAS-M-AZU", "UPDATED"], [5, "CAN-CER-350", "UPDATED"]]);
    expect(await eans()).toEqual([["CAM-BAS-M-AZU", "7890000000031"], ["CAM-BAS-P-AZU", "7890000000024"], ["CAN-CER-350", null], ["NOVO-1", "7890000000017"]]);
  });

  it("still refuses one barcode for two SKUs of a file, and a move whose giving row is refused", async () => {
    await importFile(ONBOARDING);
    const eans = async () =>
      (await db.sku.findMany({ where: { code: { startsWith: "CA" } }, orderBy: { code: "asc" }, select: { code: true, ean: true } })).map((s) => [s.code, s.ean]);
    // Two new SKUs with one barcode nobody holds: the second row is refused.
    const fresh = await importFile("sku,product,barcode,price\nN-1,Um,7890000000055,1.00\nN-2,Dois,7890000000055,1.00\n");
    expect(statuses(fresh)).toEqual([[2, "N-1", "CREATED"], [3, "N-2", "ERROR", "barcode:duplicate_barcode"]]);

    // The row that would give the barcode up is refused, so the barcode stays where it is and the taker is refused.
    const stuck = await importFile("sku,barcode,weight_g\nCAN-CER-350,7890000000017,\nCAM-BAS-P-AZU,7890000000062,-5\n");
    expect(statuses(stuck)).toEqual([[2, "CAN-CER-350", "ERROR", "barcode:EAN_TAKEN"], [3, "CAM-BAS-P-AZU", "ERROR", "weight_g:out_of_range"]]);
    expect(stuck.rows[0]?.issues[0]?.params).toEqual({ ean: "7890000000017", code: "CAM-BAS-P-AZU", product: "Camiseta Básica" });
    expect(await eans()).toEqual([["CAM-BAS-M-AZU", "7890000000024"], ["CAM-BAS-P-AZU", "7890000000017"], ["CAN-CER-350", null]]);

    // The mug and the medium shirt both want the barcode the small shirt gives up: the second row is refused, the first gets it.
    const twice = await importFile("sku,barcode\nCAN-CER-350,7890000000017\nCAM-BAS-M-AZU,7890000000017\nCAM-BAS-P-AZU,7890000000048\n");
    expect(statuses(twice)).toEqual([[2, "CAN-CER-350", "UPDATED"], [3, "CAM-BAS-M-AZU", "ERROR", "barcode:duplicate_barcode"], [4, "CAM-BAS-P-AZU", "UPDATED"]]);
    expect(twice.rows[1]?.issues[0]?.params).toEqual({ first: 2, sku: "CAN-CER-350" });
    expect(await eans()).toEqual([["CAM-BAS-M-AZU", "7890000000024"], ["CAM-BAS-P-AZU", "7890000000048"], ["CAN-CER-350", "7890000000017"]]);
  });

  it("refuses a file it cannot read as a whole", async () => {
    expect((await importFile("product,price\nCaneca,10\n")).problem).toEqual({ code: "missing_column", params: { columns: "sku" } });
    expect((await importFile("\n\n")).problem).toMatchObject({ code: "empty_file" });
    expect((await importFile("sku,price\n")).problem).toMatchObject({ code: "empty_file" });
    expect((await importFile('sku,price\n"A-1,10\n')).problem).toMatchObject({ code: "unreadable" });
    expect(await db.sku.count()).toBe(0);
  });

  it("streams progress lines before the report", async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `P-${i},Produto ${i},${i + 1}.00`);
    const res = await POST(upload(["sku,product,price", ...rows].join("\n")));
    const lines = await ndjson(res);
    expect(lines.slice(0, -1)).toEqual([{ type: "progress", processed: 0, total: 12 }, { type: "progress", processed: 12, total: 12 }]);
    expect(lines.at(-1)).toMatchObject({ type: "report", created: 12 });
  });

  it("applies the other rows of a chunk when one loses a race for its barcode after the file was checked", async () => {
    const csv = ["sku,product,barcode,price", "R-1,Um,,1.00", "R-2,Dois,7890000000017,2.00", "R-3,Tres,,3.00"].join("\n");
    const report = await importCatalogCsv({
      actor: operator,
      csv,
      // Sent once the file is checked, before anything is written: someone else takes R-2's barcode now.
      onProgress: async () => {
        if ((await db.sku.count()) === 0) {
          await createProduct({ actor: userActor(operator), input: { name: "Outro", skus: [{ code: "X-1", ean: "7890000000017", priceCents: 1, weightGrams: 0, lengthMm: 0, widthMm: 0, heightMm: 0 }] } });
        }
      },
    });
    expect(statuses(report)).toEqual([[2, "R-1", "CREATED"], [3, "R-2", "ERROR", "barcode:EAN_TAKEN"], [4, "R-3", "CREATED"]]);
    expect(await db.product.count()).toBe(3);
  });
});

describe("exporting the catalogue", () => {
  it.each(["pt-BR", "en"] as const)("writes every SKU in the import's columns (%s), and importing that file changes nothing", async (locale) => {
    await importFile(ONBOARDING);
    await createProduct({
      actor: userActor(operator),
      input: { name: "=Promo", description: "- linha 1\n- linha 2", skus: [{ code: "PRO-1", priceCents: 100, weightGrams: 0, lengthMm: 0, widthMm: 0, heightMm: 0 }] },
    });
    const audits = await db.auditLog.count();
    const res = await GET(new Request(`http://localhost/api/products/export?locale=${locale}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="(produtos|products)-\d{12}\.csv"/);
    const csv = await res.text();
    const lines = csv.replace(/^\ufeff/, "").split("\r\n");
    const line = (sku: string) => lines.find((l) => l.startsWith(`${sku}${locale === "pt-BR" ? ";" : ","}`));
    if (locale === "pt-BR") {
      expect(lines[0]).toBe("sku;produto;variacao;marca;descricao;codigo_barras;ncm;preco;peso_g;comprimento_mm;largura_mm;altura_mm;ativo");
      expect(line("CAM-BAS-M-AZU")).toBe("CAM-BAS-M-AZU;Camiseta Básica;Azul / M;Aurora Moda;Algodão 100%;7890000000024;6109.10.00;1234,56;190;310;260;30;sim");
    } else {
      expect(lines[0]).toBe("sku,product,variant,brand,description,barcode,ncm,price,weight_g,length_mm,width_mm,height_mm,active");
      expect(line("CAN-CER-350")).toBe("CAN-CER-350,Caneca de Cerâmica 350 ml,,,,,6912.00.00,34.90,350,120,90,100,no");
    }
    // Text a spreadsheet would run as a formula is written with an apostrophe, and read back without it.
    expect(csv).toContain("'=Promo");
    // The shirt's SKUs follow one another, by code.
    expect(lines.filter((l) => l.startsWith("CAM-")).map((l) => l.slice(0, 13))).toEqual(["CAM-BAS-M-AZU", "CAM-BAS-P-AZU"]);
    const again = await importFile(csv);
    expect(again).toMatchObject({ problem: null, total: 4, unchanged: 4, created: 0, updated: 0, errors: 0 });
    expect(await db.auditLog.count()).toBe(audits);
  });
});

describe("who may import and export", () => {
  it.each(["WAREHOUSE", "MANAGER"] as const)("refuses an import by %s with 403 (and in the service) and writes nothing", async (role: Role) => {
    session.user = await makeUser(role);
    expect((await POST(upload(ONBOARDING))).status).toBe(403);
    await expect(importCatalogCsv({ actor: session.user, csv: ONBOARDING })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.sku.count()).toBe(0);
    // Reading the catalogue is theirs: the export answers.
    expect((await GET(new Request("http://localhost/api/products/export"))).status).toBe(200);
  });

  it("lets an admin import; refuses anonymous requests with 401 and other media types with 415", async () => {
    session.user = await makeUser("ADMIN");
    expect((await importFile(ONBOARDING)).created).toBe(3);
    session.user = null;
    expect((await POST(upload(ONBOARDING))).status).toBe(401);
    expect((await GET(new Request("http://localhost/api/products/export"))).status).toBe(401);
    session.user = operator;
    const json = new Request("http://localhost/api/products/import", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect((await POST(json)).status).toBe(415);
  });
});

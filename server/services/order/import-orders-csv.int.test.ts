import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { importOrdersCsv, type ImportProgress } from "@/server/services/order/import-orders-csv";
import { makeCatalogue, makeChannel, makeUser } from "@/server/services/order/order-entry-test-fixtures";
import { testDatabaseUrl } from "@/server/test/test-db";
import { withTestDb } from "@/server/test/with-test-db";

// The route handler reads the session through currentUser(); the tests choose who is signed in.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ currentUser: async () => session.user }));
const { POST } = await import("@/app/api/orders/import/route");

withTestDb();
let operator: SessionUser;

beforeEach(async () => {
  operator = await makeUser("OPERATOR");
  session.user = operator;
  await makeCatalogue();
});

const HEADER =
  "order_external_id,channel_external_id,placed_at,customer_name,customer_email,customer_phone,customer_document,address_line1,address_line2,district,city,state,postal_code,sku,quantity,unit_price,discount,shipping,currency,payment_status";

/** 3 good orders (rows 2–5) and 4 bad rows (6–9), each bad row its own order. */
const MIXED = [
  HEADER,
  'A-1001,#1001,2026-03-05T14:30:00-03:00,"Silva, Maria",maria@example.com,(11) 98765-4321,529.982.247-25,"Rua das Flores, 120",apto 12,Pinheiros,São Paulo,SP,05422-010,CAM-BAS-M-AZU,2,49.90,0,15.90,BRL,PAID',
  'A-1001,#1001,2026-03-05T14:30:00-03:00,"Silva, Maria",maria@example.com,(11) 98765-4321,529.982.247-25,"Rua das Flores, 120",apto 12,Pinheiros,São Paulo,SP,05422-010,CAN-CER-350-BRA,1,,5.00,15.90,BRL,PAID',
  "A-1002,,05/03/2026 10:00,João Lima,,,,Av. Brasil 500,,,Recife,pe,50010000,CAM-BAS-G-PRE,1,45.00,,,,pending",
  'A-1003,,2026-03-06,Loja Tropical Ltda,compras@tropical.com.br,,11.222.333/0001-81,"Rua Sete, 10\nFundos",,,Curitiba,PR,80010-000,CAN-CER-350-BRA,3,29.9,,0,BRL,pago',
  "A-2001,,2026-03-06,Ana,,,,Rua A 1,,,Natal,RN,59010-000,NAO-EXISTE,1,10.00,,,,",
  "A-2002,,2026-03-06,Bia,,,,Rua B 2,,,Natal,RN,5901-000,CAM-BAS-M-AZU,1,,,,,",
  "A-2003,,2026-03-06,Caio,,,,Rua C 3,,,Natal,RN,59010-000,CAM-BAS-M-AZU,0,,,,,",
  "A-2004,,2026-03-06,Davi,,,529.982.247-24,Rua D 4,,,Natal,RN,59010-000,CAM-BAS-M-AZU,1,,,,,",
].join("\r\n");

const codes = (errors: { row: number; column: string; code: string }[]) => errors.map((e) => `${e.row} ${e.column} ${e.code}`);

describe("importOrdersCsv", () => {
  it("creates the 3 good orders with exact totals, reports the 4 bad rows, and reports duplicates on re-import", async () => {
    const first = await importOrdersCsv({ actor: operator, csv: MIXED, fileName: "pedidos.csv" });
    expect(first.created).toBe(3);
    expect(first.duplicates).toBe(0);
    expect(first.total).toBe(8);
    expect(codes(first.errors)).toEqual(["6 sku unknown_sku", "7 postal_code invalid_cep", "8 quantity invalid_quantity", "9 customer_document invalid_document"]);
    expect(first.errors[0]?.message).toBe('SKU "NAO-EXISTE" is not in the catalogue.');

    const orders = await db.order.findMany({ orderBy: { externalId: "asc" }, include: { lines: { orderBy: { lineNo: "asc" } }, channel: true } });
    expect(orders.map((o) => [o.externalId, o.subtotalCents, o.discountCents, o.shippingCents, o.totalCents, o.paymentStatus, o.shipState])).toEqual([
      ["A-1001", 13470, 500, 1590, 14560, "PAID", "SP"],
      ["A-1002", 4500, 0, 0, 4500, "PENDING", "PE"],
      ["A-1003", 8970, 0, 0, 8970, "PAID", "PR"],
    ]);
    const a1001 = orders[0];
    expect(a1001?.channel).toMatchObject({ platform: "CSV", name: "Importação CSV" });
    expect(a1001).toMatchObject({ externalNumber: "#1001", customerName: "Silva, Maria", placedAt: new Date("2026-03-05T17:30:00Z") });
    expect(a1001?.lines.map((l) => [l.sku, l.name, l.quantity, l.unitPriceCents, l.discountCents, l.totalCents])).toEqual([
      ["CAM-BAS-M-AZU", "Camiseta Básica Algodão Azul M", 2, 4990, 0, 9980],
      ["CAN-CER-350-BRA", "Caneca Cerâmica 350 ml Branco", 1, 3490, 500, 2990],
    ]);
    expect(orders[1]?.placedAt).toEqual(new Date("2026-03-05T13:00:00Z"));
    expect(orders[2]?.shippingAddress).toMatchObject({ line1: "Rua Sete, 10\nFundos", postalCode: "80010-000", state: "PR" });
    const customer = await db.customer.findFirstOrThrow({ where: { email: "compras@tropical.com.br" } });
    expect(customer.document).toBe("11222333000181");

    const created = await db.orderEvent.findFirstOrThrow({ where: { orderId: a1001?.id, type: "order.created" } });
    expect(created).toMatchObject({ actorId: operator.id, actorLabel: "Otávio Operador" });
    expect(created.data).toMatchObject({ source: "csv", fileName: "pedidos.csv", row: 2 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "orders.csv_imported" } });
    expect(audit).toMatchObject({ actorId: operator.id, entityId: a1001?.channelId, data: { created: 3, duplicates: 0, errors: 4, rows: 8 } });

    const again = await importOrdersCsv({ actor: operator, csv: MIXED });
    expect(again.created).toBe(0);
    expect(again.duplicates).toBe(3);
    expect(again.duplicateOrders).toEqual([
      { row: 2, externalId: "A-1001" },
      { row: 4, externalId: "A-1002" },
      { row: 5, externalId: "A-1003" },
    ]);
    expect(codes(again.errors)).toEqual(codes(first.errors));
    expect(await db.order.count()).toBe(3);
    expect(await db.channel.count({ where: { platform: "CSV" } })).toBe(1);
  });

  it("reads Brazilian Excel files: BOM, semicolons, Portuguese headers, decimal commas, dd/mm/yyyy", async () => {
    const csv = "\ufeffPedido;Data Pedido;Cliente;Endereço;Cidade;UF;CEP;SKU;Quantidade;Preço Unitário;Desconto;Frete;Status Pagamento\r\n" +
      "B-1;05/03/2026 14:30;José da Silva;Rua A, 1;São Paulo;SP;01310-100;CAM-BAS-M-AZU;2;1.234,56;0,56;12,90;Pago\r\n";
    const r = await importOrdersCsv({ actor: operator, csv });
    expect(r.errors).toEqual([]);
    expect(r.created).toBe(1);
    const order = await db.order.findFirstOrThrow({ include: { lines: true } });
    // 2 × 1.234,56 = 2.469,12; − 0,56 + 12,90 = 2.481,46
    expect(order).toMatchObject({ subtotalCents: 246912, discountCents: 56, shippingCents: 1290, totalCents: 248146, paymentStatus: "PAID", customerName: "José da Silva" });
    expect(order.placedAt).toEqual(new Date("2026-03-05T17:30:00Z"));
    expect(order.lines[0]).toMatchObject({ unitPriceCents: 123456, totalCents: 246856 });
  });

  it("gives each kind of bad value its own error, on its row and column", async () => {
    const base = ["X", "2026-03-06", "Ana", "", "", "", "Rua A 1", "", "", "Natal", "RN", "59010-000", "CAM-BAS-M-AZU", "1", "", "", "", "", ""];
    const cols = HEADER.split(",");
    const row = (id: string, changes: Record<string, string>, extra: string[] = []) => {
      const cells = [id, ...base.map((v, i) => changes[cols[i + 1] as string] ?? v)];
      return [...cells, ...extra].map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
    };
    const cases: [Record<string, string>, string][] = [
      [{ customer_name: "" }, "customer_name required"],
      [{ placed_at: "31/02/2026 10:00" }, "placed_at invalid_date"],
      [{ placed_at: "01/01/2090" }, "placed_at date_in_future"],
      [{ placed_at: "01/01/1990" }, "placed_at date_too_old"],
      [{ customer_email: "ana@" }, "customer_email invalid_email"],
      [{ customer_phone: "ligar depois" }, "customer_phone invalid_phone"],
      [{ customer_document: "11.222.333/0001-82" }, "customer_document invalid_document"],
      [{ state: "XX" }, "state invalid_uf"],
      [{ postal_code: "59010" }, "postal_code invalid_cep"],
      [{ quantity: "1,5" }, "quantity invalid_quantity"],
      [{ quantity: "10000" }, "quantity invalid_quantity"],
      [{ unit_price: "abc" }, "unit_price invalid_amount"],
      [{ unit_price: "1.234" }, "unit_price ambiguous_amount"],
      [{ discount: "-1,00" }, "discount negative_amount"],
      [{ discount: "50,00" }, "discount discount_exceeds_line"],
      [{ shipping: "99999999999" }, "shipping amount_too_large"],
      [{ currency: "REAL" }, "currency invalid_currency"],
      [{ payment_status: "estornado" }, "payment_status invalid_payment_status"],
      [{ sku: "CAP-IPH-13-TRA" }, "sku inactive_sku"],
      [{ sku: "" }, "sku required"],
      [{ address_line1: "x".repeat(201) }, "address_line1 too_long"],
    ];
    const lines = [HEADER, ...cases.map(([changes], i) => row(`E-${i}`, changes)), row("E-extra", {}, ["surplus"]), ",,,", ""];
    const r = await importOrdersCsv({ actor: operator, csv: lines.join("\n") });
    expect(r.created).toBe(0);
    expect(codes(r.errors)).toEqual([...cases.map(([, expected], i) => `${i + 2} ${expected}`), `${cases.length + 2}  extra_fields`]);
    expect(await db.order.count()).toBe(0);
  });

  it("reports an unknown or inactive SKU together with the row's other problems, left to right, dropping none", async () => {
    const csv = [
      HEADER,
      "F-1,,2026-03-06,Ana,,,,Rua A 1,,,Natal,RN,59010-000,NAO-EXISTE,0,,,,,",
      "F-2,,2026-03-06,,,,,Rua B 2,,,Natal,RN,59010-000,CAP-IPH-13-TRA,1,abc,,,,",
      ",,2026-03-06,Caio,,,,Rua C 3,,,Natal,RN,59010-000,NAO-EXISTE-2,1,,,,,",
      'F-4,,2026-03-06,Davi,,,,Rua D 4,,,Natal,RN,59010-000,NAO-EXISTE,1,"10,00","20,00",,,',
      "F-1,,2026-03-06,Ana,,,,Rua A 1,,,Natal,RN,59010-000,CAM-BAS-M-AZU,1,,,,,",
    ].join("\n");
    const r = await importOrdersCsv({ actor: operator, csv });
    expect(r.created).toBe(0);
    expect(codes(r.errors)).toEqual([
      "2 sku unknown_sku",
      "2 quantity invalid_quantity",
      "3 customer_name required",
      "3 sku inactive_sku",
      "3 unit_price invalid_amount",
      "4 order_external_id required",
      "4 sku unknown_sku",
      "5 sku unknown_sku",
      "5 discount discount_exceeds_line",
      "6  order_not_imported",
    ]);
    expect(r.errors[3]?.message).toBe('SKU "CAP-IPH-13-TRA" is inactive.');
    expect(r.errors[6]?.params).toEqual({ value: "NAO-EXISTE-2" });
    expect(r.errors[9]?.params).toEqual({ order: "F-1", rows: "2" });
    expect(await db.order.count()).toBe(0);
  });

  it("names the SKU column as the file writes it, in a Portuguese file too", async () => {
    const csv = "pedido;data_pedido;cliente;endereco;cidade;uf;cep;SKU;quantidade\nG-1;06/03/2026;;Rua A 1;Natal;RN;59010-000;NAO-EXISTE;dois\n";
    const r = await importOrdersCsv({ actor: operator, csv });
    expect(codes(r.errors)).toEqual(["2 cliente required", "2 SKU unknown_sku", "2 quantidade invalid_quantity"]);
  });

  it("requires every row of an order to agree on the order details, and says why the other rows were not imported", async () => {
    const csv = [
      HEADER,
      "C-1,,2026-03-06,Ana,,,,Rua A 1,,,Natal,RN,59010-000,CAM-BAS-M-AZU,1,,,\"10,00\",,",
      "C-1,,2026-03-06,Ana Maria,,,,Rua A 1,,,Natal,RN,59010-000,CAM-BAS-G-PRE,1,,,10.00,,",
      "C-1,,2026-03-06,Ana,,,,Rua A 1,,,Natal,RN,59010-000,CAN-CER-350-BRA,1,,,10.00,,PENDING",
    ].join("\n");
    const r = await importOrdersCsv({ actor: operator, csv });
    expect(r.created).toBe(0);
    expect(codes(r.errors)).toEqual(["2  order_not_imported", "3 customer_name differs_from_first_row", "4  order_not_imported"]);
    expect(r.errors[1]?.params).toEqual({ row: 2, value: "Ana Maria" });
    expect(r.errors[0]?.params).toEqual({ order: "C-1", rows: "3" });
  });

  it("refuses a file with unknown or missing columns before reading any row", async () => {
    const r = await importOrdersCsv({ actor: operator, csv: "pedido,cliente,preco\nX,Ana,10\n" });
    expect(codes(r.errors)).toEqual([
      "1 preco unknown_column",
      "1 placed_at missing_column",
      "1 address_line1 missing_column",
      "1 city missing_column",
      "1 state missing_column",
      "1 postal_code missing_column",
      "1 sku missing_column",
      "1 quantity missing_column",
    ]);
    expect(await db.channel.count()).toBe(0);
  });

  it("reports an unreadable file and an empty one", async () => {
    const broken = await importOrdersCsv({ actor: operator, csv: `${HEADER}\nA,"never closed\n` });
    expect(codes(broken.errors)).toEqual(["2  unreadable"]);
    const empty = await importOrdersCsv({ actor: operator, csv: `${HEADER}\n\n` });
    expect(codes(empty.errors)).toEqual(["1  empty_file"]);
  });

  it("imports into a chosen CSV channel and refuses any other channel", async () => {
    const chosen = await makeChannel("CSV", "Planilha B2B");
    const manual = await makeChannel("MANUAL", "Balcão");
    const ok = await importOrdersCsv({ actor: operator, csv: MIXED, channelId: chosen });
    expect(ok.channel?.id).toBe(chosen);
    expect(await db.order.count({ where: { channelId: chosen } })).toBe(3);
    const refused = await importOrdersCsv({ actor: operator, csv: MIXED, channelId: manual });
    expect(codes(refused.errors)[0]).toBe("1  invalid_channel");
    expect(refused.created).toBe(0);
  });

  it("reports progress as it goes, ending at the total", async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `P-${i},,2026-03-06,Ana,,,,Rua A 1,,,Natal,RN,59010-000,CAM-BAS-M-AZU,1,,,,,`);
    const seen: ImportProgress[] = [];
    const r = await importOrdersCsv({ actor: operator, csv: [HEADER, ...rows].join("\n"), progressEvery: 5, onProgress: (p) => void seen.push(p) });
    expect(r.created).toBe(12);
    expect(seen).toEqual([
      { processed: 0, total: 12 },
      { processed: 5, total: 12 },
      { processed: 10, total: 12 },
      { processed: 12, total: 12 },
    ]);
  });
});

describe.skipIf(!testDatabaseUrl())("importOrdersCsv on PostgreSQL, two people importing the same file at once", () => {
  it("creates one default channel and each order once; the other import sees duplicates", async () => {
    const admin = await makeUser("ADMIN");
    const [a, b] = await Promise.all([importOrdersCsv({ actor: operator, csv: MIXED }), importOrdersCsv({ actor: admin, csv: MIXED })]);
    expect(a.created + b.created).toBe(3);
    expect(a.duplicates + b.duplicates).toBe(3);
    expect(await db.channel.count({ where: { platform: "CSV" } })).toBe(1);
    expect(await db.order.count()).toBe(3);
  });
});

describe("POST /api/orders/import", () => {
  function upload(csv: string, init: { channelId?: string } = {}): Request {
    const form = new FormData();
    form.set("file", new File([csv], "pedidos.csv", { type: "text/csv" }));
    if (init.channelId) form.set("channelId", init.channelId);
    return new Request("http://localhost/api/orders/import", { method: "POST", body: form });
  }

  async function ndjson(res: Response): Promise<Record<string, unknown>[]> {
    return (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  it("streams progress then the report for an operator's multipart upload", async () => {
    const res = await POST(upload(MIXED));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = await ndjson(res);
    // The 4 bad rows are done once checked; the 4 good ones as their orders are saved.
    expect(lines.slice(0, -1)).toEqual([
      { type: "progress", processed: 4, total: 8 },
      { type: "progress", processed: 8, total: 8 },
    ]);
    const report = lines.at(-1);
    expect(report).toMatchObject({ type: "report", created: 3, duplicates: 0 });
    expect((report?.errors as { row: number }[]).map((e) => e.row)).toEqual([6, 7, 8, 9]);
  });

  it("accepts a raw text/csv body in Windows-1252", async () => {
    const csv = "pedido;data_pedido;cliente;endereco;cidade;uf;cep;sku;quantidade\r\nW-1;06/03/2026;Conceição;Rua São João, 5;Goiânia;GO;74000-000;CAM-BAS-M-AZU;1\r\n";
    const bytes = Uint8Array.from([...csv].map((c) => c.charCodeAt(0)));
    const res = await POST(new Request("http://localhost/api/orders/import", { method: "POST", headers: { "content-type": "text/csv" }, body: bytes }));
    expect((await ndjson(res)).at(-1)).toMatchObject({ type: "report", created: 1, errors: [] });
    expect(await db.order.findFirstOrThrow()).toMatchObject({ customerName: "Conceição" });
  });

  it.each(["WAREHOUSE", "MANAGER"] as const)("refuses %s with 403 and imports nothing", async (role) => {
    session.user = await makeUser(role);
    const res = await POST(upload(MIXED));
    expect(res.status).toBe(403);
    expect(await db.order.count()).toBe(0);
  });

  it("refuses anonymous requests with 401, and other media types with 415", async () => {
    session.user = null;
    expect((await POST(upload(MIXED))).status).toBe(401);
    session.user = operator;
    const json = new Request("http://localhost/api/orders/import", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect((await POST(json)).status).toBe(415);
  });
});

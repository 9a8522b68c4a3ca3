/**
 * An order's timeline: when it reached each stage, who moved it there, and
 * the holds put on it (active ones block it now; released ones are history).
 */
import { eventTypeFor, type PaymentKind } from "./pipeline";
import type { Rng } from "./rng";
import type { HoldReason, JsonValue, OrderEventRow, OrderHoldRow, OrderStatus, Role, UserRow } from "./types";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

const MIN = 60_000;

/** Minutes it typically takes to reach a stage from the previous one. */
function stepMinutes(rng: Rng, to: OrderStatus, from: OrderStatus, kind: PaymentKind): number {
  switch (to) {
    case "PAYMENT_AUTHORIZED": return kind === "card" ? rng.float(0.2, 3) : kind === "boleto" ? rng.float(600, 3000) : kind === "pix" ? rng.float(1, 30) : rng.float(0.5, 2);
    case "FRAUD_REVIEW": return rng.float(1, 3);
    case "APPROVED": return from === "FRAUD_REVIEW" ? rng.float(60, 900) : rng.float(1, 15);
    case "BACKORDERED": return rng.float(1, 20);
    case "ALLOCATED": return from === "BACKORDERED" ? rng.float(1440, 7200) : rng.float(2, 60);
    case "PICKING": return rng.float(30, 480);
    case "PACKED": return rng.float(10, 120);
    case "INVOICED": return rng.float(5, 90);
    case "SHIPPED": return rng.float(60, 600);
    case "DELIVERED": return rng.float(1440, 10080);
    case "RETURN_REQUESTED": return rng.float(1440, 10080);
    case "RETURNED": return rng.float(2880, 14400);
    case "CANCELLED": return rng.float(10, 4320);
    case "RECEIVED": return 0;
  }
}

/**
 * Arrival time at each stage of the path (index 0: the order reached us a few
 * seconds after it was placed). Squeezed proportionally when the order is too
 * young for typical durations, and always strictly increasing and before `end`.
 */
export function stageTimes(rng: Rng, path: readonly OrderStatus[], placedAt: Date, end: Date, kind: PaymentKind): number[] {
  const created = placedAt.getTime() + rng.int(3_000, 90_000);
  const steps = path.map((to, i) => (i === 0 ? 0 : stepMinutes(rng, to, path[i - 1]!, kind) * MIN));
  const total = steps.reduce((a, b) => a + b, 0);
  const room = Math.max(0, end.getTime() - created - path.length * 1000) * 0.95;
  const scale = total > room ? room / total : 1;
  const times: number[] = [];
  let t = Math.min(created, end.getTime() - path.length * 1000);
  for (let i = 0; i < path.length; i++) {
    if (i > 0) t = Math.max(t + 1000, Math.round(t + steps[i]! * scale));
    times.push(t);
  }
  return times;
}

export interface Actors {
  users: Record<Role, UserRow>;
  channelLabel: string;
  /** Phone and counter sales are typed in by an operator, not pushed by a platform. */
  manual: boolean;
}

const asUser = (u: UserRow): { actorId: string; actorLabel: string } => ({ actorId: u.id, actorLabel: u.name });
const SYSTEM = { actorId: null, actorLabel: "system" };

const CANCEL_REASONS = ["Cliente desistiu da compra", "Pagamento não confirmado no prazo", "Pedido duplicado", "Cliente pediu cancelamento pelo chat", "Endereço fora da área de entrega"];
const REJECT_REASONS = ["Dados do cartão não conferem com o titular", "Cliente não respondeu à verificação", "Alto risco: vários cartões recusados"];
const RETURN_REASONS = ["Tamanho não serviu", "Produto com defeito", "Cor diferente da foto", "Arrependimento (7 dias)", "Produto errado"];
const CARRIERS = ["Correios SEDEX", "Correios PAC", "Jadlog", "Loggi", "Total Express"];

/** Who moves an order into a stage, with the reason and data the timeline shows. */
function transition(rng: Rng, a: Actors, to: OrderStatus, from: OrderStatus | null, kind: PaymentKind, ctx: { warehouse: string; number: number }): Pick<OrderEventRow, "actorId" | "actorLabel" | "reason" | "data"> {
  const { users } = a;
  switch (to) {
    case "RECEIVED": return { ...(a.manual ? asUser(users.OPERATOR) : { actorId: null, actorLabel: a.channelLabel }), reason: null, data: null };
    case "PAYMENT_AUTHORIZED": return { ...(a.manual ? asUser(users.OPERATOR) : { actorId: null, actorLabel: a.channelLabel }), reason: null, data: { method: kind } };
    case "FRAUD_REVIEW": {
      const score = rng.int(62, 91);
      // Fluxo's own steps carry no hand-written reason: the score and rules are data, the step is labelled by the UI.
      return { ...SYSTEM, reason: null, data: { score, rules: rng.pick([["NEW_CUSTOMER", "HIGH_VALUE"], ["BILLING_SHIPPING_MISMATCH"], ["VELOCITY", "RISKY_EMAIL_DOMAIN"]]) } };
    }
    case "APPROVED": return from === "FRAUD_REVIEW" ? { ...asUser(users.MANAGER), reason: "Cliente confirmou a compra por telefone", data: null } : { ...SYSTEM, reason: null, data: null };
    case "BACKORDERED": return { ...SYSTEM, reason: null, data: { warehouse: ctx.warehouse } };
    case "ALLOCATED": return { ...SYSTEM, reason: null, data: { warehouse: ctx.warehouse } };
    case "PICKING":
    case "PACKED":
    case "RETURNED": return { ...asUser(users.WAREHOUSE), reason: null, data: to === "PACKED" ? { durationSeconds: rng.int(40, 400) } : null };
    case "INVOICED": return { ...asUser(users.OPERATOR), reason: null, data: { invoiceNumber: String(100_000 + ctx.number) } };
    case "SHIPPED": return { ...asUser(users.WAREHOUSE), reason: null, data: { carrier: rng.pick(CARRIERS), trackingNumber: `BR${rng.digits(9)}BR` } };
    case "DELIVERED": return { ...SYSTEM, reason: null, data: null };
    case "RETURN_REQUESTED": return { ...asUser(users.OPERATOR), reason: rng.pick(RETURN_REASONS), data: null };
    case "CANCELLED":
      if (from === "FRAUD_REVIEW") return { ...asUser(users.MANAGER), reason: rng.pick(REJECT_REASONS), data: null };
      // As Fluxo words it (stock.reasons.unpaidFor, both languages): the demo's unpaid window is 72 h (generate.ts).
      if (from === "RECEIVED" && rng.chance(0.6)) return { ...SYSTEM, reason: ledgerReason("unpaidFor", { hours: 72 }), data: null };
      return { ...asUser(users.OPERATOR), reason: rng.pick(CANCEL_REASONS), data: null };
  }
}

export interface TimelineInput {
  orderId: string;
  number: number;
  path: readonly OrderStatus[];
  times: readonly number[];
  kind: PaymentKind;
  warehouse: string;
  full: boolean;
}

/** One event per stage reached (full), or just "created" and the latest stage (minimal). */
export function buildEvents(rng: Rng, a: Actors, o: TimelineInput, out: OrderEventRow[]): void {
  const { path, times } = o;
  const push = (i: number): void => {
    const to = path[i]!;
    const from = i === 0 ? null : path[i - 1]!;
    out.push({
      orderId: o.orderId, type: eventTypeFor(to, from, o.kind), fromStatus: from, toStatus: to,
      ...transition(rng, a, to, from, o.kind, { warehouse: o.warehouse, number: o.number }), createdAt: new Date(times[i]!),
    });
    // A card is captured right after approval: bookkeeping event, the stage does not change.
    if (to === "APPROVED" && o.kind === "card" && o.full) {
      out.push({ orderId: o.orderId, type: "order.paid", fromStatus: to, toStatus: to, ...SYSTEM, reason: null, data: null, createdAt: new Date(times[i]! + 1000) });
    }
  };
  push(0);
  if (o.full) for (let i = 1; i < path.length; i++) push(i);
  else if (path.length > 1) push(path.length - 1);
}

/**
 * Notes a person types (the demo store's operator writes Portuguese, as a Brazilian shop's staff would; the order
 * page shows them labelled as a note). Holds Fluxo places itself (payment, fraud risk, stock) carry no note: their
 * reason code is translated on the page, so an English reader never sees a Portuguese "system" sentence.
 */
const HOLD_NOTES: Partial<Record<HoldReason, string>> = {
  INCORRECT_ADDRESS: "CEP não confere com a cidade informada",
  AWAITING_RETURN_ITEMS: "Aguardando chegada da devolução pelos Correios",
  OTHER: "Cliente pediu para embalar para presente",
};
/** What the operator wrote on releasing a hold of each reason. */
const RELEASE_NOTES: Record<HoldReason, string> = {
  AWAITING_PAYMENT: "Pagamento confirmado pelo banco",
  HIGH_FRAUD_RISK: "Titular confirmou a compra por telefone",
  INCORRECT_ADDRESS: "Endereço corrigido com o cliente",
  OUT_OF_STOCK: "Reposição recebida",
  AWAITING_RETURN_ITEMS: "Devolução recebida no armazém",
  OTHER: "Pedido do cliente atendido",
};

/** An active hold that fits the stage, or null (most orders are not held). */
export function activeHoldReason(rng: Rng, status: OrderStatus, kind: PaymentKind, ageHours: number): HoldReason | null {
  if (status === "RECEIVED" && kind === "boleto" && ageHours > 20) return rng.chance(0.7) ? "AWAITING_PAYMENT" : null;
  if (status === "FRAUD_REVIEW") return rng.chance(0.7) ? "HIGH_FRAUD_RISK" : null;
  if (status === "BACKORDERED") return rng.chance(0.3) ? "OUT_OF_STOCK" : null;
  if (status === "RETURN_REQUESTED") return rng.chance(0.6) ? "AWAITING_RETURN_ITEMS" : null;
  if (status === "APPROVED" || status === "ALLOCATED") return rng.chance(0.04) ? "INCORRECT_ADDRESS" : rng.chance(0.01) ? "OTHER" : null;
  return null;
}

/** Hold row plus its timeline events; `until` null keeps it active. */
export function buildHold(
  rng: Rng, a: Actors, o: { orderId: string; status: OrderStatus; full: boolean }, reason: HoldReason, from: number, until: number | null,
  holds: OrderHoldRow[], events: OrderEventRow[],
): void {
  const byUser = reason !== "HIGH_FRAUD_RISK" && reason !== "AWAITING_PAYMENT" && reason !== "OUT_OF_STOCK";
  const who = byUser ? asUser(a.users.OPERATOR) : SYSTEM;
  const note = byUser ? (HOLD_NOTES[reason] ?? null) : null;
  const data: JsonValue = note ? { note } : null;
  holds.push({
    id: rng.uuid(), orderId: o.orderId, reason, note, createdById: who.actorId, createdAt: new Date(from),
    releasedAt: until === null ? null : new Date(until), releasedById: until === null ? null : a.users.OPERATOR.id,
    releaseNote: until === null ? null : RELEASE_NOTES[reason],
  });
  if (!o.full) return;
  events.push({ orderId: o.orderId, type: "order.held", fromStatus: o.status, toStatus: o.status, ...who, reason, data, createdAt: new Date(from) });
  if (until !== null) {
    events.push({ orderId: o.orderId, type: "order.released", fromStatus: o.status, toStatus: o.status, ...asUser(a.users.OPERATOR), reason, data: null, createdAt: new Date(until) });
  }
}

/**
 * The label PDF of a shipment (WAREHOUSE, OPERATOR, ADMIN): the recipient from
 * the order's shipping address, the sender from the merchant's settings and
 * the shipping warehouse (the order's, else the first active one).
 */
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { renderShippingLabel, type LabelCaptions } from "./label";
import { readShippingAddress } from "./shipping-address";
import { assertRole, LABEL_ROLES } from "./shipping-roles";

/** The sender (remetente) parts of a warehouse (settings/warehouse-address.ts). */
const SENDER_FIELDS = { city: true, state: true, line1: true, line2: true, district: true, postalCode: true } as const;

export async function getShipmentLabel(opts: { actor: SessionUser; shipmentId: string; captions: LabelCaptions }): Promise<{ pdf: Uint8Array; fileName: string }> {
  assertRole(LABEL_ROLES, opts.actor, "print shipping labels");
  const s = await db.shipment.findUnique({
    where: { id: opts.shipmentId },
    select: {
      trackingNumber: true,
      service: true,
      orderId: true,
      carrier: { select: { name: true } },
      package: { select: { number: true, weightGrams: true } },
    },
  });
  if (!s) throw new DomainError("NOT_FOUND", `Shipment ${opts.shipmentId} not found.`);
  const [order, settings] = await Promise.all([
    db.order.findUniqueOrThrow({
      where: { id: s.orderId },
      select: { number: true, externalNumber: true, customerName: true, shippingAddress: true, warehouse: { select: SENDER_FIELDS } },
    }),
    getMerchantSettings(),
  ]);
  const warehouse = order.warehouse ?? (await db.warehouse.findFirst({ where: { active: true }, orderBy: { code: "asc" }, select: SENDER_FIELDS }));
  const pdf = await renderShippingLabel(
    {
      carrierName: s.carrier.name,
      service: s.service,
      trackingNumber: s.trackingNumber,
      recipient: readShippingAddress(order.shippingAddress, order.customerName),
      // The origin warehouse's address (settings page); city and UF only where it has none.
      sender: {
        name: settings.companyName,
        line1: warehouse?.line1 ?? "",
        line2: warehouse?.line2 ?? "",
        district: warehouse?.district ?? "",
        city: warehouse?.city ?? "",
        state: warehouse?.state ?? "",
        postalCode: warehouse?.postalCode ?? "",
      },
      orderNumber: order.number,
      externalNumber: order.externalNumber,
      packageNumber: s.package.number,
      weightGrams: s.package.weightGrams,
    },
    opts.captions,
  );
  return { pdf, fileName: `label-${order.number}-${s.trackingNumber}.pdf` };
}

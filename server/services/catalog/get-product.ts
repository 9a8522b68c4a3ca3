/** A product with every field of its SKUs and each SKU's stock across the warehouses (for the product page). */
import { z } from "zod";
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { availableQuantity } from "@/server/services/stock/stock-math";

export const getProductInput = z.object({ productId: z.string().uuid() });
export type GetProductInput = z.input<typeof getProductInput>;

export interface ProductSku {
  id: string;
  code: string;
  name: string;
  variant: string | null;
  ean: string | null;
  ncm: string | null;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  priceCents: number;
  reorderPoint: number;
  active: boolean;
  stock: { onHand: number; reserved: number; unavailable: number; available: number };
}

export interface ProductDetail {
  product: { id: string; name: string; brand: string | null; description: string | null; createdAt: Date; updatedAt: Date };
  skus: ProductSku[];
}

export async function getProduct(raw: GetProductInput): Promise<ProductDetail> {
  const { productId } = getProductInput.parse(raw);
  const found = await db.product.findUnique({
    where: { id: productId },
    select: {
      id: true, name: true, brand: true, description: true, createdAt: true, updatedAt: true,
      skus: {
        orderBy: { code: "asc" },
        select: {
          id: true, code: true, name: true, variant: true, ean: true, ncm: true, weightGrams: true, lengthMm: true, widthMm: true, heightMm: true,
          priceCents: true, reorderPoint: true, active: true,
          balances: { select: { onHand: true, reserved: true, unavailable: true, safety: true } },
        },
      },
    },
  });
  if (!found) throw new DomainError("NOT_FOUND", `Product ${productId} not found.`);
  const { skus, ...product } = found;
  return {
    product,
    skus: skus.map(({ balances, ...sku }) => ({
      ...sku,
      stock: balances.reduce(
        (t, b) => ({ onHand: t.onHand + b.onHand, reserved: t.reserved + b.reserved, unavailable: t.unavailable + b.unavailable, available: t.available + availableQuantity(b) }),
        { onHand: 0, reserved: 0, unavailable: 0, available: 0 },
      ),
    })),
  };
}

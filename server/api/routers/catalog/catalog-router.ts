/**
 * The product catalogue: everyone who works with orders or stock reads it;
 * operators and admins create and edit products and their SKUs.
 */
import { z } from "zod";
import { roleProcedure, router } from "@/server/api/trpc";
import { changedOutput, createdProductOutput, createdSkuOutput, productDetailOutput, productListOutput } from "@/server/api/routers/catalog/catalog-schemas";
import { addSku } from "@/server/services/catalog/add-sku";
import { addSkuInput, createProductInput, updateProductInput, updateSkuInput } from "@/server/services/catalog/catalog-inputs";
import { CATALOG_READ_ROLES, CATALOG_WRITE_ROLES } from "@/server/services/catalog/catalog-roles";
import { createProduct } from "@/server/services/catalog/create-product";
import { deleteProduct, deleteProductInput, deleteSku, deleteSkuInput } from "@/server/services/catalog/delete-catalog-item";
import { getProduct, getProductInput } from "@/server/services/catalog/get-product";
import { listProducts, listProductsInput } from "@/server/services/catalog/list-products";
import { updateProduct } from "@/server/services/catalog/update-product";
import { updateSku } from "@/server/services/catalog/update-sku";
import { userActor } from "@/server/services/order/actor";

const readProcedure = roleProcedure(...CATALOG_READ_ROLES);
const writeProcedure = roleProcedure(...CATALOG_WRITE_ROLES);

export const catalogRouter = router({
  list: readProcedure.input(listProductsInput).output(productListOutput).query(({ input }) => listProducts(input)),
  product: readProcedure.input(getProductInput).output(productDetailOutput).query(({ input }) => getProduct(input)),

  createProduct: writeProcedure
    .input(createProductInput)
    .output(createdProductOutput)
    .mutation(({ ctx, input }) => createProduct({ actor: userActor(ctx.user), input })),
  updateProduct: writeProcedure
    .input(updateProductInput)
    .output(changedOutput)
    .mutation(({ ctx, input }) => updateProduct({ actor: userActor(ctx.user), input })),
  addSku: writeProcedure.input(addSkuInput).output(createdSkuOutput).mutation(({ ctx, input }) => addSku({ actor: userActor(ctx.user), input })),
  updateSku: writeProcedure.input(updateSkuInput).output(changedOutput).mutation(({ ctx, input }) => updateSku({ actor: userActor(ctx.user), input })),
  /** Only what never took part in the business (delete-catalog-item.ts); anything else is deactivated instead. */
  deleteSku: writeProcedure
    .input(deleteSkuInput)
    .output(z.object({ productId: z.string() }))
    .mutation(({ ctx, input }) => deleteSku({ actor: userActor(ctx.user), input })),
  deleteProduct: writeProcedure
    .input(deleteProductInput)
    .output(z.object({ deleted: z.number().int() }))
    .mutation(({ ctx, input }) => deleteProduct({ actor: userActor(ctx.user), input })),
});

-- Names searched and sorted case and accents aside ("joao" finds "João"; "Fábio" before "Francisco"),
-- the same in every collation: translate(lower(x), FROM, TO) with the strings of server/lib/text-fold.ts
-- (keep them identical). Immutable built-ins only, so no extension is needed.
-- These replace the lower(name) indexes of the customer list, the orders search by customer name,
-- the product list and the stock grid's SKU name search.

DROP INDEX IF EXISTS "Customer_name_lower_idx";
DROP INDEX IF EXISTS "Customer_name_order_idx";
CREATE INDEX "Customer_name_fold_idx" ON "Customer" (translate(lower("name"), 'ÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑáàâãäéèêëíìîïóòôõöúùûüçñ', 'aaaaaeeeeiiiiooooouuuucnaaaaaeeeeiiiiooooouuuucn') text_pattern_ops);
CREATE INDEX "Customer_name_fold_order_idx" ON "Customer" (translate(lower("name"), 'ÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑáàâãäéèêëíìîïóòôõöúùûüçñ', 'aaaaaeeeeiiiiooooouuuucnaaaaaeeeeiiiiooooouuuucn'), "id");

DROP INDEX IF EXISTS "Order_customerName_lower_idx";
CREATE INDEX "Order_customerName_fold_idx" ON "Order" (translate(lower("customerName"), 'ÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑáàâãäéèêëíìîïóòôõöúùûüçñ', 'aaaaaeeeeiiiiooooouuuucnaaaaaeeeeiiiiooooouuuucn') text_pattern_ops);

DROP INDEX IF EXISTS "Product_name_lower_idx";
DROP INDEX IF EXISTS "Product_name_order_idx";
CREATE INDEX "Product_name_fold_idx" ON "Product" (translate(lower("name"), 'ÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑáàâãäéèêëíìîïóòôõöúùûüçñ', 'aaaaaeeeeiiiiooooouuuucnaaaaaeeeeiiiiooooouuuucn') text_pattern_ops);
CREATE INDEX "Product_name_fold_order_idx" ON "Product" (translate(lower("name"), 'ÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑáàâãäéèêëíìîïóòôõöúùûüçñ', 'aaaaaeeeeiiiiooooouuuucnaaaaaeeeeiiiiooooouuuucn'), "id");

DROP INDEX IF EXISTS "Sku_name_lower_idx";
CREATE INDEX "Sku_name_fold_idx" ON "Sku" (translate(lower("name"), 'ÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑáàâãäéèêëíìîïóòôõöúùûüçñ', 'aaaaaeeeeiiiiooooouuuucnaaaaaeeeeiiiiooooouuuucn') text_pattern_ops);

import { idStr, str, type JsonObject } from "../read";

/**
 * A Shopify resource id as an exact string. The numeric suffix of
 * `admin_graphql_api_id` ("gid://shopify/Order/820982911946154508") wins over
 * `id`: some published samples went through JavaScript numbers and carry
 * rounded ids, while the gid is a string and always exact.
 */
export function shopifyId(o: JsonObject, type: string): string | undefined {
  const gid = str(o, "admin_graphql_api_id");
  if (gid !== undefined) {
    const m = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(gid);
    if (m && m[1] === type && m[2] !== undefined) return m[2];
  }
  return idStr(o, "id");
}

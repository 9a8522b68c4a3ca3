/** tRPC caller for server components: same procedures, same role checks. */
import { createCaller } from "@/server/api/root";
import { currentUser } from "@/server/auth/session";

export async function serverCaller() {
  return createCaller({ user: await currentUser() });
}

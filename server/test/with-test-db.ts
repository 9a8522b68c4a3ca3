/**
 * The usual lifecycle of an integration test file in one call: a fresh database
 * for the file (createTestDb), emptied before each test, closed at the end.
 * Call it at the top level of the file; the hooks it registers run before the
 * file's own beforeEach, so those see an empty database.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createTestDb, type TestDb } from "@/server/test/test-db";
import { settleAfterResponse } from "@/server/lib/after-response";

export function withTestDb(): () => TestDb {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await settleAfterResponse();
    await t?.close();
  });
  beforeEach(async () => {
    // A webhook answered by the production path may still be reserving its order's stock (server/lib/after-response.ts).
    await settleAfterResponse();
    await t?.truncate();
  });
  return () => {
    if (!t) throw new Error("withTestDb: the database is not ready yet (call withTestDb at the top level of the test file).");
    return t;
  };
}

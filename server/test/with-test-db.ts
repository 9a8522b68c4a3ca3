/**
 * The usual lifecycle of an integration test file in one call: a fresh database
 * for the file (createTestDb), emptied before each test, closed at the end.
 * Call it at the top level of the file; the hooks it registers run before the
 * file's own beforeEach, so those see an empty database.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createTestDb, type TestDb } from "@/server/test/test-db";

export function withTestDb(): () => TestDb {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t?.truncate();
  });
  return () => {
    if (!t) throw new Error("withTestDb: the database is not ready yet (call withTestDb at the top level of the test file).");
    return t;
  };
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sourcesFingerprint } from "./app-build";

const roots: string[] = [];
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "fluxo-build-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe("sourcesFingerprint", () => {
  it("changes with what the build reads, not with tests, generated code or dependencies' folders", () => {
    const base = { "app/page.tsx": "a", "server/x.ts": "b", "package-lock.json": "{}" };
    const same = sourcesFingerprint(project(base));
    expect(sourcesFingerprint(project({ ...base, "server/x.test.ts": "t", "server/generated/prisma/c.ts": "g", "app/node_modules/m.js": "m" }))).toBe(same);
    expect(sourcesFingerprint(project({ ...base, "server/x.ts": "b2" }))).not.toBe(same);
    expect(sourcesFingerprint(project({ ...base, "components/new.tsx": "n" }))).not.toBe(same);
    expect(sourcesFingerprint(project({ ...base, "package-lock.json": "{ }" }))).not.toBe(same);
    expect(sourcesFingerprint(project({ ...base, "prisma/schema.prisma": "model" }))).not.toBe(same);
  });
});

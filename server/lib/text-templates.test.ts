import { describe, expect, it } from "vitest";
import { templateTable } from "@/server/lib/text-templates";

describe("templateTable", () => {
  const table = templateTable(
    "test",
    { quoted: 'Field "{field}" is bad; {who} sent {value}', row: "Row {row}: {note}", plain: "{a} and {b}." },
    ["row"],
    ["field"],
  );

  it("writes quoted values JSON-escaped and reads them back exactly, whatever follows them", () => {
    const params = { field: 'a"b\\c; Shop sent d', who: "Shop", value: '{"x":"; sent y"}' };
    const text = table.write("quoted", params);
    expect(text).toBe('Field "a\\"b\\\\c; Shop sent d" is bad; Shop sent {"x":"; sent y"}');
    expect(table.read(text)).toEqual({ key: "quoted", params });
  });

  it("digits, a last value that takes the rest, other texts → null", () => {
    expect(table.read("Row 12: two\nlines")).toEqual({ key: "row", params: { row: "12", note: "two\nlines" } });
    expect(table.read("Row x: y")).toBeNull();
    expect(table.read("x and y.")).toEqual({ key: "plain", params: { a: "x", b: "y" } });
    expect(table.read("something else")).toBeNull();
  });

  it("refuses a quoted value that does not stand between quotes", () => {
    expect(() => templateTable("bad", { k: "Field {field} is bad" }, [], ["field"])).toThrow(/\{field\} must stand between quotes/);
  });
});

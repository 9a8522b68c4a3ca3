import { afterEach, describe, expect, it, vi } from "vitest";
import { csvDownload } from "@/server/lib/http-stream";

async function* rows() {
  yield "a,b\r\n";
}

const fileName = (res: Response) => /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1];

describe("csvDownload", () => {
  afterEach(() => vi.useRealTimers());

  it("stamps the file name with the wall-clock time of the merchant's time zone, not UTC", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-29T07:07:30Z")); // 04:07 in São Paulo
    const res = csvDownload(rows(), "orders", "America/Sao_Paulo");
    expect(fileName(res)).toBe("orders-202611290407.csv");
    expect(await res.text()).toBe("a,b\r\n");
    // across midnight: still the 28th in São Paulo
    vi.setSystemTime(new Date("2026-11-29T01:30:00Z"));
    expect(fileName(csvDownload(rows(), "stock", "America/Sao_Paulo"))).toBe("stock-202611282230.csv");
    expect(fileName(csvDownload(rows(), "stock"))).toBe("stock-202611290130.csv");
  });
});

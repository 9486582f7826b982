// The link checker against a local web server: a page, a redirect chain, a 404, a time-out, an endless
// body, and the refusals that keep the server from reaching into the intranet. The server is on
// 127.0.0.1, which the checker refuses by default: the cases that fetch allow it as an admin would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSite, type TestSite } from "@/tests/integration/support/link-site";
import { checkLink } from "./check";
import { isPublicAddress, MAX_REDIRECTS } from "./fetch";

let site: TestSite;
const allowed = { allowedHosts: ["127.0.0.1"] };

beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

describe("checkLink", () => {
  it("keeps a page's status, title, text hash and snapshot (the text, not scripts or styles)", async () => {
    const result = await checkLink(`${site.origin}/ok`, allowed);
    expect(result).toMatchObject({
      outcome: "ok",
      failure: null,
      httpStatus: 200,
      finalUrl: `${site.origin}/ok`,
      title: "上海市人民政府",
      snapshot: "公开 信息",
    });
    expect(result.textHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("decodes a GB2312 page declared in its <meta>", async () => {
    const result = await checkLink(`${site.origin}/gbk`, allowed);
    expect(result.title).toBe("上海市经济和信息化委员会");
    expect(result.snapshot).toBe("关于推进人工智能发展的通知");
  });

  it(`follows a redirect chain of up to ${MAX_REDIRECTS} hops, to its final address`, async () => {
    const result = await checkLink(`${site.origin}/hop/${MAX_REDIRECTS}`, allowed);
    expect(result).toMatchObject({
      outcome: "ok",
      httpStatus: 200,
      finalUrl: `${site.origin}/hop/0`,
      title: "终点",
    });
  });

  it("calls a longer chain broken", async () => {
    const result = await checkLink(`${site.origin}/hop/${MAX_REDIRECTS + 1}`, allowed);
    expect(result).toMatchObject({ outcome: "broken", failure: "redirects" });
  });

  it("calls a 404 broken, with its status", async () => {
    const result = await checkLink(`${site.origin}/missing`, allowed);
    expect(result).toMatchObject({ outcome: "broken", failure: "status", httpStatus: 404, textHash: null });
  });

  it("gives up on a server that does not answer, at the time-out", async () => {
    const started = Date.now();
    const result = await checkLink(`${site.origin}/hang`, { ...allowed, timeoutMs: 500 });
    expect(result).toMatchObject({ outcome: "broken", failure: "timeout" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("reads an endless body up to the size cap, then stops", async () => {
    const result = await checkLink(`${site.origin}/endless`, { ...allowed, maxBodyBytes: 64 * 1024 });
    expect(result).toMatchObject({ outcome: "ok", httpStatus: 200, title: "无尽" });
    expect(result.snapshot?.length).toBe(500);
  });

  it("refuses a loopback address unless an admin allowed the host", async () => {
    const result = await checkLink(`${site.origin}/ok`);
    expect(result).toMatchObject({ outcome: "broken", failure: "refused", httpStatus: null });
    expect(site.hits.get("/ok")).toBe(1); // only the allowed fetch above reached the server
  });

  it("refuses a name that resolves to a loopback address", async () => {
    const result = await checkLink(`http://localhost:${site.port}/ok`);
    expect(result).toMatchObject({ outcome: "broken", failure: "refused" });
  });

  it("refuses a redirect to 127.0.0.1 from an allowed host", async () => {
    const before = site.hits.get("/ok") ?? 0;
    const result = await checkLink(`http://localhost:${site.port}/to-loopback`, {
      allowedHosts: ["localhost"],
    });
    expect(result).toMatchObject({ outcome: "broken", failure: "refused", finalUrl: `${site.origin}/ok` });
    expect(site.hits.get("/to-loopback")).toBe(1);
    expect(site.hits.get("/ok") ?? 0).toBe(before);
  });

  it("refuses what is not http or https", async () => {
    expect(await checkLink("file:///etc/passwd", allowed)).toMatchObject({
      outcome: "broken",
      failure: "refused",
    });
    expect(await checkLink("ftp://127.0.0.1/x", allowed)).toMatchObject({
      outcome: "broken",
      failure: "refused",
    });
  });
});

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "100.64.0.1",
    "169.254.169.254",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "not an address",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["202.96.209.5", "8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8"])("allows %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import proxy from "@/proxy";

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

const page = (headers: Record<string, string> = {}) =>
  proxy(new NextRequest("http://127.0.0.1:3000/zh-CN/sign-in", { headers }));

describe("the proxy's security headers", () => {
  it("sends a policy with a fresh nonce, also to Next.js on the request", () => {
    const first = page();
    const policy = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]{24})'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(page().headers.get("content-security-policy")).not.toContain(nonce);
  });

  it("sends HSTS only when a trusted proxy says the request came over https", () => {
    expect(page({ "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).toBeNull();
    process.env.TRUST_PROXY = "1";
    const https = page({ "x-forwarded-proto": "https" });
    expect(https.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(https.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(page({ "x-forwarded-proto": "http" }).headers.get("strict-transport-security")).toBeNull();
  });
});

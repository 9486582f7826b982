import { describe, expect, it } from "vitest";
import { clientAddress, requestIsHttps, trustedProxyHops } from "./forwarded";

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("the client's address", () => {
  it("is the socket's address (appended last by the server) when no proxy is trusted", () => {
    expect(clientAddress(forwardedFor("203.0.113.7"), 0)).toBe("203.0.113.7");
    // Whatever the client wrote into the header itself is never read.
    expect(clientAddress(forwardedFor("10.9.9.9, 1.2.3.4, 203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("is the right-most untrusted address behind trusted proxies", () => {
    // forged by the client, the client as nginx saw it, nginx as the app's socket saw it
    const chain = forwardedFor("10.9.9.9, 198.51.100.20, 127.0.0.1");
    expect(clientAddress(chain, 1)).toBe("198.51.100.20");
    expect(clientAddress(forwardedFor("198.51.100.20, 10.0.0.2, 127.0.0.1"), 2)).toBe("198.51.100.20");
    // A shorter chain than the proxies configured: its left-most entry.
    expect(clientAddress(forwardedFor("198.51.100.20"), 2)).toBe("198.51.100.20");
  });

  it("is normalised, and null when missing or not an address", () => {
    expect(clientAddress(forwardedFor("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddress(forwardedFor("[2001:DB8::1]:443"), 0)).toBe("2001:db8::1");
    expect(clientAddress(forwardedFor("192.0.2.1:8080"), 0)).toBe("192.0.2.1");
    expect(clientAddress(new Headers(), 0)).toBeNull();
    expect(clientAddress(forwardedFor("unknown"), 0)).toBeNull();
    expect(clientAddress(forwardedFor("999.1.1.1"), 0)).toBeNull();
    expect(clientAddress(forwardedFor(`${"a".repeat(500)}`), 0)).toBeNull();
  });
});

describe("TRUST_PROXY", () => {
  it("is a number of proxies, none when unset", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("true")).toThrow(/TRUST_PROXY/);
    expect(() => trustedProxyHops("-1")).toThrow(/TRUST_PROXY/);
  });
});

describe("https", () => {
  const proto = (value: string) => new Headers({ "x-forwarded-proto": value });
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(requestIsHttps(proto("https"), 0, undefined)).toBe(false);
    expect(requestIsHttps(proto("https"), 1, undefined)).toBe(true);
    expect(requestIsHttps(proto("http"), 1, undefined)).toBe(false);
    expect(requestIsHttps(new Headers(), 0, "https://tracker.example")).toBe(true);
    expect(requestIsHttps(new Headers(), 0, "http://127.0.0.1:3000")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { preferredLocale, requestLocale } from "./locale";

describe("preferredLocale", () => {
  it("is Chinese by default and for anything it does not speak", () => {
    expect(preferredLocale(null)).toBe("zh-CN");
    expect(preferredLocale("")).toBe("zh-CN");
    expect(preferredLocale("fr-FR, de;q=0.8")).toBe("zh-CN");
    expect(preferredLocale("*")).toBe("zh-CN");
  });

  it("follows the caller's preference between Chinese and English", () => {
    expect(preferredLocale("en")).toBe("en");
    expect(preferredLocale("en-US,en;q=0.9")).toBe("en");
    expect(preferredLocale("zh-TW, en;q=0.5")).toBe("zh-CN");
    expect(preferredLocale("zh;q=0.4, en-GB;q=0.8")).toBe("en");
    expect(preferredLocale("fr, en;q=0.1, zh;q=0")).toBe("en");
    expect(preferredLocale("EN-us")).toBe("en");
  });
});

describe("requestLocale", () => {
  const request = (acceptLanguage?: string) =>
    new Request("http://localhost/api/x", {
      headers: acceptLanguage ? { "accept-language": acceptLanguage } : {},
    });

  it("takes the locale the request names, when the app speaks it", () => {
    expect(requestLocale(request("zh-CN"), "en")).toBe("en");
    expect(requestLocale(request("en"), "zh-CN")).toBe("zh-CN");
  });

  it("else follows Accept-Language", () => {
    expect(requestLocale(request("en"), "fr")).toBe("en");
    expect(requestLocale(request("en"), null)).toBe("en");
    expect(requestLocale(request())).toBe("zh-CN");
  });
});

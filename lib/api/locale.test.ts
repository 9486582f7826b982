import { describe, expect, it } from "vitest";
import { apiLocale } from "./locale";

describe("apiLocale", () => {
  it("is Chinese by default and for anything it does not speak", () => {
    expect(apiLocale(null)).toBe("zh-CN");
    expect(apiLocale("")).toBe("zh-CN");
    expect(apiLocale("fr-FR, de;q=0.8")).toBe("zh-CN");
    expect(apiLocale("*")).toBe("zh-CN");
  });

  it("follows the caller's preference between Chinese and English", () => {
    expect(apiLocale("en")).toBe("en");
    expect(apiLocale("en-US,en;q=0.9")).toBe("en");
    expect(apiLocale("zh-TW, en;q=0.5")).toBe("zh-CN");
    expect(apiLocale("zh;q=0.4, en-GB;q=0.8")).toBe("en");
    expect(apiLocale("fr, en;q=0.1, zh;q=0")).toBe("en");
    expect(apiLocale("EN-us")).toBe("en");
  });
});

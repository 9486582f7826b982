import { describe, expect, it } from "vitest";
import { absoluteUrl, appBaseUrl, preferencesPath } from "./links";

describe("links in messages sent outside the app", () => {
  it("start at BETTER_AUTH_URL, without its trailing slashes, keeping a path the app is served under", () => {
    expect(appBaseUrl({ BETTER_AUTH_URL: "https://tracker.example.gov.cn/" })).toBe(
      "https://tracker.example.gov.cn",
    );
    expect(absoluteUrl("/zh-CN/proposals/LLM-2024/R1", { BETTER_AUTH_URL: "https://x.cn/tracker//" })).toBe(
      "https://x.cn/tracker/zh-CN/proposals/LLM-2024/R1",
    );
  });

  it("fall back to this machine on PORT, else port 3000", () => {
    expect(appBaseUrl({ PORT: "8080" })).toBe("http://localhost:8080");
    expect(appBaseUrl({ BETTER_AUTH_URL: " ", PORT: "" })).toBe("http://localhost:3000");
    expect(absoluteUrl(preferencesPath("zh-CN"), {})).toBe(
      "http://localhost:3000/zh-CN/notifications/preferences",
    );
  });
});

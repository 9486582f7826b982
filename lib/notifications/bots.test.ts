import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type BotMessage,
  botMessage,
  botRequest,
  dingtalkPayload,
  dingtalkSign,
  dingtalkSignedUrl,
  feishuPayload,
  feishuSign,
  platformError,
  WECOM_MAX_BYTES,
  wecomPayload,
} from "./bots";

const message: BotMessage = {
  title: "状态变为停滞",
  item: "LLM-2024 · R3 · A2 建设算力调度平台",
  lines: ["状态：推进中 → 停滞", "说明：经费未到位"],
  url: "https://tracker.example.org/zh-CN/proposals/LLM-2024/R3#action-A2",
};

describe("the posts' bodies", () => {
  it("makes the link absolute from the app's base", () => {
    const text = { title: "t", item: null, lines: [], path: "/zh-CN/proposals/P1/R1" };
    expect(botMessage(text, "https://tracker.example.org").url).toBe(
      "https://tracker.example.org/zh-CN/proposals/P1/R1",
    );
  });

  it("is WeCom's markdown message: title, item, lines, link", () => {
    expect(wecomPayload(message)).toEqual({
      msgtype: "markdown",
      markdown: {
        content: [
          "**状态变为停滞**",
          "LLM-2024 · R3 · A2 建设算力调度平台",
          "> 状态：推进中 → 停滞",
          "> 说明：经费未到位",
          "",
          `[在系统中查看](${message.url})`,
        ].join("\n"),
      },
    });
  });

  it("keeps WeCom's content within 4096 bytes, dropping lines but never the title or the link", () => {
    const long = {
      ...message,
      lines: Array.from({ length: 200 }, (_, i) => `第 ${i} 行：${"很长的说明".repeat(5)}`),
    };
    const content = wecomPayload(long).markdown.content;
    expect(Buffer.byteLength(content, "utf8")).toBeLessThanOrEqual(WECOM_MAX_BYTES);
    expect(content.startsWith("**状态变为停滞**\n")).toBe(true);
    expect(content.endsWith(`[在系统中查看](${message.url})`)).toBe(true);
    expect(content).toMatch(/另有 \d+ 行，请在系统中查看/);
    expect(content).toContain("第 0 行");
  });

  it("is DingTalk's markdown message: a title for the chat list, the text with blank lines between", () => {
    const body = dingtalkPayload(message);
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.title).toBe("状态变为停滞");
    expect(body.markdown.text).toBe(
      [
        "#### 状态变为停滞",
        "LLM-2024 · R3 · A2 建设算力调度平台",
        "> 状态：推进中 → 停滞",
        "> 说明：经费未到位",
        `[在系统中查看](${message.url})`,
      ].join("\n\n"),
    );
  });

  it("is a Feishu card: the title as its header, a markdown element, a button to the item", () => {
    expect(feishuPayload(message)).toEqual({
      msg_type: "interactive",
      card: {
        config: { wide_screen_mode: true },
        header: { title: { tag: "plain_text", content: "状态变为停滞" }, template: "blue" },
        elements: [
          {
            tag: "markdown",
            content: "**LLM-2024 · R3 · A2 建设算力调度平台**\n状态：推进中 → 停滞\n说明：经费未到位",
          },
          {
            tag: "action",
            actions: [
              {
                tag: "button",
                text: { tag: "plain_text", content: "在系统中查看" },
                type: "primary",
                url: message.url,
              },
            ],
          },
        ],
      },
    });
  });
});

describe("signing", () => {
  const secret = "SEC0123456789abcdef";

  it("signs DingTalk's URL with timestamp (ms) and the URL-encoded base64 HmacSHA256 of timestamp\\nsecret", () => {
    const now = new Date("2026-12-02T08:00:00.123Z");
    const url = dingtalkSignedUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", secret, now);
    const parsed = new URL(url);
    expect(parsed.searchParams.get("access_token")).toBe("abc");
    expect(parsed.searchParams.get("timestamp")).toBe(String(now.getTime()));
    const expected = createHmac("sha256", secret).update(`${now.getTime()}\n${secret}`).digest("base64");
    expect(parsed.searchParams.get("sign")).toBe(expected);
    expect(dingtalkSign(secret, now.getTime())).toBe(expected);
    // URL-encoded: a base64 "+", "/" or "=" never stands bare in the query.
    expect(url.split("sign=")[1]).toMatch(/^[A-Za-z0-9%]+$/);
  });

  it("signs Feishu's body with timestamp (s) and base64 HmacSHA256 keyed timestamp\\nsecret over nothing", () => {
    const now = new Date("2026-12-02T08:00:00.900Z");
    const { url, body } = botRequest(
      { platform: "feishu", url: "https://open.feishu.cn/open-apis/bot/v2/hook/x", secret },
      message,
      now,
    );
    expect(url).toBe("https://open.feishu.cn/open-apis/bot/v2/hook/x");
    const seconds = Math.floor(now.getTime() / 1000);
    const sign = createHmac("sha256", `${seconds}\n${secret}`).update("").digest("base64");
    expect(body).toMatchObject({ timestamp: String(seconds), sign, msg_type: "interactive" });
    expect(feishuSign(secret, seconds)).toBe(sign);
  });

  it("leaves the URL and body unsigned without a secret", () => {
    const dingtalk = botRequest(
      { platform: "dingtalk", url: "https://oapi.dingtalk.com/robot/send?access_token=a", secret: null },
      message,
    );
    expect(dingtalk.url).toBe("https://oapi.dingtalk.com/robot/send?access_token=a");
    const feishu = botRequest({ platform: "feishu", url: "https://open.feishu.cn/x", secret: null }, message);
    expect(feishu.body).not.toHaveProperty("sign");
    expect(feishu.body).not.toHaveProperty("timestamp");
  });
});

describe("the platforms' answers", () => {
  it("takes errcode 0 (WeCom, DingTalk) and code 0 (Feishu) as sent, anything else as the platform's error", () => {
    expect(platformError("wecom", { errcode: 0, errmsg: "ok" })).toBeNull();
    expect(platformError("dingtalk", { errcode: 310000, errmsg: "sign not match" })).toBe(
      "errcode 310000: sign not match",
    );
    expect(platformError("feishu", { code: 0, msg: "success", data: {} })).toBeNull();
    expect(platformError("feishu", { StatusCode: 0, StatusMessage: "success" })).toBeNull();
    expect(platformError("feishu", { code: 19021, msg: "sign match fail" })).toBe(
      "code 19021: sign match fail",
    );
    expect(platformError("wecom", null)).toBe("unreadable answer");
    expect(platformError("wecom", {})).toBe("errcode undefined: ");
  });
});

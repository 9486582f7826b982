// Group bots: a notification posted to a WeCom (企业微信), DingTalk (钉钉) or Feishu (飞书) group through
// the group's own webhook, as each platform documents its markdown message and its signing:
// - WeCom group robot: {"msgtype":"markdown","markdown":{"content"}}, content at most 4096 bytes; the
//   URL's key is the only credential.
// - DingTalk custom robot: {"msgtype":"markdown","markdown":{"title","text"}}; with 加签, the URL gets
//   &timestamp=<ms>&sign=<urlencoded base64 HmacSHA256(key secret, "timestamp\nsecret")>.
// - Feishu custom bot: an interactive card (header, markdown element, a button to the item); with
//   签名校验 the body carries "timestamp" (seconds) and "sign" = base64 HmacSHA256(key "timestamp\nsecret",
//   empty message).
// Each answers 200 with an error code of its own (WeCom/DingTalk errcode, Feishu code): anything but 0
// is a failure, thrown with the platform's message so that the delivery log and the test button show it.
import "server-only";
import { createHmac } from "node:crypto";
import { createTranslator } from "use-intl/core";
import zh from "@/messages/zh-CN.json";
import type { DeliveryBatch, Sender, Senders } from "./deliveries";
import { describeNotification, type NotificationText } from "./describe";
import { appBaseUrl } from "./links";

/** Bots post in Chinese: the groups are the agencies' and the office's. */
const LOCALE = "zh-CN";
/** A platform that has not answered by then is taken as failed (the delivery is retried). */
export const BOT_TIMEOUT_MS = 10_000;
/** WeCom's documented limit of a markdown message's content, in UTF-8 bytes. */
export const WECOM_MAX_BYTES = 4096;
/** DingTalk and Feishu take larger messages (20 KB bodies); a post this long is unreadable anyway. */
const MAX_TEXT_BYTES = 4000;

export type BotWebhook = { platform: string; url: string; secret: string | null };

/** What a post says: the notification's title, its item, its lines, and the absolute link to the item. */
export type BotMessage = { title: string; item: string | null; lines: string[]; url: string };

/** A notification's text as a post, its in-app path made absolute. */
export function botMessage(text: NotificationText, base: string = appBaseUrl()): BotMessage {
  return { title: text.title, item: text.item, lines: text.lines, url: `${base}${text.path}` };
}

const t = createTranslator({ locale: LOCALE, messages: zh, namespace: "webhooks.bot" });

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * The message's markdown, lines dropped from the end (with a note) until it fits in `maxBytes`: the
 * title, item and link always go. `lineBreak` is the platform's: DingTalk needs a blank line.
 */
function markdownBody(message: BotMessage, maxBytes: number, lineBreak: string, withTitle: boolean): string {
  const head = [withTitle ? `**${message.title}**` : null, message.item].filter((l): l is string => !!l);
  const link = `[${t("open")}](${message.url})`;
  // The link after a blank line: else markdown takes it into the quote above it (a lazy continuation).
  const join = (lines: string[]) => `${[...head, ...lines].join(lineBreak)}\n\n${link}`;
  let lines = message.lines.map((line) => `> ${line}`);
  if (bytes(join(lines)) <= maxBytes) return join(lines);
  const more = (count: number) => `> ${t("more", { count })}`;
  while (lines.length > 0 && bytes(join([...lines, more(message.lines.length - lines.length)])) > maxBytes)
    lines = lines.slice(0, -1);
  return join([...lines, more(message.lines.length - lines.length)]);
}

export function wecomPayload(message: BotMessage) {
  return { msgtype: "markdown", markdown: { content: markdownBody(message, WECOM_MAX_BYTES, "\n", true) } };
}

export function dingtalkPayload(message: BotMessage) {
  // The title is what the conversation list shows; the text repeats it as its heading.
  return {
    msgtype: "markdown",
    markdown: {
      title: message.title,
      text: `#### ${message.title}\n\n${markdownBody(message, MAX_TEXT_BYTES, "\n\n", false)}`,
    },
  };
}

export function feishuPayload(message: BotMessage) {
  return {
    msg_type: "interactive",
    card: {
      config: { wide_screen_mode: true },
      header: { title: { tag: "plain_text", content: message.title }, template: "blue" },
      elements: [
        {
          tag: "markdown",
          content: [message.item ? `**${message.item}**` : null, ...message.lines]
            .filter((line): line is string => !!line)
            .join("\n"),
        },
        {
          tag: "action",
          actions: [
            {
              tag: "button",
              text: { tag: "plain_text", content: t("open") },
              type: "primary",
              url: message.url,
            },
          ],
        },
      ],
    },
  };
}

/** DingTalk's 加签: base64 HmacSHA256 keyed with the secret over "timestamp\nsecret" (ms). */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
}

/** The DingTalk URL with its signature; URLSearchParams URL-encodes the base64 (+, /, =). */
export function dingtalkSignedUrl(url: string, secret: string, now: Date = new Date()): string {
  const signed = new URL(url);
  const timestamp = now.getTime();
  signed.searchParams.set("timestamp", String(timestamp));
  signed.searchParams.set("sign", dingtalkSign(secret, timestamp));
  return signed.toString();
}

/** Feishu's 签名校验: base64 HmacSHA256 keyed with "timestamp\nsecret" (seconds) over nothing. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/** What a platform answered to a post that went through: its body, as it sent it. */
export type BotAnswer = { status: number; body: string };

/** Error thrown when a post did not go; `answer` is the platform's, when it answered. */
export class BotPostError extends Error {
  constructor(
    message: string,
    readonly answer: BotAnswer | null,
  ) {
    super(message);
    this.name = "BotPostError";
  }
}

/** The request a post makes: where, and what body. */
export function botRequest(
  webhook: BotWebhook,
  message: BotMessage,
  now: Date = new Date(),
): { url: string; body: unknown } {
  switch (webhook.platform) {
    case "wecom":
      return { url: webhook.url, body: wecomPayload(message) };
    case "dingtalk":
      return {
        url: webhook.secret ? dingtalkSignedUrl(webhook.url, webhook.secret, now) : webhook.url,
        body: dingtalkPayload(message),
      };
    case "feishu": {
      const timestamp = Math.floor(now.getTime() / 1000);
      const signature = webhook.secret
        ? { timestamp: String(timestamp), sign: feishuSign(webhook.secret, timestamp) }
        : {};
      return { url: webhook.url, body: { ...signature, ...feishuPayload(message) } };
    }
    default:
      throw new BotPostError(`Unknown bot platform: ${webhook.platform}`, null);
  }
}

/** The platform's own error in a 200 answer, if any: WeCom/DingTalk errcode, Feishu code. */
export function platformError(platform: string, answer: unknown): string | null {
  if (typeof answer !== "object" || answer === null) return "unreadable answer";
  const body = answer as Record<string, unknown>;
  if (platform === "feishu") {
    // Older answers carry StatusCode/StatusMessage only; both are 0 and "success" when it went.
    const code = body.code ?? body.StatusCode;
    if (code === 0) return null;
    return `code ${String(code)}: ${String(body.msg ?? body.StatusMessage ?? "")}`;
  }
  if (body.errcode === 0) return null;
  return `errcode ${String(body.errcode)}: ${String(body.errmsg ?? "")}`;
}

/**
 * Posts one message; resolves with the platform's answer, throws a BotPostError (with the answer, when
 * there was one) on a network failure, a timeout, a non-2xx status or the platform's error code. The
 * error never holds the URL, whose query is the bot's credential.
 */
export async function postBotMessage(
  webhook: BotWebhook,
  message: BotMessage,
  { now = new Date(), timeoutMs = BOT_TIMEOUT_MS }: { now?: Date; timeoutMs?: number } = {},
): Promise<BotAnswer> {
  const request = botRequest(webhook, message, now);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    throw new BotPostError(`${webhook.platform}: ${networkReason(error, timeoutMs)}`, null);
  }
  const answer = { status: response.status, body: (await response.text().catch(() => "")).slice(0, 2000) };
  if (!response.ok)
    throw new BotPostError(
      `${webhook.platform}: HTTP ${response.status} ${answer.body.slice(0, 300)}`,
      answer,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    parsed = null;
  }
  const refused = platformError(webhook.platform, parsed);
  if (refused) throw new BotPostError(`${webhook.platform}: ${refused}`, answer);
  return answer;
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `could not connect (${reason})`;
}

/** Sends a delivery batch of a bot: each of its notifications as one post. */
export const sendBotBatch: Sender = async (batch: DeliveryBatch) => {
  if (!batch.webhook) throw new Error(`Delivery ${batch.deliveryIds.join(", ")} has no webhook`);
  for (const notification of batch.notifications)
    await postBotMessage(batch.webhook, botMessage(describeNotification(notification, LOCALE)));
};

/** The senders of the bot channels, for sendDueDeliveries. */
export const BOT_SENDERS: Senders = { wecom: sendBotBatch, dingtalk: sendBotBatch, feishu: sendBotBatch };

/** The message an admin's "send a test message" posts. */
export function testMessage(name: string, now: Date = new Date()): BotMessage {
  const at = new Intl.DateTimeFormat(LOCALE, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  }).format(now);
  return botMessage({
    title: t("testTitle"),
    item: null,
    lines: [t("testLine", { name }), t("testAt", { at })],
    path: `/${LOCALE}/dashboard`,
  });
}

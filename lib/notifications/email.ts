// The e-mail channel: a person's notifications (one, or their daily digest) as one e-mail, in
// Chinese, text and HTML, sent over SMTP_URL from MAIL_FROM (./mail-settings.ts).
//
// Why one pooled transport: a day's reminders at national scale are thousands of e-mails, and
// opening an SMTP connection (and a TLS handshake) for each would spend most of the time there. The
// pool keeps a few connections open and reuses them; it is made again only when the settings change.
import "server-only";
import { createHash } from "node:crypto";
import { createTransport } from "nodemailer";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { DeliveryBatch, Sender } from "./deliveries";
import { LEASE_MS } from "./deliveries";
import { describeNotification, type NotificationText } from "./describe";
import { absoluteUrl, type LinkEnv, preferencesPath } from "./links";
import { type MailSettings, mailSettings } from "./mail-settings";

const MESSAGES = { "zh-CN": zh, en } as const;

/** Who reads the e-mails: officials and staff of Chinese agencies (the people have no language of their own yet). */
export const EMAIL_LOCALE: Locale = "zh-CN";

export type RenderedEmail = { subject: string; text: string; html: string };

type Item = NotificationText & { url: string };

/** A batch's e-mail: one notification, or a digest listing them all, each with its absolute link. */
export function renderEmail(
  batch: Pick<DeliveryBatch, "notifications" | "digest"> & { user: { name: string } | null },
  locale: Locale = EMAIL_LOCALE,
  env: LinkEnv = process.env,
): RenderedEmail {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "deliveries.email" });
  const app = createTranslator({ locale, messages: MESSAGES[locale], namespace: "app" })("name");
  const items: Item[] = batch.notifications.map((notification) => {
    const text = describeNotification(notification, locale);
    return { ...text, url: absoluteUrl(text.path, env) };
  });
  const digest = batch.digest || items.length > 1;
  const first = items[0];
  if (!first) throw new Error("An e-mail needs at least one notification");
  const subject = digest
    ? t("digestSubject", { app, count: items.length })
    : first.item
      ? t("subjectWithItem", { app, item: first.item, title: first.title })
      : t("subject", { app, title: first.title });
  const preferencesUrl = absoluteUrl(preferencesPath(locale), env);
  const greeting = batch.user ? t("greeting", { name: batch.user.name }) : null;
  const intro = digest ? t("digestIntro", { count: items.length }) : null;

  const textItem = (item: Item, prefix: string) =>
    [
      `${prefix}${item.title}`,
      ...(item.item ? [item.item] : []),
      ...item.lines,
      `${t("open")}：${item.url}`,
    ].join(`\n${" ".repeat(prefix.length)}`);
  const text = [
    ...(greeting ? [greeting, ""] : []),
    ...(intro ? [intro, ""] : []),
    items.map((item, index) => textItem(item, digest ? `${index + 1}. ` : "")).join("\n\n"),
    "",
    "-- ",
    t("automatic", { app }),
    t("preferences"),
    preferencesUrl,
    "",
  ].join("\n");

  const htmlItem = (item: Item) =>
    `<div style="background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:16px;margin:0 0 12px">` +
    `<p style="margin:0 0 4px;font-weight:600;font-size:17px">${escapeHtml(item.title)}</p>` +
    (item.item ? `<p style="margin:0 0 8px;color:#334155">${escapeHtml(item.item)}</p>` : "") +
    item.lines.map((line) => `<p style="margin:0;color:#334155">${escapeHtml(line)}</p>`).join("") +
    `<p style="margin:12px 0 0"><a href="${escapeHtml(item.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:8px 16px;border-radius:6px">${escapeHtml(t("open"))}</a></p>` +
    `<p style="margin:8px 0 0;font-size:13px;color:#64748b;word-break:break-all">${escapeHtml(item.url)}</p>` +
    `</div>`;
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f1f5f9">`,
    `<div style="max-width:600px;margin:0 auto;padding:16px;font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans SC',sans-serif;font-size:16px;line-height:1.6;color:#0f172a">`,
    greeting ? `<p style="margin:0 0 12px">${escapeHtml(greeting)}</p>` : "",
    intro ? `<p style="margin:0 0 12px">${escapeHtml(intro)}</p>` : "",
    items.map(htmlItem).join(""),
    `<p style="margin:16px 0 0;font-size:13px;color:#475569">${escapeHtml(t("automatic", { app }))}<br>`,
    `${escapeHtml(t("preferences"))} <a href="${escapeHtml(preferencesUrl)}" style="color:#1d4ed8">${escapeHtml(t("preferencesLink"))}</a></p>`,
    `</div></body></html>`,
  ].join("");
  return { subject, text, html };
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text as HTML text or attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * The same Message-ID for the same deliveries, however often they are tried: a receiving server or
 * mail client that got a message which the sender then saw fail can tell the retry is no new mail.
 */
export function messageIdOf(deliveryIds: readonly string[], from: string): string {
  const hash = createHash("sha256")
    .update([...deliveryIds].sort().join(","))
    .digest("hex")
    .slice(0, 32);
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  return `<${hash}@${domain}>`;
}

// A send that outlives its lease may be claimed and sent again by another process: every wait stays
// well inside LEASE_MS (nodemailer's own defaults allow a silent socket 10 minutes).
const SEND_TIMEOUT_MS = LEASE_MS / 2;

type Pool = { url: string; transport: ReturnType<typeof createPooledTransport> };
let pool: Pool | null = null;

function createPooledTransport(url: string) {
  // Options the URL's own query sets (?maxConnections=2, ?maxMessages=20 for a server that limits
  // messages per connection) win over these.
  return createTransport({
    url,
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: SEND_TIMEOUT_MS,
  });
}

function transportFor(settings: MailSettings) {
  if (pool?.url === settings.url) return pool.transport;
  pool?.transport.close();
  pool = { url: settings.url, transport: createPooledTransport(settings.url) };
  return pool.transport;
}

/** Closes the pooled SMTP connections (tests, and a process that is shutting down). */
export function closeEmailTransport(): void {
  pool?.transport.close();
  pool = null;
}

/** Sends a batch of the "email" channel; throws (and so is retried) when the server does not take it. */
export const sendEmail: Sender = async (batch) => {
  const settings = mailSettings();
  if (!settings) throw new Error("E-mail is off: SMTP_URL is not set");
  if (!batch.user?.email) throw new Error("The recipient has no e-mail address");
  const { subject, text, html } = renderEmail(batch);
  const preferencesUrl = absoluteUrl(preferencesPath(EMAIL_LOCALE));
  await transportFor(settings).sendMail({
    from: settings.from,
    to: { name: batch.user.name, address: batch.user.email },
    subject,
    text,
    html,
    messageId: messageIdOf(batch.deliveryIds, settings.from),
    // RFC 2369: where to stop these e-mails — the person's notification settings (after signing in).
    // Not RFC 8058's one-click List-Unsubscribe-Post: that needs an endpoint which unsubscribes on a
    // bare POST, and a DKIM signature over the header, neither of which the app has.
    list: { unsubscribe: preferencesUrl, help: preferencesUrl },
    headers: {
      // RFC 3834: made by a program, so auto-responders (out-of-office replies) stay silent; the
      // second is Exchange's own form of the same request.
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "All",
    },
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
};

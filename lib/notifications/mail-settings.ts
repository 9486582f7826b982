// E-mail is on when SMTP_URL is set (e.g. smtps://user:pass@smtp.example.gov.cn:465), from MAIL_FROM;
// without it, notifications stay in the app and the admin pages say so.
export type MailSettings = { url: string; from: string };

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: env.MAIL_FROM?.trim() || "建议落实追踪 <no-reply@localhost>" };
}

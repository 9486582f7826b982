/** The app's absolute address, for the links of messages read outside it (e-mails, bot posts). */
export function appBaseUrl(): string {
  const base = process.env.BETTER_AUTH_URL || `http://localhost:${process.env.PORT ?? 3000}`;
  return base.replace(/\/+$/, "");
}

// Where a message outside the app links to: e-mails and bot posts are read away from the app, so their
// links are absolute. One base for every channel: the public address the app is configured with.

/** What the base address is read from (process.env by default). */
export type LinkEnv = Readonly<Record<string, string | undefined>>;

/**
 * The app's public base address, without a trailing slash: BETTER_AUTH_URL (the address people sign in
 * at, so a link lands where their session cookie is), else this machine on PORT.
 */
export function appBaseUrl(env: LinkEnv = process.env): string {
  const configured = env.BETTER_AUTH_URL?.trim().replace(/\/+$/, "");
  if (configured) return configured;
  return `http://localhost:${env.PORT?.trim() || 3000}`;
}

/** An app path ("/zh-CN/proposals/…") as an absolute address. */
export function absoluteUrl(path: string, env: LinkEnv = process.env): string {
  return `${appBaseUrl(env)}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The page where a person chooses what they are told and how (also each e-mail's unsubscribe link). */
export function preferencesPath(locale: string): string {
  return `/${locale}/notifications/preferences`;
}

// Links that leave the app (e-mails, bot posts, calendar entries) need its absolute address.

/** The app's address without a trailing slash: BETTER_AUTH_URL, else localhost on PORT. */
export function appBaseUrl(): string {
  const configured = process.env.BETTER_AUTH_URL;
  return (configured || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

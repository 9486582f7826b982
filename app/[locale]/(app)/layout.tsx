import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";

// Everything in this group is for signed-in users. The proxy already sends visitors without a
// session cookie to sign in; this checks that the session is real and the account active.
export default async function SignedInLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  await requireUser(locale, `/${locale}`);
  return children;
}

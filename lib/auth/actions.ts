"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { unlessBusy } from "@/lib/db/busy";
import { clientAddress } from "@/lib/http/forwarded";
import { safeNextPath } from "./safe-redirect";
import { getAuth } from "./server";
import { getCurrentUser } from "./session";
import { claimSignInAttempt, markSignInSucceeded } from "./throttle";

export type SignInState = { error?: string; email?: string };

const signInSchema = z.object({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(1).max(128),
});

/**
 * The sign-in form's action. A database too busy to record the attempt or the session asks to try
 * again, keeping the e-mail as a wrong password does.
 */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  return unlessBusy(
    () => signInWith(form),
    async () => ({
      error: (await getTranslations("databaseBusy"))("retry"),
      email: String(form.get("email") ?? "").trim(),
    }),
  );
}

async function signInWith(form: FormData): Promise<SignInState> {
  const t = await getTranslations("signIn");
  const locale = await getLocale();
  const email = String(form.get("email") ?? "").trim();
  const parsed = signInSchema.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { error: t("invalid"), email };

  const requestHeaders = await headers();
  const ipAddress = clientAddress(requestHeaders);
  const claim = await claimSignInAttempt(db, { email: parsed.data.email, ipAddress });
  if ("retryAt" in claim) {
    const seconds = Math.max(1, Math.ceil((claim.retryAt.getTime() - Date.now()) / 1000));
    const error =
      seconds < 60
        ? t("throttledSeconds", { seconds })
        : t("throttled", { minutes: Math.ceil(seconds / 60) });
    return { error, email };
  }

  let userId: string;
  try {
    // The session records the address as the throttle saw it, not the header's first entry.
    const authHeaders = new Headers(requestHeaders);
    authHeaders.delete("x-forwarded-for");
    if (ipAddress) authHeaders.set("x-forwarded-for", ipAddress);
    const result = await getAuth().api.signInEmail({ body: parsed.data, headers: authHeaders });
    userId = result.user.id;
  } catch (error) {
    // The attempt stays recorded as failed.
    if (!(error instanceof APIError)) throw error;
    return { error: error.body?.code === "BANNED_USER" ? t("deactivated") : t("wrongCredentials"), email };
  }
  await markSignInSucceeded(db, claim.attemptId);
  await recordAudit(db, { actorId: userId, action: "session.signIn", entityType: "User", entityId: userId });
  redirect(safeNextPath(form.get("next"), `/${locale}`));
}

export async function signOut() {
  const locale = await getLocale();
  const user = await getCurrentUser();
  await getAuth().api.signOut({ headers: await headers() });
  if (user)
    await recordAudit(db, {
      actorId: user.id,
      action: "session.signOut",
      entityType: "User",
      entityId: user.id,
    });
  redirect(`/${locale}/sign-in`);
}

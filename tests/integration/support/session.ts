// Signing in for a test: the session cookie of a user, made through the authentication library on the
// test's own database, with the secret the tests (and a test's app server) share.
import { createAuth } from "@/lib/auth/config";
import { db } from "@/lib/db";
import { SAMPLE_PASSWORD } from "../../../prisma/sample-data";

export const TEST_AUTH_SECRET = "integration-test-secret-0123456789abcdef";

/** The `name=value` of the session cookie of the user with this e-mail and password. */
export async function sessionCookie(email: string, password = SAMPLE_PASSWORD): Promise<string> {
  process.env.BETTER_AUTH_SECRET ??= TEST_AUTH_SECRET;
  const { headers } = await createAuth(db).api.signInEmail({
    body: { email, password },
    headers: new Headers(),
    returnHeaders: true,
  });
  const cookie = headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`Sign-in of ${email} failed`);
  return cookie;
}

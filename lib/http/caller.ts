import "server-only";
import { verifyApiToken } from "@/lib/api-tokens/token";
import { userOfSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { UserRole } from "@/lib/db/enums";
import { jsonError } from "@/lib/http/errors";
import { preferredLocale } from "@/lib/http/locale";
import { deputyTranslator, routeTranslator } from "./translator";

/** Who is calling a route handler that a token may read (the API, exports). Nobody may write through a token. */
export type Caller =
  | { kind: "session"; userId: string; name: string; role: UserRole }
  | { kind: "token"; tokenId: string; tokenName: string; createdById: string };

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;

/**
 * The caller of an API request: an `Authorization: Bearer <token>` made by an admin (not revoked, not
 * expired), or else the app's own session cookie. Anything else is answered with a 401, which the
 * caller returns as is:
 *
 *     const caller = await authenticateRequest(request);
 *     if (caller instanceof Response) return caller;
 *
 * A request that sends an Authorization header is judged by it alone, never by a cookie beside it.
 */
export async function authenticateRequest(request: Request): Promise<Caller | Response> {
  const locale = preferredLocale(request.headers.get("accept-language"));
  const t = routeTranslator(locale);
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const secret = BEARER.exec(authorization)?.[1];
    const token = secret ? await verifyApiToken(db, secret) : null;
    if (token) {
      return { kind: "token", tokenId: token.tokenId, tokenName: token.name, createdById: token.createdById };
    }
    return jsonError(401, "unauthorized", t("error.invalidToken"), {
      locale,
      headers: { "WWW-Authenticate": 'Bearer realm="api", error="invalid_token"' },
    });
  }
  const user = await userOfSession(request.headers);
  // The API and the exports are not for deputies, who read their own proposals in the app only
  // (lib/auth/deputy-scope.ts): refused as a staff member's admin call is.
  if (user?.role === "deputy")
    return jsonError(403, "forbidden", deputyTranslator(locale)("apiRefused"), { locale });
  if (user) return { kind: "session", userId: user.id, name: user.name, role: user.role };
  return jsonError(401, "unauthorized", t("error.unauthorized"), {
    locale,
    headers: { "WWW-Authenticate": 'Bearer realm="api"' },
  });
}

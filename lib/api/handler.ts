import "server-only";
import { z } from "zod";
import { authenticateRequest, type Caller } from "@/lib/http/caller";
import { jsonAnswer, jsonError } from "@/lib/http/errors";
import { preferredLocale } from "@/lib/http/locale";
import { invalidParameters } from "@/lib/http/parameters";
import { queryValues } from "@/lib/http/query";
import { type RouteTranslator, routeTranslator } from "@/lib/http/translator";
import type { Locale } from "@/lib/i18n/routing";
import type { ApiRoute } from "./openapi";

export type ApiHandlerContext<Q, P> = {
  request: Request;
  /** Who is calling; null only on a public route. */
  caller: Caller | null;
  query: Q;
  params: P;
  locale: Locale;
  /** Messages of the "api" namespace in the caller's language. */
  t: RouteTranslator;
  /** A 404 answer; `messageKey` is a key of "api.error" (default "notFound"). */
  notFound: (messageKey?: string, values?: Record<string, string | number>) => Response;
};

/**
 * A GET route handler for a declared route: authenticates (unless the route is public), parses the
 * path and query parameters with the route's schemas (a 400 saying what is wrong otherwise), and
 * answers what `handler` returns as JSON, never cached. Outside production the answer is checked
 * against the route's documented response schema, so that the document stays true.
 *
 *     export const GET = apiGet(recommendationListRoute, ({ query }) => listRecommendationsForApi(query));
 */
export function apiGet<Q extends z.ZodObject, P extends z.ZodObject, R extends z.ZodType>(
  route: ApiRoute<Q, P, R>,
  handler: (context: ApiHandlerContext<z.output<Q>, z.output<P>>) => Promise<z.input<R> | Response>,
) {
  // Unknown query parameters are refused: a misspelt filter must not silently return everything.
  const querySchema = (route.query ?? z.object({})).strict();
  const pathSchema = route.pathParams ?? z.object({});

  return async (
    request: Request,
    context: { params: Promise<Record<string, string | string[] | undefined>> },
  ): Promise<Response> => {
    const locale = preferredLocale(request.headers.get("accept-language"));
    const t = routeTranslator(locale);
    try {
      let caller: Caller | null = null;
      if (!route.public) {
        const authenticated = await authenticateRequest(request);
        if (authenticated instanceof Response) return authenticated;
        caller = authenticated;
      }
      const params = pathSchema.safeParse((await context.params) ?? {});
      if (!params.success) return invalidParameters(params.error, t, locale);
      const query = querySchema.safeParse(queryValues(new URL(request.url)));
      if (!query.success) return invalidParameters(query.error, t, locale);

      const result = await handler({
        request,
        caller,
        query: query.data as z.output<Q>,
        params: params.data as z.output<P>,
        locale,
        t,
        notFound: (messageKey = "notFound", values) =>
          jsonError(404, "not_found", t(`error.${messageKey}`, values), { locale }),
      });
      if (result instanceof Response) return result;
      if (process.env.NODE_ENV !== "production") {
        const checked = route.response.safeParse(result);
        if (!checked.success) {
          throw new Error(
            `${route.operationId} answered what its documented schema does not allow:\n${z.prettifyError(checked.error)}`,
          );
        }
      }
      return jsonAnswer(result, { locale });
    } catch (error) {
      console.error(`${request.method} ${new URL(request.url).pathname}`, error);
      return jsonError(500, "internal_error", t("error.internal"), { locale });
    }
  };
}

// The OpenAPI 3.1 document of the API, generated from the same zod schemas that parse the requests
// and describe the answers, so that the document cannot drift from the code. Each endpoint is one
// defineApiRoute(...) (its path, parameters, answer and description), listed in ./routes.ts.
import { z } from "zod";
import { apiComponents } from "./components";
import { apiErrorSchema } from "./responses";

/** What the OpenAPI document says of one GET endpoint; apiGet (./handler.ts) serves it. */
export type ApiRoute<
  Q extends z.ZodObject = z.ZodObject,
  P extends z.ZodObject = z.ZodObject,
  R extends z.ZodType = z.ZodType,
> = {
  /** The path as OpenAPI writes it, path parameters in braces: "/api/v1/recommendations/{id}". */
  path: `/api/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Path parameters, one key per {placeholder} of `path`. */
  pathParams?: P;
  /**
   * Query parameters: each key is one parameter, documented from its schema (type, enum, bounds,
   * default, `.describe()`); optional unless its schema refuses `undefined`. Values arrive as strings
   * (a repeated parameter's values joined by commas; see queryValues), so numbers use z.coerce and lists
   * use commaList. Parameters not listed here are refused with a 400.
   */
  query?: Q;
  /** The 200 answer; name it with namedSchema() so that the document refers to it. */
  response: R;
  responseDescription: string;
  /** When the endpoint answers 404, e.g. "No recommendation has this id." */
  notFound?: string;
  /** Needs no sign-in (the document itself). */
  public?: boolean;
};

/** Declares an endpoint; typed so that apiGet's handler gets the parsed parameters and must return the answer. */
export function defineApiRoute<Q extends z.ZodObject, P extends z.ZodObject, R extends z.ZodType>(
  route: ApiRoute<Q, P, R>,
): ApiRoute<Q, P, R> {
  return route;
}

const COMPONENT = (id: string) => `#/components/schemas/${id}`;
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

// Leaves out what says nothing to a reader: the regular expressions behind date formats, and the
// safe-integer bounds zod gives every integer.
function simplify({ jsonSchema }: { jsonSchema: z.core.JSONSchema.BaseSchema }) {
  if (jsonSchema.format === "date" || jsonSchema.format === "date-time") delete jsonSchema.pattern;
  if (jsonSchema.maximum === SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.minimum === -SAFE_INTEGER) delete jsonSchema.minimum;
}

function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _schema, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: simplify,
  }) as Record<string, unknown>;
  return json;
}

function parameters(schema: z.ZodObject | undefined, location: "query" | "path") {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...json } = jsonSchemaOf(field as z.ZodType, "input");
    return {
      name,
      in: location,
      required: location === "path" || !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: json,
      // Lists are written "a,b" (commaList).
      ...(json.type === "array" ? { style: "form", explode: false } : {}),
    };
  });
}

function jsonContent(schema: z.ZodType) {
  const named = apiComponents.get(schema);
  return {
    "application/json": { schema: named ? { $ref: COMPONENT(named.id) } : jsonSchemaOf(schema, "output") },
  };
}

function operation(route: ApiRoute) {
  const placeholders = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  const declared = Object.keys(route.pathParams?.shape ?? {});
  if (placeholders.join() !== declared.join()) {
    throw new Error(`${route.path}: its {placeholders} and pathParams (${declared.join(", ")}) differ`);
  }
  const error = (description: string) => ({ description, content: jsonContent(apiErrorSchema) });
  const responses: Record<string, unknown> = {
    200: { description: route.responseDescription, content: jsonContent(route.response) },
    400: error("A parameter is invalid or unknown (error.code invalid_parameter, error.issues says which)."),
  };
  if (!route.public) responses[401] = error("No valid API token and no signed-in session (unauthorized).");
  if (route.notFound) responses[404] = error(route.notFound);
  const declaredParameters = [...parameters(route.pathParams, "path"), ...parameters(route.query, "query")];
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.tags ? { tags: route.tags } : {}),
    ...(route.public ? { security: [] } : {}),
    ...(declaredParameters.length ? { parameters: declaredParameters } : {}),
    responses,
  };
}

const DESCRIPTION = `Read-only access to the proposals' recommendations, actions, evidence and history.

Authentication: \`Authorization: Bearer <token>\` with an API token that an administrator made
(Administration → API tokens), or the session cookie of a signed-in user. A token only reads.

Answers are JSON and never cached (\`Cache-Control: no-store\`). Instants are ISO 8601 in UTC; calendar
dates (due, effective, reply dates…) are \`YYYY-MM-DD\` in Asia/Shanghai. Texts are given in Chinese
(\`…Zh\`) and, where there is one, English (\`…En\`). Error messages follow \`Accept-Language\`
(zh-CN by default, or en).`;

/** The whole document for these routes. */
export function buildOpenApiDocument(routes: readonly ApiRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], get: operation(route) };
  }
  const { schemas } = z.toJSONSchema(apiComponents, { uri: COMPONENT, override: simplify });
  return {
    openapi: "3.1.0",
    info: { title: "建议落实追踪 · Proposal Tracker API", version: "1", description: DESCRIPTION },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token (pt_…) made by an administrator; read-only.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "tracker.session_token",
          description:
            "The app's session after signing in (named __Secure-tracker.session_token when served over HTTPS).",
        },
      },
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema]),
      ),
    },
  };
}

// Every endpoint of the API, in the order the OpenAPI document lists them. A new endpoint: declare it
// with defineApiRoute (./openapi.ts) beside its schemas, serve it with apiGet (./handler.ts) from its
// app/api/v1/…/route.ts, and add it here.
import { z } from "zod";
import { notificationListRoute } from "./notifications";
import { buildOpenApiDocument, defineApiRoute } from "./openapi";
import { recommendationDetailRoute } from "./recommendation-detail";
import { recommendationListRoute, summaryRoute } from "./tracking";

export const openApiDocumentRoute = defineApiRoute({
  path: "/api/v1/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This document",
  tags: ["documentation"],
  public: true,
  response: z.record(z.string(), z.unknown()),
  responseDescription: "The OpenAPI 3.1 document of the API.",
});

export const API_ROUTES = [
  openApiDocumentRoute,
  recommendationListRoute,
  recommendationDetailRoute,
  summaryRoute,
  notificationListRoute,
] as const;

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document of API_ROUTES, built once per process. */
export function openApiDocument() {
  document ??= buildOpenApiDocument(API_ROUTES);
  return document;
}

// The API's errors as its document describes them (the shape is every route handler's: lib/http/errors.ts).
import { z } from "zod";
import type { ErrorCode } from "@/lib/http/errors";
import { namedSchema } from "./components";

/** The codes the API answers with. */
export const API_ERROR_CODES = [
  "unauthorized",
  "invalid_parameter",
  "not_found",
  "too_many_requests",
  "internal_error",
  "service_unavailable",
] as const satisfies readonly ErrorCode[];

export const apiErrorSchema = namedSchema(
  "Error",
  z
    .object({
      error: z.object({
        code: z.enum(API_ERROR_CODES),
        message: z
          .string()
          .describe("For people, in the language of Accept-Language (zh-CN by default, en)."),
        issues: z
          .array(z.object({ parameter: z.string(), message: z.string() }))
          .optional()
          .describe("With invalid_parameter: what is wrong with each parameter."),
      }),
    })
    .describe("Every error answer."),
);

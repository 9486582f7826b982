import { z } from "zod";

/** The API's named schemas: each becomes `#/components/schemas/<id>` of the OpenAPI document. */
export const apiComponents = z.registry<{ id: string }>();

/**
 * Names a schema for the OpenAPI document (a response, or a part reused by several): where it is
 * used, the document refers to it instead of repeating it. Returns the schema itself.
 */
export function namedSchema<T extends z.ZodType>(id: string, schema: T): T {
  apiComponents.add(schema, { id });
  return schema;
}

// The dry run's view in the URL: /import/<id>?page=2&show=problems. Anything else reads as the first
// page of every row, never an error.
import { z } from "zod";

export const planViewParams = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  show: z.enum(["all", "problems"]).catch("all"),
});

export type PlanViewParams = z.infer<typeof planViewParams>;

/** The query string of a view, without the defaults. */
export function planViewQuery(view: PlanViewParams): string {
  const query = new URLSearchParams();
  if (view.show !== "all") query.set("show", view.show);
  if (view.page > 1) query.set("page", String(view.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

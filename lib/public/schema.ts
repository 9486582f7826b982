import { z } from "zod";
import { checkbox } from "@/lib/validation/fields";

/** Publishing (true) or unpublishing (false) a proposal's public progress page. */
export const publicationInput = z.object({
  proposalId: z.string().min(1, { error: "invalid" }),
  publish: z.enum(["true", "false"], { error: "invalid" }),
  /** Ticked when publishing: the page shows whether the deputy was satisfied (their own rating only). */
  showSatisfaction: checkbox.optional().default(false),
});

import { z } from "zod";

/** Publishing (true) or unpublishing (false) a proposal's public progress page. */
export const publicationInput = z.object({
  proposalId: z.string().min(1, { error: "invalid" }),
  publish: z.enum(["true", "false"], { error: "invalid" }),
});

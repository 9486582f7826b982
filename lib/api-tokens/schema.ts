import { z } from "zod";
import { optionalDate, requiredText } from "@/lib/validation/fields";

export const apiTokenCreateInput = z.object({
  name: requiredText(100),
  /** The last day ("YYYY-MM-DD", Shanghai) on which the token works; none: until revoked. */
  validThrough: optionalDate,
});

export const apiTokenRevokeInput = z.object({ tokenId: z.string().min(1, { error: "invalid" }) });

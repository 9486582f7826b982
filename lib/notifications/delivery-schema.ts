import { z } from "zod";

/** An admin's "send again" of a failed delivery. */
export const deliveryRetryInput = z.object({ deliveryId: z.string().min(1, { error: "invalid" }).max(100) });

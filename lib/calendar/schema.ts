import { z } from "zod";

// Both forms act on the signed-in user's own feed, so they send nothing: the user is the session's.
export const calendarFeedCreateInput = z.object({});
export const calendarFeedRevokeInput = z.object({});

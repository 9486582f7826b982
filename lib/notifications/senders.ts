// Every channel's sender, as the background worker and the reminders command hand them to
// sendDueDeliveries: the group bots always, e-mail when SMTP_URL is set.
import "server-only";
import { BOT_SENDERS } from "./bots";
import type { Senders } from "./deliveries";

export function channelSenders(): Senders {
  return { ...BOT_SENDERS };
}

// Every channel's sender, as the background worker and the reminders command hand them to
// sendDueDeliveries: the group bots always, e-mail when SMTP_URL is set (else nothing queues e-mail).
import "server-only";
import { BOT_SENDERS } from "./bots";
import type { Senders } from "./deliveries";
import { sendEmail } from "./email";

export function channelSenders(): Senders {
  return { ...BOT_SENDERS, email: sendEmail };
}

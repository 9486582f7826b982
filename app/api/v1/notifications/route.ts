import { apiGet } from "@/lib/api/handler";
import { notificationList, notificationListRoute } from "@/lib/api/notifications";
import { listInbox } from "@/lib/notifications/inbox";

export const dynamic = "force-dynamic";

export const GET = apiGet(notificationListRoute, async ({ query, caller, locale }) => {
  // The route is not public: a caller is there. A token reads the inbox of the admin who made it.
  const userId = caller?.kind === "session" ? caller.userId : (caller?.createdById ?? "");
  const inbox = await listInbox(userId, {
    page: query.page,
    perPage: query.perPage,
    unreadOnly: query.unread === "true",
  });
  return notificationList(inbox, query, locale);
});

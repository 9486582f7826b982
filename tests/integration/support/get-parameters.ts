// The query parameters each page and route handler of app/ reads, taken from the parsers themselves,
// so that a parameter added to a parser is swept too. A route of app/ missing here fails the
// naughty-strings sweep (naughty-get.test.ts) until it is added, with [] if it reads none.

import { notificationListQuery } from "@/lib/api/notifications";
import { recommendationListQuery, summaryQuery } from "@/lib/api/tracking";
import { dashboardShape } from "@/lib/dashboard/params";
import { exportQuery } from "@/lib/export/params";
import { deliveryLogFilters } from "@/lib/notifications/delivery-log";
import { reportShape } from "@/lib/reports/schema";
import { trackingShape } from "@/lib/tracking/search-params";
import { queueFilters } from "@/lib/update-review/schema";

const keys = (shape: object) => Object.keys(shape);

/** By route pattern, as tests/integration/support/routes.ts writes it. */
export const GET_PARAMETERS: Record<string, readonly string[]> = {
  "/[locale]": ["page"],
  "/[locale]/[...rest]": [],
  "/[locale]/admin": [],
  "/[locale]/admin/agencies": [],
  "/[locale]/admin/calendar": ["year"],
  "/[locale]/admin/deliveries": keys(deliveryLogFilters.shape),
  "/[locale]/admin/link-checks": [],
  "/[locale]/admin/notifications": ["agency"],
  "/[locale]/admin/audit": [],
  "/[locale]/admin/proposals": [],
  "/[locale]/admin/proposals/[proposalCode]": [],
  "/[locale]/admin/proposals/[proposalCode]/[recommendationCode]": [],
  "/[locale]/admin/proposals/[proposalCode]/new": [],
  "/[locale]/admin/proposals/[proposalCode]/assign": [],
  "/[locale]/admin/proposals/new": [],
  "/[locale]/admin/questionnaire": [],
  "/[locale]/admin/satisfaction": [],
  "/[locale]/admin/themes": [],
  "/[locale]/admin/tokens": [],
  "/[locale]/admin/users": [],
  "/[locale]/admin/webhooks": [],
  // "show" is the page's own: charts or tables.
  "/[locale]/dashboard": [...keys(dashboardShape), "show"],
  "/[locale]/deputy": [],
  "/[locale]/import": [],
  "/[locale]/import/[id]": [],
  "/[locale]/notifications": ["page", "unread"],
  "/[locale]/notifications/calendar": [],
  "/[locale]/notifications/preferences": [],
  "/[locale]/office": [],
  "/[locale]/office/proposals/[proposalCode]/assign": [],
  "/[locale]/proposals/[proposalCode]": [],
  "/[locale]/proposals/[proposalCode]/[recommendationCode]": ["saved"],
  "/[locale]/proposals/[proposalCode]/[recommendationCode]/[actionCode]/update": [],
  "/[locale]/proposals/[proposalCode]/[recommendationCode]/actions": [],
  "/[locale]/proposals/[proposalCode]/[recommendationCode]/actions/[actionCode]": [],
  "/[locale]/proposals/[proposalCode]/[recommendationCode]/actions/[actionCode]/comments": [],
  "/[locale]/proposals/[proposalCode]/[recommendationCode]/evidence/[evidenceId]": [],
  "/[locale]/proposals/[proposalCode]/[recommendationCode]/evidence/new": [],
  "/[locale]/proposals/[proposalCode]/[recommendationCode]/reply": [],
  "/[locale]/proposals/[proposalCode]/[recommendationCode]/update": [],
  "/[locale]/public/[code]": [],
  "/[locale]/reports": keys(reportShape),
  "/[locale]/sign-in": ["next"],
  "/[locale]/review": keys(queueFilters.shape),
  "/[locale]/table": keys(trackingShape),
  "/api/calendar/[token]": [],
  // A file: inline previews it (images and PDFs), locale words its 404.
  "/api/files/[fileId]": ["inline", "locale"],
  "/api/export": keys(exportQuery.shape),
  "/api/export/jobs/[id]": [],
  "/api/health": [],
  "/api/health/ready": [],
  "/api/import/template": ["format", "locale"],
  "/api/public/[file]": ["lang"],
  "/api/public/history-chain": ["hash", "lang"],
  "/api/reports": [...keys(reportShape), "format"],
  "/api/v1/notifications": keys(notificationListQuery.shape),
  "/api/v1/openapi.json": [],
  "/api/v1/recommendations": keys(recommendationListQuery.shape),
  "/api/v1/recommendations/[id]": [],
  "/api/v1/summary": keys(summaryQuery.shape),
};

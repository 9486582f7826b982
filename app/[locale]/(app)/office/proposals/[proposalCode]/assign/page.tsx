import { AssignRecommendationsPage } from "@/components/proposals/manage/assign-page";
import { requireOffice } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("manage", "assign.title");

/** The office's 交办 grid (the admins' own, components/proposals/manage/assign-page.tsx). */
export default function Page({ params }: { params: Promise<{ locale: string; proposalCode: string }> }) {
  return (
    <AssignRecommendationsPage
      params={params}
      route="/office/proposals/[proposalCode]/assign"
      guard={requireOffice}
      backTo={(code) => `/proposals/${encodeURIComponent(code)}`}
    />
  );
}

import { handleReportPost, handleReportRequest } from "@/lib/reports/http";

export const dynamic = "force-dynamic";

export const GET = handleReportRequest;
/** The same report with the narratives edited on the Reports page (a form: too long for an address). */
export const POST = handleReportPost;

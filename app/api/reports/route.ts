import { handleReportRequest } from "@/lib/reports/http";

export const dynamic = "force-dynamic";

export const GET = handleReportRequest;

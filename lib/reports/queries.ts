import "server-only";
import { db } from "@/lib/db";
import { getProposalChoices } from "@/lib/tracking/queries";
import { getReportData } from "./data";
import type { ReportParams } from "./schema";

/** The proposals the report form offers: those not archived, newest first, a list's worth. */
export function getReportProposals() {
  return getProposalChoices(db);
}

/** A report's content, for the Reports page's preview; null when there is no such proposal. */
export function getReportPreview(params: ReportParams) {
  return getReportData(db, params);
}

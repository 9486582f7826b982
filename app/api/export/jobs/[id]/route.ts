import { apiGet } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { exportJobRoute, readExportJob } from "@/lib/export/jobs";

export const dynamic = "force-dynamic";

export const GET = apiGet(exportJobRoute, async ({ params, caller, notFound }) => {
  const job = caller ? await readExportJob(db, params.id, caller) : null;
  return job ?? notFound();
});

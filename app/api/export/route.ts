import { handleExport } from "@/lib/export/handler";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleExport(request);
}

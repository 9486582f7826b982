import { handlePublicData } from "@/lib/public/handler";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return handlePublicData(request, (await params).file);
}

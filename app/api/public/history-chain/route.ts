import { handleHistoryChain } from "@/lib/history-chain/handler";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleHistoryChain(request);
}

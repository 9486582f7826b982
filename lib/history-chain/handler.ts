// GET /api/public/history-chain[?hash=…]: the history chains' heads now, and, given a head printed in
// an old report or open-data file (its short hash or the whole), whether it is a row of today's
// chain. For anyone, no sign-in: it tells only hashes, places and moments, which the published files
// print anyway. A head that is found was extended, not rewritten, as far as the links go: running
// `npm run verify-history` on the database checks every link.
import "server-only";
import { db } from "@/lib/db";
import { sqlReader } from "@/lib/db/client";
import { exportTranslator } from "@/lib/export/i18n";
import { jsonAnswer, jsonError } from "@/lib/http/errors";
import { requestLocale } from "@/lib/http/locale";
import { findChainLinks, HASH_PREFIX, readChainHeads } from "./heads";
import { type ChainHead, chainHeadsJson } from "./heads-format";

export async function handleHistoryChain(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const locale = requestLocale(request, params.get("lang"));
  const headers = { "Access-Control-Allow-Origin": "*" };
  const hash = params.get("hash")?.trim().toLowerCase() ?? null;
  if (hash !== null && !HASH_PREFIX.test(hash))
    return jsonError(400, "invalid_parameter", exportTranslator(locale)("historyChain.invalidHash"), {
      locale,
      headers,
      issues: [{ parameter: "hash", message: exportTranslator(locale)("historyChain.invalidHash") }],
    });
  const reader = sqlReader(db);
  const [heads, found] = await Promise.all([
    readChainHeads(reader),
    hash === null ? Promise.resolve<ChainHead[]>([]) : findChainLinks(reader, hash),
  ]);
  const headOf = new Map(heads.map((head) => [head.table, head.chainSeq]));
  return jsonAnswer(
    {
      heads: chainHeadsJson(heads),
      ...(hash === null
        ? {}
        : {
            hash,
            found: chainHeadsJson(found).map((link) => ({
              ...link,
              // How many rows were appended after it since.
              rowsSince: (headOf.get(link.table) ?? link.chainSeq) - link.chainSeq,
            })),
          }),
    },
    { locale, headers },
  );
}

import { db } from "@/lib/db";
import { checkReadiness, readinessBody, readinessLogLine } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

// What this process answered last, so that the log gets a line when the answer changes, not one per poll.
let lastLogged: string | undefined;

/**
 * Readiness, for load balancers: 200 once the database answers and holds every migration of this
 * version, else 503 with a reason (lib/health/readiness.ts). No sign-in: it tells nothing but that.
 */
export async function GET() {
  const readiness = await checkReadiness(db);
  const line = readinessLogLine(readiness);
  if (line !== lastLogged && (lastLogged !== undefined || !readiness.ready)) {
    if (readiness.ready) console.log(line);
    else console.error(line);
  }
  lastLogged = line;
  return Response.json(readinessBody(readiness), {
    status: readiness.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}

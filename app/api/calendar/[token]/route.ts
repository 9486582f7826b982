import { calendarFeedResponse } from "@/lib/calendar/feed";

export const dynamic = "force-dynamic";

// The segment is "<token>.ics": the secret is the credential, so no session is read (lib/calendar/feed.ts).
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return calendarFeedResponse((await params).token);
}

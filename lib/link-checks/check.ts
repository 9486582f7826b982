// One check of one address: what is fetched (./fetch.ts) turned into what is kept (./page.ts).
import { FetchFailure, type FetchFailureKind, type FetchOptions, fetchLink } from "./fetch";
import { summarizePage } from "./page";

export type LinkFailure = FetchFailureKind | "status";

export type CheckResult = {
  outcome: "ok" | "broken";
  failure: LinkFailure | null;
  httpStatus: number | null;
  finalUrl: string | null;
  title: string | null;
  textHash: string | null;
  snapshot: string | null;
  error: string | null;
};

export async function checkLink(url: string, options: FetchOptions = {}): Promise<CheckResult> {
  try {
    const fetched = await fetchLink(url, options);
    const page = summarizePage(fetched.contentType, fetched.body);
    const broken = fetched.status >= 400;
    return {
      outcome: broken ? "broken" : "ok",
      failure: broken ? "status" : null,
      httpStatus: fetched.status,
      finalUrl: fetched.finalUrl,
      title: page.title,
      // A page that answers an error says nothing of what was cited: its text is no new version.
      textHash: broken ? null : page.textHash,
      snapshot: page.snapshot,
      error: broken ? `HTTP ${fetched.status}` : null,
    };
  } catch (error) {
    if (!(error instanceof FetchFailure)) throw error;
    return {
      outcome: "broken",
      failure: error.kind,
      httpStatus: null,
      finalUrl: error.url ?? null,
      title: null,
      textHash: null,
      snapshot: null,
      error: error.message.slice(0, 500),
    };
  }
}

// Which proposal a page shows, so that the Reports link opens on that proposal's report rather than
// on the newest one: a proposal's own pages (/proposals/<code>/…, /admin/proposals/<code>/…) or a view
// filtered to one proposal (?proposal=<code>, as the dashboard and the table write it).

const PROPOSAL_PATH = /^\/(?:admin\/)?proposals\/([^/]+)/;

/** The code of the one proposal the page at `pathname` (without its locale) and `search` shows, or null. */
export function proposalInView(pathname: string, search: URLSearchParams): string | null {
  const match = PROPOSAL_PATH.exec(pathname);
  if (match?.[1] && match[1] !== "new") {
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return null;
    }
  }
  const values = search
    .getAll("proposal")
    .flatMap((value) => value.split(","))
    .filter(Boolean);
  return values.length === 1 ? (values[0] ?? null) : null;
}

/** The Reports page's address from the page at `pathname` and `search`. */
export function reportsHref(pathname: string, search: URLSearchParams): string {
  const proposal = proposalInView(pathname, search);
  return proposal ? `/reports?${new URLSearchParams({ proposal })}` : "/reports";
}

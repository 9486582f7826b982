// What a link's checks add up to, as the item's evidence list and the admin page say it.
export type LinkState = "unchecked" | "ok" | "changed" | "broken";

export type LinkCheckView = {
  checkedAt: Date | null;
  outcome: string | null;
  failure: string | null;
  httpStatus: number | null;
  textHash: string | null;
  baselineHash: string | null;
};

export function linkState(check: LinkCheckView | null | undefined): LinkState {
  if (!check?.checkedAt || !check.outcome) return "unchecked";
  if (check.outcome === "broken") return "broken";
  if (check.baselineHash && check.textHash && check.textHash !== check.baselineHash) return "changed";
  return "ok";
}

/** The fields a view of a link's state reads. */
export const linkCheckViewSelect = {
  checkedAt: true,
  outcome: true,
  failure: true,
  httpStatus: true,
  textHash: true,
  baselineHash: true,
} as const;

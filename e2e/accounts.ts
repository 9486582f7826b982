import { SAMPLE_USERS } from "../prisma/sample-data";

function emailOf(predicate: (user: (typeof SAMPLE_USERS)[number]) => boolean): string {
  const user = SAMPLE_USERS.find(predicate);
  if (!user) throw new Error("the sample has no such user");
  return user.email;
}

/** The sample's demo accounts, by what the specs use them for. */
export const DEMO_ACCOUNTS = {
  admin: emailOf((user) => user.role === "admin"),
  official: emailOf((user) => user.role === "official"),
  // Staff of the economy and IT commission, which leads R3 in the sample.
  staffJxw: emailOf((user) => user.agencyCode === "SHEITC" && !user.isReviewer),
  // The commission's unit head (单位负责人), who approves its replies and pending updates.
  reviewerJxw: emailOf((user) => user.agencyCode === "SHEITC" && user.isReviewer === true),
  // Staff of the science and technology commission.
  staffKw: emailOf((user) => user.agencyCode === "STCSM"),
  // Staff of the data bureau (R6), whose updates need review; no other spec acts on its items, so its
  // inbox changes only as the inbox spec changes it.
  staffSjj: emailOf((user) => user.agencyCode === "SHDATA"),
  // The supervising office (交办/督办部门).
  office: emailOf((user) => user.role === "office"),
  // The demo deputy (代表), first author of the sample proposal.
  deputy: emailOf((user) => user.role === "deputy"),
};

export function storageStateFor(role: keyof typeof DEMO_ACCOUNTS): string {
  return `e2e/.auth/${role}.json`;
}

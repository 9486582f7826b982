// What a benchmark case is, and what it gets to work with.
import type { Db } from "../../lib/db/client";
import type { Provider, Target } from "./stats";

export interface BenchContext {
  provider: Provider;
  /** The app's own client (lib/db), as the app's functions use it. */
  db: Db;
  /**
   * Hand-written SQL through the same client, with `?` placeholders on both databases. Floors use it,
   * so that app/floor measures the query, not the driver.
   */
  sql<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  fixtures: Fixtures;
}

/** Ids and sizes picked from the dataset, so that cases work at any scale. */
export interface Fixtures {
  /** The theme with code "AI" (人工智能与大模型). */
  themeId: string;
  /** The proposal with the most recommendations and actions, and its code. */
  busiestProposalId: string;
  busiestProposalCode: string;
  /** The proposal the report cases print: the sample's LLM-2024 if present, else the busiest. */
  reportProposalCode: string;
  /** A page three quarters down the unfiltered recommendation list (50 per page). */
  deepPage: number;
}

/**
 * One measured case: the app's function and its floor (the same result from hand-written SQL), each
 * optional so that a floor can be measured before the app function exists, or the other way round.
 */
export interface BenchCase<A = unknown, F = unknown> {
  name: string;
  /** Cases of a group share a heading in the printed table. */
  group: string;
  app?: () => Promise<A>;
  floor?: () => Promise<F>;
  /** Null when the app and the floor agree, else what differs (checked once, after warm-up). */
  same?: (app: A, floor: F) => string | null;
  target?: Target | Target[];
}

/** Keeps a case's result types checked where it is written, and erases them for the list. */
export function benchCase<A, F>(definition: BenchCase<A, F>): BenchCase {
  return definition as unknown as BenchCase;
}

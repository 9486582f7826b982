// A small seeded PRNG (mulberry32) and the draws the generator needs, so that one seed gives the
// same dataset on every run and machine.

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick() from an empty list");
    return item;
  }

  /** One of `items`, each as likely as its weight (a short list: a linear scan). */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let x = this.next() * total;
    for (const item of items) {
      x -= weight(item);
      if (x < 0) return item;
    }
    return this.pick(items);
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/**
 * Deals `total` units out to slots in proportion to their weights (a multinomial draw), so that the
 * counts add up to exactly `total`. Slots of weight 0 get none; with no weight at all, nothing is dealt.
 */
export function distribute(total: number, weights: readonly number[], random: Random): number[] {
  const counts = new Array<number>(weights.length).fill(0);
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight;
    cumulative[i] = sum;
  });
  if (sum <= 0) return counts;
  for (let k = 0; k < total; k++) {
    const x = random.next() * sum;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    counts[lo] = (counts[lo] ?? 0) + 1;
  }
  return counts;
}

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Ids shaped like Prisma's cuid(): "c", 8 characters of creation time, a 4-character counter, a
 * 4-character fingerprint and 8 random characters. Made from the creation time, so that they sort
 * roughly in the order the rows were created, as real cuids do.
 */
export class IdMaker {
  private counter = 0;

  constructor(private readonly random: Random) {}

  next(createdAtMs: number): string {
    const time = Math.max(0, Math.floor(createdAtMs)).toString(36).padStart(8, "0").slice(-8);
    const count = (this.counter++ % 1_679_616).toString(36).padStart(4, "0");
    let tail = "";
    for (let i = 0; i < 8; i++) tail += BASE36[Math.floor(this.random.next() * 36)];
    return `c${time}${count}n4t1${tail}`;
  }
}

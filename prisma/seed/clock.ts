/**
 * When orders are placed: hourly buckets over the last 90 days, weighted by
 * the hour of day and weekday in São Paulo (UTC−3, no daylight saving since
 * 2019), a growing trend and one campaign day. Order i of n gets the time at
 * quantile (i + u) / n, so times rise with the order number and the random
 * draws do not depend on the reference "now".
 */

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const SP_OFFSET = -3 * HOUR;

/** Relative order volume per local hour 0..23 (evenings peak, small hours are quiet). */
const HOUR_WEIGHTS = [1.2, 0.6, 0.35, 0.25, 0.2, 0.3, 0.6, 1.0, 1.5, 2.0, 2.3, 2.4, 2.5, 2.4, 2.3, 2.3, 2.3, 2.3, 2.4, 2.7, 3.0, 3.1, 2.6, 1.9];
/** Sunday .. Saturday. */
const WEEKDAY_WEIGHTS = [0.9, 1.15, 1.1, 1.05, 1.0, 0.95, 0.8];

export class OrderClock {
  readonly start: Date;
  readonly end: Date;
  private readonly cumulative: Float64Array;

  constructor(now: Date, days = 90) {
    // The newest order is a few minutes old, so even it has time for its first events.
    this.end = new Date(now.getTime() - 5 * 60_000);
    this.start = new Date(this.end.getTime() - days * DAY);
    const buckets = days * 24;
    this.cumulative = new Float64Array(buckets + 1);
    const campaignDay = Math.floor(buckets / 24) - 25;
    for (let k = 0; k < buckets; k++) {
      const local = new Date(this.start.getTime() + k * HOUR + SP_OFFSET);
      const trend = 0.75 + 0.5 * (k / buckets);
      const campaign = Math.floor(k / 24) === campaignDay ? 2.5 : 1;
      const w = HOUR_WEIGHTS[local.getUTCHours()]! * WEEKDAY_WEIGHTS[local.getUTCDay()]! * trend * campaign;
      this.cumulative[k + 1] = this.cumulative[k]! + w;
    }
  }

  private get total(): number {
    return this.cumulative[this.cumulative.length - 1]!;
  }

  /** Placement time of order i of n; u in [0, 1) spreads it inside its slice. */
  timeAt(i: number, n: number, u: number): Date {
    const q = ((i + u) / n) * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.cumulative[mid]! <= q) lo = mid;
      else hi = mid - 1;
    }
    const w = this.cumulative[lo + 1]! - this.cumulative[lo]!;
    const frac = w > 0 ? Math.min(1, (q - this.cumulative[lo]!) / w) : 0;
    return new Date(Math.min(this.end.getTime(), this.start.getTime() + (lo + frac) * HOUR));
  }

  /** The index of the order placed about `hours` before the end of the window. */
  indexAtAge(hours: number, n: number): number {
    const t = (this.end.getTime() - hours * HOUR - this.start.getTime()) / HOUR;
    if (t <= 0) return 0;
    const k = Math.min(Math.floor(t), this.cumulative.length - 2);
    const at = this.cumulative[k]! + (this.cumulative[k + 1]! - this.cumulative[k]!) * (t - k);
    return Math.min(n - 1, Math.floor((at / this.total) * n));
  }
}

/** n business days after `from` (Saturday and Sunday skipped, São Paulo calendar), at 18:00 local. */
export function addBusinessDays(from: Date, n: number): Date {
  const local = new Date(from.getTime() + SP_OFFSET);
  let added = 0;
  while (added < n) {
    local.setUTCDate(local.getUTCDate() + 1);
    const day = local.getUTCDay();
    if (day !== 0 && day !== 6) added++;
  }
  local.setUTCHours(18, 0, 0, 0);
  return new Date(local.getTime() - SP_OFFSET);
}

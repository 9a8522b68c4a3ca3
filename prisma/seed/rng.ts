/**
 * Seeded pseudo-random numbers for the demo data: the same seed always gives
 * the same sequence, on every machine (32-bit integer math only).
 *
 * Generator: mulberry32 (one 32-bit word of state, passes the usual
 * statistical batteries well enough for fake data, and is very fast).
 */

/** FNV-1a over the label's UTF-16 code units, mixed with the seed. */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (const label of labels) {
    const text = String(label);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche so that labels differing in one character land far apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** murmur3's finaliser: a bijection on 32-bit integers that scatters nearby inputs. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const hex8 = (n: number): string => n.toString(16).padStart(8, "0");

/**
 * A deterministic version-4-shaped UUID for the n-th id (n < 2^32) of a
 * keyed stream. The first 32 bits are a bijection of n, so ids of one stream
 * never collide; the other 90 bits differ per key.
 */
export function uuidFor(key: number, n: number): string {
  const a = mix32((n ^ key) >>> 0);
  const k2 = mix32(key ^ 0x5bd1e995);
  const b = mix32((n + k2) >>> 0);
  const c = mix32((Math.imul(n, 0x9e3779b9) ^ mix32(k2)) >>> 0);
  const d = mix32((b ^ c ^ key) >>> 0);
  const bh = hex8(b);
  const ch = hex8(c);
  const variant = ((c >>> 28) & 0x3) | 0x8;
  return `${hex8(a)}-${bh.slice(0, 4)}-4${bh.slice(5, 8)}-${variant.toString(16)}${ch.slice(1, 4)}-${ch.slice(4)}${hex8(d)}`;
}

export type WeightedPairs<T> = readonly (readonly [T, number])[];

export class Rng {
  private state: number;
  private ids = 0;

  constructor(readonly seed: number) {
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

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick() from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value, with probability proportional to its weight. */
  weighted<T>(pairs: WeightedPairs<T>): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    const last = pairs[pairs.length - 1];
    if (!last) throw new RangeError("weighted() from an empty list");
    return last[0];
  }

  /** A time uniformly between two dates. */
  date(from: Date, to: Date): Date {
    return new Date(from.getTime() + Math.floor(this.next() * (to.getTime() - from.getTime())));
  }

  /** n decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  /** In-place Fisher–Yates shuffle; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** The next id of this stream (see uuidFor): unique within the stream, independent of the random draws. */
  uuid(): string {
    return uuidFor(this.seed, this.ids++);
  }

  /** An independent generator for a named part of the data, unaffected by how much of this one was used. */
  fork(...labels: (string | number)[]): Rng {
    return new Rng(deriveSeed(this.seed, ...labels));
  }
}

/**
 * Fast repeated weighted draws (cumulative table + binary search), for hot
 * loops such as picking a SKU for each of a million order lines.
 */
export class WeightedTable<T> {
  private readonly values: T[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;

  constructor(pairs: WeightedPairs<T>) {
    for (const [value, w] of pairs) {
      if (w <= 0) continue;
      this.total += w;
      this.values.push(value);
      this.cumulative.push(this.total);
    }
    if (this.values.length === 0) throw new RangeError("WeightedTable needs at least one positive weight");
  }

  get size(): number {
    return this.values.length;
  }

  draw(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}

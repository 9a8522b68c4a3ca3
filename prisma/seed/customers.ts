/**
 * Customers are a pure function of (seed, index): nothing is kept in memory,
 * a repeat buyer's data is simply recomputed for each of their orders.
 */
import { CITY_WEIGHTS, FIRST_NAMES, STREETS, SURNAMES, cepFor, emailFor, generateCpf, mobileFor, type City } from "./brazil";
import { Rng, WeightedTable, deriveSeed, uuidFor } from "./rng";
import type { AddressJson } from "./types";

export interface Customer {
  id: string;
  name: string;
  email: string;
  phone: string;
  document: string;
  city: City;
  address: AddressJson;
  /** Minutes between account creation and the first order. */
  signupLeadMinutes: number;
}

const cities = new WeightedTable(CITY_WEIGHTS);

/** first × last name pairs; customers are numbered through them in blocks (see emailFor). */
const PAIRS = FIRST_NAMES.length * SURNAMES.length;
/** Coprime with PAIRS, so index → pair is a permutation inside every block. */
const STRIDE = 1_009;

const COMPLEMENTS = ["Apto 12", "Apto 34", "Apto 101", "Apto 1502", "Casa 2", "Fundos", "Bloco B, Apto 304", "Sala 5", "Torre 2, Apto 81"];

let idKey: { seed: number; key: number } | undefined;

export function customerAt(seed: number, index: number): Customer {
  if (idKey?.seed !== seed) idKey = { seed, key: deriveSeed(seed, "customer-id") };
  const rng = new Rng(deriveSeed(seed, "customer", index));
  const pair = (index * STRIDE + (seed % PAIRS)) % PAIRS;
  const block = Math.floor(index / PAIRS);
  const first = FIRST_NAMES[pair % FIRST_NAMES.length]!;
  const last = SURNAMES[Math.floor(pair / FIRST_NAMES.length)]!;
  const middle = rng.chance(0.35) ? `${rng.pick(SURNAMES)} ` : "";
  const name = `${first} ${middle}${last}`;
  const city = cities.draw(rng);
  const phone = mobileFor(rng, city.ddd);
  const address: AddressJson = {
    name,
    line1: `${rng.pick(STREETS)}, ${rng.int(10, 3999)}`,
    line2: rng.chance(0.35) ? rng.pick(COMPLEMENTS) : "",
    district: rng.pick(city.bairros),
    city: city.name,
    state: city.uf,
    postalCode: cepFor(rng, city),
    country: "BR",
    phone,
  };
  return {
    // Keyed by index, not by the per-customer stream: half a million streams would collide by the birthday bound.
    id: uuidFor(idKey.key, index),
    name,
    email: emailFor(rng, first, last, block),
    phone,
    document: generateCpf(rng),
    city,
    address,
    signupLeadMinutes: rng.int(1, 60 * 24 * 30),
  };
}

// The whole reference list of organisations: central bodies, the provinces (the 63 until 30 June 2025,
// the 34 from 1 July 2025) with their standard bodies, and the district-level units of Quảng Ngãi,
// Bình Định and Hậu Giang with theirs. Deterministic: same options, same list in the same order, and
// every parent comes before its children.
import { nameKey } from "../domain/names.ts";
import { standardBodies } from "./bodies.ts";
import { centralBodies } from "./central.ts";
import { districtsOf } from "./districts.ts";
import { PROVINCES, type ProvinceRecord, provinceByCode, toSeed } from "./provinces.ts";
import type { OrgSeed } from "./types.ts";

export interface CatalogueOptions {
  /**
   * "all" (the default), or the provinces to include, by record code ("P51", "P51.2025") or by name
   * ("Quảng Ngãi" selects every record of that name). The provinces they merged into are included
   * too, so that every successor code in the list exists.
   */
  provinces?: "all" | string[];
}

function selectProvinces(selection: "all" | string[]): ProvinceRecord[] {
  if (selection === "all") return [...PROVINCES];
  const chosen = new Set<string>();
  for (const wanted of selection) {
    const byCode = provinceByCode(wanted);
    const key = nameKey(wanted);
    const hits = byCode
      ? [byCode]
      : PROVINCES.filter((p) => nameKey(p.shortName) === key || nameKey(p.name) === key);
    if (hits.length === 0) throw new Error(`unknown province "${wanted}"`);
    for (const h of hits) chosen.add(h.code);
  }
  // close over successors
  const queue = [...chosen];
  while (queue.length > 0) {
    const code = queue.pop() as string;
    for (const s of provinceByCode(code)?.successorCodes ?? [])
      if (!chosen.has(s)) {
        chosen.add(s);
        queue.push(s);
      }
  }
  return PROVINCES.filter((p) => chosen.has(p.code));
}

/** The reference organisations; throws if a code would repeat (a data error). */
export function referenceOrganisations(options: CatalogueOptions = {}): OrgSeed[] {
  const out: OrgSeed[] = [...centralBodies()];
  for (const province of selectProvinces(options.provinces ?? "all")) {
    out.push(toSeed(province), ...standardBodies(province));
    for (const district of districtsOf(province.code))
      out.push(toSeed(district), ...standardBodies(district));
  }
  const seen = new Set<string>();
  for (const o of out) {
    if (seen.has(o.code)) throw new Error(`duplicate organisation code ${o.code}`);
    seen.add(o.code);
  }
  return out;
}

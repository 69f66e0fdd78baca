// The demo's accounts, apart from the demo itself so that listing them loads nothing else.
import type { Role } from "../domain/access.ts";

export const DEMO_PASSWORD = "trienkhai-demo";
/** The province the demo cascade runs in: the new Quảng Ngãi (from 1 July 2025). */
export const DEMO_PROVINCE = "P51.2025";

/** The demo's users, one of each role, all with DEMO_PASSWORD. */
export const DEMO_USERS: readonly { username: string; role: Role; scope: string | null }[] = [
  { username: "quantri", role: "admin", scope: null },
  { username: "lanhdao", role: "leader", scope: DEMO_PROVINCE },
  { username: "theodoi", role: "monitor", scope: DEMO_PROVINCE },
  { username: "sokhcn", role: "unit_officer", scope: `${DEMO_PROVINCE}-SKHCN` },
  { username: "xabinhson", role: "unit_officer", scope: `${DEMO_PROVINCE}-X01` },
  { username: "xem", role: "viewer", scope: DEMO_PROVINCE },
];

// Who may do what. A user has one role and a scope (an organisation subtree, or everything for a
// null scope); a route names the action it performs and the API checks the role here and the scope
// against the rows it touches. Reading is open to every role inside its scope.

export const ROLES = ["admin", "leader", "monitor", "unit_officer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "read",
  "document.import",
  "document.review",
  "document.publish",
  "progress.write",
  "progress.review",
  "indicator.write",
  "report.submit",
  "dissemination.write",
  "inspection.write",
  "organisation.import",
  "user.manage",
  "audit.read",
  "reminder.run",
  "template.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const GRANTS: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  // leaders direct and judge: they approve or return what units report and read the audit trail
  leader: ["read", "progress.review", "audit.read", "document.publish"],
  // monitoring officers run the cascade: import, review and publish documents, record sessions and
  // inspections, enter figures, review progress
  monitor: [
    "read",
    "document.import",
    "document.review",
    "document.publish",
    "progress.write",
    "progress.review",
    "indicator.write",
    "report.submit",
    "dissemination.write",
    "inspection.write",
    "audit.read",
  ],
  // unit officers report on their own body's work
  unit_officer: ["read", "progress.write", "indicator.write", "report.submit", "dissemination.write"],
  viewer: ["read"],
};

export function can(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}

/** `path` (an organisation's "/1/5/23/") lies in the subtree whose root has `scopePath`; a null
 * scope is everything. */
export function pathInScope(scopePath: string | null, path: string | null): boolean {
  if (scopePath === null) return true;
  return path?.startsWith(scopePath) === true;
}

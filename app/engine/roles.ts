/**
 * Roles as data. An account's role is a string column; what the role may do comes from this
 * table, so a new role (a county's own, an external organisation's) is a new row, not a new
 * branch in the code. Workflow stages name the role and the jurisdiction depth they need.
 */

export const DEPTHS = ["county", "township", "village"] as const;
export type Depth = (typeof DEPTHS)[number];

/**
 * What a role may do in general; whether it may do it to a given case now is for
 * engine/permissions.ts, which also checks jurisdiction, stage and maker-checker rules.
 */
export type Capability =
  /** Open cases of its jurisdiction (queue, case page, materials). */
  | "view_cases"
  /** Decide at a workflow stage whose role is this role. */
  | "decide"
  /** Revoke an issued certificate or letter. */
  | "revoke"
  /** Record the outcome of an objection lodged during a public notice. */
  | "resolve_objections"
  /** File and follow cases for a resident under a recorded authority (window, village agent). */
  | "file_for_residents"
  /** Reveal a masked personal value (ID number, phone, name) of a case, audited. */
  | "reveal_personal"
  /** Reveal a masked bank account, audited (payments). */
  | "reveal_bank"
  /** Generate and issue payment rolls. */
  | "payment_rolls"
  /** Administer staff accounts and read the audit log. */
  | "administer";

export type RoleDefinition = {
  id: string;
  kind: "citizen" | "staff" | "external";
  /** The depth of jurisdiction an account of this role holds (staff only). */
  depth?: Depth;
  capabilities: readonly Capability[];
};

const roleList: RoleDefinition[] = [
  { id: "citizen", kind: "citizen", capabilities: [] },
  // 村/社区专干: first review of assistance claims, and files for residents of the village.
  { id: "village_staff", kind: "staff", depth: "village", capabilities: ["view_cases", "decide", "file_for_residents"] },
  // Service-hall window: takes walk-ins and files for them; decides nothing.
  { id: "window_staff", kind: "staff", depth: "township", capabilities: ["view_cases", "file_for_residents"] },
  { id: "township_reviewer", kind: "staff", depth: "township", capabilities: ["view_cases", "decide", "revoke", "resolve_objections", "reveal_personal"] },
  {
    id: "county_admin",
    kind: "staff",
    depth: "county",
    capabilities: ["view_cases", "decide", "revoke", "resolve_objections", "reveal_personal", "reveal_bank", "payment_rolls", "administer"],
  },
];

export const ROLES: ReadonlyMap<string, RoleDefinition> = new Map(roleList.map((role) => [role.id, role]));

export function roleDefinition(role: string): RoleDefinition | undefined {
  return ROLES.get(role);
}

export function hasCapability(role: string, capability: Capability): boolean {
  return !!ROLES.get(role)?.capabilities.includes(capability);
}

/** "500156/" is a county, "500156/500156001/" a township, one more code a village. */
export function jurisdictionDepth(path: string): Depth | undefined {
  return DEPTHS[path.split("/").filter(Boolean).length - 1];
}

/** Whether a jurisdiction path lies inside (or is) the scope path. */
export function withinScope(path: string | null | undefined, scope: string): boolean {
  return !!path && path.startsWith(scope);
}

/** The staff roles, for forms that assign one (account administration). */
export function staffRoles(): RoleDefinition[] {
  return roleList.filter((role) => role.kind === "staff");
}

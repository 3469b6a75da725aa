// The staff roles as the account pages and the sign-in see them, in one place so that the
// roles data module can replace this list without touching the routes.

/** Roles a county administrator may give when creating a staff account. */
export const STAFF_ROLES = ["window_staff", "township_reviewer", "county_admin"] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

/** Desk roles that sign in with a password alone; every other staff role (reviewers, administrators) needs TOTP in production. */
const PASSWORD_ONLY_ROLES: readonly string[] = ["window_staff", "village_staff"];

export function secondFactorRequiredForRole(role: string): boolean {
  return !PASSWORD_ONLY_ROLES.includes(role);
}

/** Roles that administer staff accounts of their jurisdiction. */
export const ACCOUNT_ADMIN_ROLES = ["county_admin"] as const;

export function isStaffRole(role: string): role is StaffRoleName {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

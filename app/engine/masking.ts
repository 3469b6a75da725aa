import { maskBankAccount, maskName, maskPhone, maskResidentId } from "~/lib/mask";
import type { PersonalKind } from "./define-service";

/**
 * Personal values as shown to someone not entitled to the full value. Health and disability
 * details are withheld entirely: no part of them is safe to show.
 */
export function maskValue(kind: PersonalKind, value: string): string {
  if (value === "") return "";
  switch (kind) {
    case "name":
      return maskName(value);
    case "residentId":
      return maskResidentId(value);
    case "phone":
      return maskPhone(value);
    case "bankAccount":
      return maskBankAccount(value);
    case "health":
      return "＊＊＊";
  }
}

/** Which personal values a viewer sees in full: all (the resident's own answers), none, or the fields revealed one by one (staff, audited). */
export type Disclosure = { all: true } | { all: false; revealed: ReadonlySet<string> };

export const FULL: Disclosure = { all: true };
export const MASKED: Disclosure = { all: false, revealed: new Set() };

export function disclose(kind: PersonalKind | undefined, key: string, value: string, disclosure: Disclosure): { value: string; masked: boolean } {
  if (!kind || disclosure.all || disclosure.revealed.has(key) || value === "") return { value, masked: false };
  return { value: maskValue(kind, value), masked: true };
}

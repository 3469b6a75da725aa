import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";

/** Staff passwords: at least 12 characters and not guessable (zxcvbn score 3 of 4 or better). */
const STAFF_PASSWORD_MIN_LENGTH = 12;
const MIN_SCORE = 3;

// Words anyone would try first against this portal, besides zxcvbn's common-password lists.
const PORTAL_WORDS = ["wulong", "chongqing", "portal", "family", "birth", "shengyu", "admin", "staff", "gov", "zhengfu", "weijian", "password", "mima"];

let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...commonDictionary, ...englishDictionary, portal: PORTAL_WORDS }, graphs: adjacencyGraphs, translations });
  return estimator;
}

export type PasswordProblem = "staffPasswordShort" | "passwordCommon";

/** Why a staff password is refused (an errors.* key), or null; `personal` are the account's own words (username, name). */
export function staffPasswordProblem(password: string, personal: string[] = []): PasswordProblem | null {
  if (Array.from(password).length < STAFF_PASSWORD_MIN_LENGTH) return "staffPasswordShort";
  const result = zxcvbn().check(password, personal.filter(Boolean));
  return result.score < MIN_SCORE ? "passwordCommon" : null;
}

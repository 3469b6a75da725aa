import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Answers, Field, ServiceDefinition } from "~/engine/define-service";
import enCommon from "~/i18n/locales/en/common.json";
import zhCommon from "~/i18n/locales/zh-CN/common.json";
import { childcareInvalid } from "~/services/childcare-subsidy/examples";
import { services } from "~/services/registry";
import { rewardInvalid, rewardVariants } from "~/services/reward-assistance/examples";
import { specialInvalid, specialVariants } from "~/services/special-assistance/examples";
import wulong from "../../prisma/data/jurisdictions/wulong.json";

/**
 * Every translation key a service hands to the pages exists in both languages: declared keys
 * (titles, fields, options, materials, letters, the check), the messages its schemas give for
 * missing answers, the keys written in its source and those its rules answer with.
 */

const today = new Date("2026-11-30T04:00:00Z");
const townshipCodes = new Set(wulong.townships.map((township) => township.code));

function lookup(key: string, lang: "zh-CN" | "en"): unknown {
  const [ns, rest] = key.includes(":") ? key.split(":") : ["common", key];
  const root = ns === "common" ? (lang === "en" ? enCommon : zhCommon) : services.find((service) => service.slug === ns)?.locales[lang];
  return rest.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), root);
}
/** A key exists as itself or, for counted texts, with i18next's plural suffixes. */
const known = (key: string, lang: "zh-CN" | "en") => [key, `${key}_one`, `${key}_other`].some((candidate) => typeof lookup(candidate, lang) === "string");
const missing = (keys: Iterable<string>) => [...new Set(keys)].filter((key) => !known(key, "zh-CN") || !known(key, "en"));

function fieldKeys(fields: Field[]): string[] {
  return fields.flatMap((field) => [field.labelKey, ...(field.hintKey ? [field.hintKey] : []), ...(Array.isArray((field as { options?: unknown }).options) ? (field as { options: { labelKey: string }[] }).options.map((option) => option.labelKey) : [])]);
}

/** Answers that make every conditional field and step appear (the most children a form asks for). */
const everything: Answers = { children: { childrenCount: "9", existingChildren: "9" }, applicant: { maritalStatus: "married", relationship: "guardian" } };

function declaredKeys(service: ServiceDefinition): string[] {
  const output = service.output.kind === "none" ? [] : [service.output.titleKey, ...service.output.lines({}).map((line) => line.labelKey)];
  return [
    service.titleKey,
    service.summaryKey,
    ...service.startPage.whoKeys,
    ...service.startPage.needKeys,
    service.startPage.legalBasisKey,
    ...service.steps.flatMap((step) => [step.titleKey, ...(step.descriptionKey ? [step.descriptionKey] : []), ...fieldKeys(typeof step.fields === "function" ? step.fields(everything) : step.fields)]),
    ...service.materials.flatMap((material) => [material.labelKey, ...(material.hintKey ? [material.hintKey] : [])]),
    ...(service.check ? fieldKeys(service.check.fields) : []),
    ...output,
  ];
}

/** What each step's schema says when nothing (or an empty child) is given. */
function emptyMessages(service: ServiceDefinition): string[] {
  const answers: Answers = { children: { childrenCount: "1", existingChildren: "1" } };
  return service.steps.flatMap((step) => {
    const schema = step.schema({ today, answers, townshipCodes });
    return [{}, { children: [{}] }].flatMap((input) => {
      const result = schema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    });
  });
}

/** Keys written as `${ns}:x.y` (with a static tail) or "slug:x.y" in the service's own files. */
function sourceKeys(service: ServiceDefinition): string[] {
  const dir = path.resolve("app/services", service.slug);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => {
      const text = readFileSync(path.join(dir, file), "utf8");
      return [
        ...[...text.matchAll(/`\$\{ns\}:([\w.]+)`/g)].map((match) => `${service.slug}:${match[1]}`),
        ...[...text.matchAll(new RegExp(`"(${service.slug}:[\\w.]+)"`, "g"))].map((match) => match[1]),
      ];
    });
}

describe("service translation keys", () => {
  it.each(services.map((service) => [service.slug, service] as const))("%s: declared keys exist in both languages", (_slug, service) => {
    expect(missing(declaredKeys(service))).toEqual([]);
  });

  it.each(services.map((service) => [service.slug, service] as const))("%s: messages for missing answers exist", (_slug, service) => {
    expect(missing(emptyMessages(service))).toEqual([]);
  });

  it.each(services.map((service) => [service.slug, service] as const))("%s: keys written in its source exist", (_slug, service) => {
    expect(missing(sourceKeys(service))).toEqual([]);
  });

  it("keys the examples' refusals and the rules' answers give exist", () => {
    const keys: string[] = [...Object.values(rewardInvalid), ...Object.values(specialInvalid), ...Object.values(childcareInvalid)].map((example) => example.key);
    for (const service of services.filter((candidate) => candidate.check)) {
      const check = service.check!;
      for (const values of [{ birthDate: "1962-01-01", childBirthDate: "2025-03-01", hukouType: "rural", hukouInRegion: "yes", sex: "female", livingSons: 0, livingDaughters: 1, deceasedChildren: 0, childrenCount: 1, childStatus: "deceased", outOfPolicyBirth: "no" }]) {
        const result = check.evaluate(values, { today });
        keys.push(...result.conditions.map((condition) => condition.labelKey), ...(result.amount?.labelKey ? [result.amount.labelKey] : []));
      }
    }
    const reward = services.find((service) => service.slug === "reward-assistance")!;
    const special = services.find((service) => service.slug === "special-assistance")!;
    for (const answers of Object.values(rewardVariants)) {
      const result = reward.eligibility(answers as Answers, { today });
      if (!result.eligible) keys.push(...result.reasonKeys);
    }
    for (const answers of Object.values(specialVariants)) {
      const result = special.eligibility(answers as Answers, { today });
      if (!result.eligible) keys.push(...result.reasonKeys);
    }
    expect(keys.length).toBeGreaterThan(30);
    expect(missing(keys)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { pageNamespaces } from "~/i18n/namespaces";
import { i18nVersion, namespaceJson, namespaceNames, serverI18n } from "~/i18n/resources.server";

describe("translations per page", () => {
  const known = ["common", "birth-registration", "adoption"];

  it("names common and the namespaces of the keys in the loader data, nothing else", () => {
    expect(pageNamespaces([{ user: null }, { title: "首页" }], known)).toEqual(["common"]);
    const step = { titleKey: "birth-registration:title", fields: [{ labelKey: "birth-registration:fields.woman.name" }], errors: ["common:errors.required"] };
    expect(pageNamespaces([null, step], known)).toEqual(["birth-registration", "common"]);
    const queue = { rows: [{ titleKey: "adoption:title" }, { titleKey: "birth-registration:title" }] };
    expect(pageNamespaces([queue], known)).toEqual(["adoption", "birth-registration", "common"]);
  });

  it("ignores strings that only look like keys and namespaces that do not exist", () => {
    expect(pageNamespaces([{ link: "https://fs.wulong.gov.cn", time: "12:30", other: "marriage:date", note: "adoption: later" }], known)).toEqual(["common"]);
  });

  it("keeps one instance per language with every namespace, and a version that names the texts", () => {
    expect(serverI18n("en")).toBe(serverI18n("en"));
    expect(serverI18n("en").t("birth-registration:title")).not.toBe("birth-registration:title");
    expect(serverI18n("zh-CN").t("site.name")).toContain("武隆");
    expect(namespaceNames).toContain("birth-registration");
    expect(JSON.parse(namespaceJson("en", "common")!).site.name).toBe(serverI18n("en").t("site.name"));
    expect(namespaceJson("en", "nope")).toBeUndefined();
    expect(i18nVersion).toMatch(/^[\w-]{12}$/);
  });
});

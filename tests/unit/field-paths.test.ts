import { describe, expect, it } from "vitest";
import { setAt, valueAt } from "~/lib/field-paths";

describe("field paths", () => {
  it("reads and writes nested answers by form field name without touching the original", () => {
    const original = { children: [{ birthDate: "2021-05-06", sex: "female" }], name: "张丽华" };
    const copy = structuredClone(original);
    setAt(copy, "children[0].sex", "male");
    setAt(copy, "children[1].birthDate", "2024-01-02");
    expect(valueAt(copy, "children[0].sex")).toBe("male");
    expect(valueAt(copy, "children[1].birthDate")).toBe("2024-01-02");
    expect(valueAt(copy, "name")).toBe("张丽华");
    expect(valueAt(copy, "missing.deep")).toBe("");
    expect(original.children[0].sex).toBe("female");
  });
});

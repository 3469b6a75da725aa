import { describe, expect, it } from "vitest";
import { nextReference, referenceSequence } from "~/engine/applications.server";
import birthRegistration from "~/services/birth-registration";
import { databaseUrl } from "~/utils/config.server";
import { db, isPostgresUrl } from "~/utils/db.server";

describe("shared state lives in the database", () => {
  it("runs on the database the test run asked for", () => {
    expect(isPostgresUrl(databaseUrl())).toBe(process.env.TEST_DB === "postgres");
  });

  it("hands out distinct, gapless reference numbers to concurrent submissions", async () => {
    const year = new Date(Date.UTC(2031, 0, 1));
    const names = await Promise.all(Array.from({ length: 5 }, () => referenceSequence(birthRegistration, year)));
    expect(new Set(names).size).toBe(1);
    const refs = await Promise.all(Array.from({ length: 20 }, () => db.$transaction((tx) => nextReference(tx, names[0]))));
    expect(new Set(refs).size).toBe(20);
    expect(refs.map((ref) => Number(ref.slice(-6))).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(refs[0]).toMatch(/^WL-SY-2031-\d{6}$/);
  });
});

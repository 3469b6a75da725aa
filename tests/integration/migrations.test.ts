import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("migrations", () => {
  it("match the schema exactly on the database under test (no drift)", () => {
    // On PostgreSQL this uses prisma/postgres/migrations; on SQLite prisma/migrations.
    const result = spawnSync(
      process.execPath,
      ["scripts/prisma.mjs", "migrate", "diff", "--from-migrations", process.env.TEST_DB === "postgres" ? "prisma/postgres/migrations" : "prisma/migrations", "--to-schema-datamodel", process.env.TEST_DB === "postgres" ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma", "--script", "--exit-code"],
      { encoding: "utf8", env: process.env },
    );
    expect(result.stdout).toContain("This is an empty migration");
    expect(result.status).toBe(0);
  });
});

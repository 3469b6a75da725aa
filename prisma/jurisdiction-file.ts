import { z } from "zod";

/**
 * The format of a county's jurisdiction file (prisma/data/jurisdictions/*.json): the
 * county, its townships and streets (乡镇街道) and their villages and communities, with
 * the national statistical codes (6, 9 and 12 digits). Another county writes its own file
 * and points JURISDICTION_FILE at it.
 */
const place = (digits: number) =>
  z.object({
    code: z.string().regex(new RegExp(`^\\d{${digits}}$`), `a code of ${digits} digits`),
    name: z.string().trim().min(1),
    nameEn: z.string().trim().min(1),
  });

export const jurisdictionFileSchema = z
  .object({
    county: place(6).extend({
      refPrefix: z.string().regex(/^[A-Z]{2,4}$/, "2 to 4 capital letters, the start of every case number"),
      office: z.string().trim().min(1),
      officeEn: z.string().trim().min(1),
    }),
    townships: z.array(place(9).extend({ villages: z.array(place(12)).min(1) })).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>([file.county.code]);
    file.townships.forEach((township, t) => {
      if (!township.code.startsWith(file.county.code)) ctx.addIssue({ code: "custom", path: ["townships", t, "code"], message: `must start with the county code ${file.county.code}` });
      if (seen.has(township.code)) ctx.addIssue({ code: "custom", path: ["townships", t, "code"], message: "duplicate code" });
      seen.add(township.code);
      township.villages.forEach((village, v) => {
        if (!village.code.startsWith(township.code)) ctx.addIssue({ code: "custom", path: ["townships", t, "villages", v, "code"], message: `must start with its township's code ${township.code}` });
        if (seen.has(village.code)) ctx.addIssue({ code: "custom", path: ["townships", t, "villages", v, "code"], message: "duplicate code" });
        seen.add(village.code);
      });
    });
  });

export type JurisdictionFile = z.infer<typeof jurisdictionFileSchema>;

/** Parses a file's JSON, or throws an error that names each problem and where it is. */
export function parseJurisdictionFile(json: unknown, source: string): JurisdictionFile {
  const result = jurisdictionFileSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(file)"}: ${issue.message}`).join("\n");
  throw new Error(`${source} is not a valid jurisdiction file:\n${problems}`);
}

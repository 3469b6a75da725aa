import { z } from "zod";
import { appealsSchema, officeSchema, phoneNumber, retiredCodeSchema, sealPathSchema, serviceHallSchema } from "~/lib/jurisdiction-details";

/**
 * The format of a county's jurisdiction file (prisma/data/jurisdictions/*.json): the
 * county, its townships and streets (乡镇街道) and their villages and communities, with
 * the national statistical codes (6, 9 and 12 digits); the office that decides for each
 * township and its service hall; the bodies and time limits for appeals; and the codes
 * that no longer exist with what replaced them. Codes and names come from the national
 * statistical division codes (`npx tsx scripts/division-data.ts county <file>` refreshes
 * them); the rest is kept by hand. Another county writes its own file and points
 * JURISDICTION_FILE at it.
 */
const place = (digits: number) =>
  z.object({
    code: z.string().regex(new RegExp(`^\\d{${digits}}$`), `a code of ${digits} digits`),
    name: z.string().trim().min(1),
    nameEn: z.string().trim().min(1),
  });

export const jurisdictionFileSchema = z
  .object({
    /** Where the codes and names come from (informational). */
    source: z.record(z.unknown()).optional(),
    county: place(6).extend({
      refPrefix: z.string().regex(/^[A-Z]{2,4}$/, "2 to 4 capital letters, the start of every case number"),
      office: z.string().trim().min(1),
      officeEn: z.string().trim().min(1),
      serviceHall: serviceHallSchema,
      seal: sealPathSchema.optional(),
      hotline: z.object({ name: z.string().trim().min(1), nameEn: z.string().trim().min(1), phone: phoneNumber }).optional(),
      appeals: appealsSchema,
    }),
    townships: z
      .array(
        place(9).extend({
          office: officeSchema,
          serviceHall: serviceHallSchema,
          seal: sealPathSchema.optional(),
          villages: z.array(place(12)).min(1),
        }),
      )
      .min(1),
    retired: z.array(retiredCodeSchema).default([]),
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
    const retired = new Set<string>();
    file.retired.forEach((entry, r) => {
      if (seen.has(entry.code)) ctx.addIssue({ code: "custom", path: ["retired", r, "code"], message: "is a current code: a retired code cannot also be in use" });
      if (retired.has(entry.code)) ctx.addIssue({ code: "custom", path: ["retired", r, "code"], message: "duplicate code" });
      retired.add(entry.code);
      entry.successors.forEach((successor, s) => {
        if (!seen.has(successor)) ctx.addIssue({ code: "custom", path: ["retired", r, "successors", s], message: `${successor} is not a current code in this file` });
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

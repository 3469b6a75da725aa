import { z } from "zod";

// What a county's jurisdiction file says about its offices beyond the place names: the
// office that decides for each township, its service hall, the bodies a refusal can be
// appealed to, and the codes that no longer exist. Checked when the file is seeded
// (prisma/jurisdiction-file.ts) and again when the app reads it back from the database
// (app/utils/jurisdictions.server.ts). A value that could not be confirmed from a public
// source carries `sample: true` and is shown as a sample value to staff.

const text = z.string().trim().min(1);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:MM");

/** 6, 9 or 12 digits: a county, a township or a village. */
export const divisionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, "a code of 6, 9 or 12 digits");

/** A phone number as residents dial it: area code, dash, number (023-77712345), or a short hotline (12345). */
export const phoneNumber = z.string().regex(/^(0\d{2,3}-\d{7,8}|\d{5})$/, "a number like 023-77712345, or a 5-digit hotline");

/** Opening periods on official working days (see ~/lib/working-days), e.g. 09:00–12:00 and 14:00–17:30. */
export const windowHoursSchema = z
  .array(z.object({ from: clock, to: clock }).refine((period) => period.from < period.to, "from must be before to"))
  .min(1);

export const serviceHallSchema = z.object({
  address: text,
  addressEn: text,
  hours: windowHoursSchema,
  phone: phoneNumber,
  sample: z.boolean().optional(),
});

export const officeSchema = z.object({ name: text, nameEn: text, sample: z.boolean().optional() });

/** An image of the office's electronic seal, relative to the seal folder the deployment configures. */
export const sealPathSchema = z.string().regex(/^[\w-]+(\/[\w-]+)*\.(png|svg)$/, "a relative path like seals/500156001.png, no '..'");

export const townshipDetailsSchema = z.object({
  office: officeSchema,
  serviceHall: serviceHallSchema,
  seal: sealPathSchema.optional(),
});

/** Where and by when a refusal can be challenged, with the legal source of each part. */
export const appealRouteSchema = z.object({
  body: text,
  bodyEn: text,
  limit: z.union([z.object({ days: z.number().int().positive() }).strict(), z.object({ months: z.number().int().positive() }).strict()]),
  source: text,
  sourceEn: text,
  note: text.optional(),
  noteEn: text.optional(),
  sample: z.boolean().optional(),
});

export const appealsSchema = z.object({
  /** 行政复议 */
  reconsideration: appealRouteSchema,
  /** 行政诉讼 */
  litigation: appealRouteSchema,
});

/** A code that an ID number, a hukou page or an old record may still carry, and what replaced it. */
export const retiredCodeSchema = z.object({
  code: divisionCode,
  name: text,
  successors: z.array(divisionCode).min(1),
  /** The last year whose statistical division codes list it. */
  lastListed: z.string().regex(/^\d{4}$/),
  basis: text,
});

export const countyDetailsSchema = z.object({
  serviceHall: serviceHallSchema,
  seal: sealPathSchema.optional(),
  hotline: z.object({ name: text, nameEn: text, phone: phoneNumber }).optional(),
  appeals: appealsSchema,
  retired: z.array(retiredCodeSchema),
});

export type WindowHours = z.infer<typeof windowHoursSchema>;
export type ServiceHall = z.infer<typeof serviceHallSchema>;
export type Office = z.infer<typeof officeSchema>;
export type TownshipDetails = z.infer<typeof townshipDetailsSchema>;
export type AppealRoute = z.infer<typeof appealRouteSchema>;
export type Appeals = z.infer<typeof appealsSchema>;
export type RetiredCode = z.infer<typeof retiredCodeSchema>;
export type CountyDetails = z.infer<typeof countyDetailsSchema>;

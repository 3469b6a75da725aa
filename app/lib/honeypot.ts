/** The name of the honeypot field of public forms (components/honeypot.tsx, utils/forms.server.ts). */
export const HONEYPOT_FIELD = "homepage";

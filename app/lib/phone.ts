// Mainland China mobile numbers: 11 digits starting 13x-19x.

/** Returns the bare 11-digit number, or null if the input is not a mainland mobile. */
export function normaliseMobile(input: string): string | null {
  let s = input.replace(/[\s-]+/g, "");
  // Numbers copied from contacts often carry the country code.
  if (s.startsWith("+86")) s = s.slice(3);
  else if (s.startsWith("0086")) s = s.slice(4);
  else if (s.length === 13 && s.startsWith("86")) s = s.slice(2);
  return /^1[3-9]\d{9}$/.test(s) ? s : null;
}

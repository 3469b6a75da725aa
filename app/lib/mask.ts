// Masking of personal data for display (lists, receipts, audit logs), in the
// style residents know from banks and government apps.

/** "张三" → "张*", "欧阳娜娜" → "欧***". Array.from keeps rare characters outside the BMP whole. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length === 0 ? "" : "*";
  return chars[0] + "*".repeat(chars.length - 1);
}

/** 18-digit numbers keep the first 4 (prefecture) and last 4; anything else keeps 2 + 2. */
export function maskResidentId(id: string): string {
  const s = id.replace(/\s+/g, "");
  if (s.length === 18) return s.slice(0, 4) + "*".repeat(10) + s.slice(-4);
  if (s.length <= 4) return "*".repeat(s.length);
  return s.slice(0, 2) + "*".repeat(s.length - 4) + s.slice(-2);
}

/** "13800000001" → "138****0001". */
export function maskPhone(phone: string): string {
  const s = phone.replace(/[\s-]+/g, "");
  if (s.length < 8) return "*".repeat(s.length);
  return s.slice(0, 3) + "*".repeat(s.length - 7) + s.slice(-4);
}

/** "6214832705829716" → "**** **** **** 9716". */
export function maskBankAccount(account: string): string {
  const s = account.replace(/[\s-]+/g, "");
  if (s.length <= 4) return "*".repeat(s.length);
  return "**** ".repeat(Math.ceil((s.length - 4) / 4)) + s.slice(-4);
}

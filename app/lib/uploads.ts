/** What the file inputs offer; the server checks the content itself (engine/materials.server.ts). */
export const UPLOAD_ACCEPT = ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf";
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

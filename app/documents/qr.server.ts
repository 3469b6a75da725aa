/**
 * QR codes as vector rectangles: one rectangle per horizontal run of dark modules, which
 * keeps the content stream small (a PNG QR code doubled the certificate's render time) and
 * leaves no hairline seams between neighbouring modules.
 */
import QRCode from "qrcode";

export type QrModules = {
  /** Number of modules per side. */
  size: number;
  /** Row-major, `size * size` entries, true = dark module. */
  dark: boolean[];
};

/** The QR symbol for `text` (error correction level M) as a plain matrix. */
export function qrModules(text: string): QrModules {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const dark: boolean[] = new Array<boolean>(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) dark[row * size + col] = Boolean(modules.get(row, col));
  }
  return { size, dark };
}

export type QrRun = { row: number; col: number; length: number };

/** Horizontal runs of dark modules, each drawn as one rectangle. */
export function qrRuns(qr: QrModules): QrRun[] {
  const runs: QrRun[] = [];
  for (let row = 0; row < qr.size; row++) {
    let col = 0;
    while (col < qr.size) {
      if (!qr.dark[row * qr.size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < qr.size && qr.dark[row * qr.size + col]) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return runs;
}

import ExcelJS from "exceljs";
import type { Language } from "~/i18n/config";
import { serverT } from "~/i18n/resources.server";
import { findService } from "~/services/registry";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import type { CaseActor } from "./cases.server";
import { rollForExport, totalsByTownship, type LoadedRoll } from "./rolls.server";

/**
 * A payment roll as the finance bureau takes it: XLSX (lines and totals per township) or
 * CSV (lines). Amounts in yuan with two decimals, from integer fen.
 */

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Spreadsheet programs run a cell starting with = + - @ as a formula: such text is quoted. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

async function exportRows(actor: CaseActor, roll: LoadedRoll, lng: Language, request: Request) {
  const t = serverT(lng);
  const index = await jurisdictions();
  const rows = await rollForExport(actor, roll, request);
  const header = ["no", "township", "village", "ref", "name", "idNumber", "bank", "accountHolder", "account", "months", "units", "amount"].map((key) => t(`common:rolls.columns.${key}`));
  const body = rows.map(({ line, name, idNumber, bank }, position) => {
    const [, township, village] = line.jurisdictionPath.split("/").filter(Boolean);
    return [
      String(position + 1),
      localName(index.byCode.get(township ?? ""), lng),
      localName(index.byCode.get(village ?? ""), lng),
      line.applicationRef,
      name,
      idNumber,
      bank?.bank ?? "",
      bank?.holder ?? "",
      bank?.number ?? "",
      line.fromMonth === line.toMonth ? line.fromMonth : `${line.fromMonth}–${line.toMonth}`,
      String(line.units),
      yuan(line.amountFen),
    ];
  });
  return { header, body, t, index };
}

export async function rollCsv(actor: CaseActor, roll: LoadedRoll, lng: Language, request: Request): Promise<string> {
  const { header, body } = await exportRows(actor, roll, lng, request);
  const quote = (value: string) => `"${safeCell(value).replace(/"/g, '""')}"`;
  // A byte-order mark, so spreadsheet programs read the Chinese text as UTF-8.
  return "\uFEFF" + [header, ...body].map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}

export async function rollXlsx(actor: CaseActor, roll: LoadedRoll, lng: Language, request: Request): Promise<Buffer> {
  const { header, body, t, index } = await exportRows(actor, roll, lng, request);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "生育服务一网通办";
  workbook.created = roll.createdAt;
  const service = findService(roll.serviceSlug);
  const sheet = workbook.addWorksheet(t("common:rolls.sheetLines"));
  sheet.addRow([`${service ? t(service.titleKey) : roll.serviceSlug} · ${roll.period}`]);
  sheet.addRow(header);
  for (const row of body) sheet.addRow(row.map((value, column) => (column === 11 ? Number(value) : column === 10 ? Number(value) : safeCell(value))));
  sheet.addRow(["", "", "", "", "", "", "", "", "", "", t("common:rolls.total"), Number(yuan(roll.totalFen))]);
  sheet.getRow(2).font = { bold: true };
  sheet.getColumn(12).numFmt = "0.00";
  sheet.columns.forEach((column, position) => {
    column.width = [6, 14, 14, 20, 10, 20, 16, 10, 22, 18, 6, 12][position];
  });
  const totals = workbook.addWorksheet(t("common:rolls.sheetTotals"));
  totals.addRow([t("common:rolls.columns.township"), t("common:rolls.lines"), t("common:rolls.columns.amount")]);
  for (const [township, total] of totalsByTownship(roll)) totals.addRow([localName(index.byCode.get(township), lng), total.lines, Number(yuan(total.fen))]);
  totals.addRow([t("common:rolls.total"), roll.lineCount, Number(yuan(roll.totalFen))]);
  totals.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

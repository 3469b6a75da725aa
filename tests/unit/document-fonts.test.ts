import { existsSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderCertificate } from "~/documents/certificate.server";
import { certificateExample } from "~/documents/examples.server";
import { fontRuns, MissingGlyphError, primaryFace } from "~/documents/fonts.server";
import { renderDocument } from "~/documents/render.server";
import { darkPixels, pdfFonts, pdfText, popplerMissing } from "../support/pdf";

// Rare characters of names (CJK Extension B), which GB 18030-2022 expects and Noto Sans SC lacks.
const RARE_NAME = "张𠮷𡈽";

afterEach(() => vi.restoreAllMocks());

describe("document fonts", () => {
  it("are parsed once per process and shared by every document", () => {
    expect(primaryFace("regular")).toBe(primaryFace("regular"));
    const [first] = fontRuns("张", "regular");
    const [again] = fontRuns("李", "regular");
    expect(first.face).toBe(again.face);
    expect(first.face).toBe(primaryFace("regular"));
  });

  it("split a name into runs by glyph coverage, switching to the fallback face for Extension B", () => {
    const runs = fontRuns(RARE_NAME, "regular");
    expect(runs.map((run) => [run.face.key, run.text])).toEqual([
      ["NotoSansSC-Regular", "张"],
      ["SourceHanSansSC-Regular", "𠮷𡈽"],
    ]);
    expect(fontRuns(`${RARE_NAME}丽华`, "bold").map((run) => run.face.key)).toEqual(["NotoSansSC-Bold", "SourceHanSansSC-Bold", "NotoSansSC-Bold"]);
  });

  it("print tabs as spaces and drop control and zero-width characters pasted into a name", () => {
    expect(fontRuns("张\t三\u200B\uFEFF\u0007", "regular").map((run) => run.text).join("")).toBe("张 三");
    expect(fontRuns("葛\u{E0100}", "regular")).toHaveLength(1);
  });

  it("fail loudly on a character no font has, naming the code point and not the text", () => {
    expect(() => fontRuns("王\u{10FFFD}", "regular", { strict: true })).toThrow(MissingGlyphError);
    expect(() => fontRuns("王\u{10FFFD}", "regular", { strict: true })).toThrow(/U\+10FFFD/);
    try {
      fontRuns("王\u{10FFFD}", "regular", { strict: true });
    } catch (error) {
      expect((error as Error).message).not.toContain("王");
    }
  });

  it("are strict under NODE_ENV=test, so a test that prints such a character fails", async () => {
    expect(process.env.NODE_ENV).toBe("test");
    await expect(renderDocument({ page: "A4", info: { title: "t", author: "a" }, blocks: [{ kind: "paragraph", text: "姓名：王\u{10FFFD}" }] })).rejects.toThrow(MissingGlyphError);
  });

  it("outside strict mode print 〓 in its place and log the code point only", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const runs = fontRuns("秘密王\u{10FFFC}", "regular", { strict: false });
    expect(runs.map((run) => run.text).join("")).toBe("秘密王〓");
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0][0]);
    expect(message).toContain("U+10FFFC");
    expect(message).not.toContain("秘密");
  });

  it.skipIf(popplerMissing)("print rare characters of a name in the PDF's text layer, in regular and bold", async () => {
    const pdf = await renderCertificate({
      ...certificateExample,
      title: { text: `${RARE_NAME}的凭证`, translation: "Certificate" },
      fields: [{ label: { text: "女方姓名", translation: "Woman's name" }, value: RARE_NAME }, ...certificateExample.fields.slice(1)],
    });
    const text = pdfText(pdf);
    expect(text).toContain(RARE_NAME);
    expect(text).toContain(`${RARE_NAME}的凭证`);
    const fonts = pdfFonts(pdf).join("\n");
    expect(fonts).toContain("SourceHanSansSC-Regular");
    expect(fonts).toContain("SourceHanSansSC-Bold");
    // The fallback face is subset without its subroutines: the certificate stays small.
    expect(pdf.length).toBeLessThan(100 * 1024);
  });

  it.skipIf(popplerMissing)("draw the fallback glyphs' outlines (the subroutine-free CFF subset renders)", async () => {
    const page = (text: string) => renderDocument({ page: "A4", info: { title: "t", author: "a" }, blocks: [{ kind: "heading", text }, { kind: "paragraph", text, size: "large" }] });
    const blank = darkPixels(await page("　"));
    const rare = darkPixels(await page("𠮷𡈽𠮷𡈽"));
    const common = darkPixels(await page("吉土吉土"));
    expect(rare.errors).toBe("");
    // Ink roughly like the common characters of the same structure, not empty boxes or nothing.
    expect(rare.dark - blank.dark).toBeGreaterThan((common.dark - blank.dark) * 0.6);
    expect(rare.dark - blank.dark).toBeLessThan((common.dark - blank.dark) * 1.8);
  });

  it.skipIf(popplerMissing || !existsSync("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"))(
    "reach Extensions B to F through HanaMinB when Debian's fonts-hanazono is installed",
    async () => {
      // U+2A6D6 (the last of Extension B) and U+2B740 (Extension D) are not in Source Han Sans.
      const name = "李\u{2A6D6}\u{2B740}";
      expect(fontRuns(name, "regular").map((run) => run.face.key)).toEqual(["NotoSansSC-Regular", "HanaMinB"]);
      const pdf = await renderDocument({ page: "A4", info: { title: "t", author: "a" }, blocks: [{ kind: "paragraph", text: name }] });
      expect(pdfText(pdf)).toContain(name);
    },
  );
});

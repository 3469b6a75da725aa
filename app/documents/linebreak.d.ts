// Types for linebreak (UAX #14 line breaking, pdfkit's own dependency), which ships none.
declare module "linebreak" {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}

/** One figure of `npm run bench`, beside the floor it is read against (bench/run.ts prints and stores them). */
export type BenchRow = {
  name: string;
  value: number;
  unit: string;
  /** The same figure for the bare reference, measured in the same run. */
  floor?: number;
  floorName?: string;
  /** The target, in words: "≥ 0.7 × floor". */
  target?: string;
  ok?: boolean;
};

/** What every bench/*.bench.ts module exports. */
export type BenchModule = { run: () => Promise<BenchRow[]> };

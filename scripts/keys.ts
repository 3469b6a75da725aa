// Key management (docs/decisions/007-keys.md):
//
//   npm run keys:rotate [-- --wait <seconds>]   new data key, re-seal everything, retire the old ones
//   npm run keys -- rotate-signing               new certificate and statement keys (old ones still verify)
//   npm run keys -- retire <kid>                 a key is used for nothing any more
//   npm run keys -- list                         keys, their status, and what each data key seals
import { db } from "~/utils/db.server";
import { addKey, listKeys, retireKey } from "~/utils/keys.server";
import { rotateDataKey, sealedKeyUsage } from "~/utils/sealed-columns.server";

async function main(args: string[]) {
  const [command, ...rest] = args;
  if (command === "rotate") {
    const wait = rest.indexOf("--wait");
    const report = await rotateDataKey({ waitMs: wait >= 0 ? Number(rest[wait + 1]) * 1000 : undefined, log: (line) => console.log(`keys: ${line}`) });
    console.log(`keys: done: ${report.values} values and ${report.files} files now under ${report.kid}`);
  } else if (command === "rotate-signing") {
    console.log(`keys: certificate key ${await addKey("certificate")} and statement key ${await addKey("statement")} are active; earlier ones still verify until retired`);
  } else if (command === "retire" && rest[0]) {
    await retireKey(rest[0]);
    console.log(`keys: ${rest[0]} retired`);
  } else if (command === "list") {
    const usage = await sealedKeyUsage();
    for (const key of await listKeys()) {
      console.log([key.id, key.purpose, key.algorithm, key.status, key.createdAt.toISOString(), key.purpose === "data" ? `${usage[key.id] ?? 0} sealed` : ""].join("\t"));
    }
    for (const kid of Object.keys(usage).filter((kid) => kid === "v1" || kid === "plain")) console.log(`${kid}\t${usage[kid]} values`);
  } else {
    console.error("usage: keys rotate [--wait seconds] | rotate-signing | retire <kid> | list");
    process.exitCode = 2;
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error("keys:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}

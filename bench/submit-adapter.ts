// The one place that knows how a complete submission goes through the portal's pages:
// start (or resume) the draft, answer each step the journey asks for, upload the
// materials, declare and submit. It follows the redirects rather than a fixed list of
// steps, so it keeps working while the case engine changes; update it here if the
// addresses or field names change.
import { answersWith, matchingAnswers, withCheckDigit } from "../app/services/birth-registration/examples";
import { expectRedirect, type Browser } from "./lib/http";

export const SERVICE = "birth-registration";
const STEP = /^\/apply\/([^/?]+)\/([A-Za-z]+)/;
type StepAnswers = Record<string, Record<string, unknown>>;
const answers = matchingAnswers as unknown as StepAnswers;

// A couple holds one live registration per child order, so every submission needs its own
// couple. Numbers start at a random point so that runs against the same database don't meet.
let nextCouple = Math.floor(Math.random() * 400_000);

function dayAfter(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}

/** The example answers with a couple nobody else has filed (not in the population records, so sent to review). */
export function freshCoupleAnswers(): StepAnswers {
  const couple = nextCouple++;
  const day = couple % 2000;
  // Sequence digits: even for women, odd for men (GB 11643); 200 couples share a birth date.
  const sequence = (couple / 2000) % 200 | 0;
  const womanId = withCheckDigit(`500156${dayAfter("1986-01-01", day)}${String(sequence * 2 + 600).padStart(3, "0")}`);
  const manId = withCheckDigit(`500156${dayAfter("1984-01-01", day)}${String(sequence * 2 + 601).padStart(3, "0")}`);
  const birth = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return answersWith(matchingAnswers, {
    woman: { idNumber: womanId, birthDate: birth(womanId) },
    man: { idNumber: manId, birthDate: birth(manId) },
  }) as unknown as StepAnswers;
}

/** Form fields as a browser posts them: nested lists become `children[0].sex`. */
function formFields(values: Record<string, unknown>, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) value.forEach((item, index) => Object.assign(out, formFields(item as Record<string, unknown>, `${name}[${index}]`)));
    else if (value && typeof value === "object") Object.assign(out, formFields(value as Record<string, unknown>, name));
    else if (value !== undefined) out[name] = String(value);
  }
  return out;
}

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const MATERIALS = ["womanIdCard", "manIdCard", "womanHukou", "manHukou", "marriageCert"];

/** Starts or resumes the citizen's draft; answers with the first step's address (/apply/<id>/<step>). */
export async function startDraft(browser: Browser): Promise<string> {
  let location = expectRedirect(await browser.post(`/services/${SERVICE}/apply`, {}), "start");
  while (!STEP.test(location)) location = expectRedirect(await browser.get(location), `resume ${location}`);
  return location;
}

/** Answers every step from `location` on, uploads included; answers with the review page's address. */
export async function fillUntilReview(browser: Browser, location: string, stepAnswers: StepAnswers = freshCoupleAnswers()): Promise<string> {
  for (let hops = 0; hops < 20; hops += 1) {
    const [, , step] = STEP.exec(location) ?? [];
    if (!step) throw new Error(`not a step: ${location}`);
    if (step === "review") return location;
    let reply;
    if (step === "materials") {
      const form = new FormData();
      for (const key of MATERIALS) form.set(key, new Blob([PNG], { type: "image/png" }), `${key}.png`);
      reply = await browser.post(location, form);
    } else {
      if (!stepAnswers[step]) throw new Error(`no example answers for step ${step}`);
      reply = await browser.post(location, formFields(stepAnswers[step]));
    }
    location = expectRedirect(reply, `step ${step}`, STEP);
  }
  throw new Error("the journey did not reach the review");
}

/** Declares and submits from the review page; answers with the case reference. */
export async function submitReview(browser: Browser, review: string): Promise<string> {
  const reply = await browser.post(review, { declaration: "yes" });
  return /\/applications\/([^?]+)\?submitted=1/.exec(expectRedirect(reply, "submit", /submitted=1/))![1];
}

/** The answers of one step as the form posts them (for a test that saves a single step). */
export function stepFields(step: string): Record<string, string> {
  return formFields(answers[step]);
}

/** One complete application by a signed-in citizen; answers with its reference. */
export async function submitOne(browser: Browser): Promise<string> {
  return submitReview(browser, await fillUntilReview(browser, await startDraft(browser)));
}

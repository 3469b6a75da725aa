// A small HTTP client that behaves like a browser without JavaScript: it keeps cookies,
// sends the Origin header on posts, and carries the page's CSRF token in each form.
/**
 * fetch, once more when a GET met a kept-alive connection that the server had just closed
 * after its idle timeout (after a long pause, e.g. while the generator filled the database).
 */
export async function fetchRetryingIdle(url: URL | string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if ((init.method ?? "GET") !== "GET" || (code !== "UND_ERR_SOCKET" && code !== "ECONNRESET")) throw error;
    return fetch(url, init);
  }
}

export type Reply = { status: number; location: string | null; body: string };

export class Browser {
  private readonly cookies = new Map<string, string>();
  private csrf = "";
  /** Requests sent so far (a submission's cost in round trips). */
  requests = 0;

  constructor(readonly base: string) {}

  /** Takes over another client's cookies and form token: the same person on another instance. */
  adopt(other: Browser): this {
    for (const [name, value] of other.cookies) this.cookies.set(name, value);
    this.csrf = other.csrf;
    return this;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...value] = pair.split("=");
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Reply> {
    const headers = new Headers(init.headers);
    headers.set("Cookie", this.cookieHeader());
    headers.set("Accept-Language", "zh-CN");
    if (init.method && init.method !== "GET") headers.set("Origin", this.base);
    this.requests += 1;
    const response = await fetchRetryingIdle(new URL(path, this.base), { ...init, headers, redirect: "manual" });
    this.remember(response);
    const body = await response.text();
    const token = /name="csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, location: response.headers.get("Location"), body };
  }

  get(path: string): Promise<Reply> {
    return this.request(path);
  }

  /** Posts a form (urlencoded, or multipart when given FormData) with the CSRF token. */
  async post(path: string, fields: Record<string, string> | FormData): Promise<Reply> {
    if (!this.csrf) await this.get("/login");
    if (fields instanceof FormData) {
      // The token goes first, as a browser sends it: the server accepts no file byte before it.
      const form = new FormData();
      form.set("csrf", this.csrf);
      for (const [name, value] of fields) if (name !== "csrf") form.append(name, value);
      return this.request(path, { method: "POST", body: form });
    }
    return this.request(path, { method: "POST", body: new URLSearchParams({ ...fields, csrf: this.csrf }) });
  }
}

/** Fails loudly when a step of a scripted journey did not answer as expected. */
export function expectRedirect(reply: Reply, what: string, pattern: RegExp = /./): string {
  if (reply.status < 300 || reply.status >= 400 || !reply.location || !pattern.test(reply.location)) {
    const hint = /<title>([^<]*)/.exec(reply.body)?.[1] ?? reply.body.slice(0, 200);
    throw new Error(`${what}: expected a redirect${pattern.source === "." ? "" : ` to ${pattern}`}, got ${reply.status} ${reply.location ?? ""} (${hint})`);
  }
  return reply.location;
}

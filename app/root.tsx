import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLoaderData, useLocation, useMatches, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { useNonce } from "~/components/nonce";
import { DEFAULT_LANGUAGE, LANGUAGES, namespaceUrl, type Language } from "~/i18n/config";
import { detectLanguage } from "~/i18n/detect.server";
import { pageNamespaces } from "~/i18n/namespaces";
import { translate } from "~/i18n/registry";
import { i18nVersion, namespaceNames } from "~/i18n/resources.server";
import { getUser } from "~/utils/auth.server";
import { csrfToken } from "~/utils/forms.server";
import { outboxEnabled } from "~/utils/sms.server";
import { errorPage as enErrorPage } from "./i18n/locales/en/common.json";
import { errorPage as zhErrorPage } from "./i18n/locales/zh-CN/common.json";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Used only where no page gives its own title: error pages, including the 404 for an unknown address. */
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const site = translate(data?.lng, "site.name") ?? "武隆区生育服务一网通办 · Wulong Family Services Online";
  if (!error) return [{ title: site }];
  const key = isRouteErrorResponse(error) && error.status === 404 ? "notFound" : "generic";
  return [{ title: `${translate(data?.lng, `errorPage.${key}.title`) ?? zhErrorPage[key].title} - ${site}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const lng = detectLanguage(request);
  const user = await getUser(request);
  return {
    lng,
    // No texts here: the page names its namespaces and the browser fetches them (app/i18n/client.ts).
    i18n: { version: i18nVersion, namespaces: namespaceNames },
    csrf: csrfToken(request),
    user: user ? { name: user.name, kind: user.kind, role: user.role } : null,
    outbox: outboxEnabled(),
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

function LanguageSwitch({ lng }: { lng: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <ul className="flex gap-3 text-sm" aria-label={t("nav.language")}>
      {LANGUAGES.map((code) => {
        const params = new URLSearchParams(location.search);
        params.set("lng", code);
        return (
          <li key={code}>
            {code === lng ? (
              <span aria-current="true" className="font-bold text-white">
                {t(`languages.${code}`)}
              </span>
            ) : (
              <a href={`${location.pathname}?${params}`} lang={code} hrefLang={code} className="text-white">
                {t(`languages.${code}`)}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Header({ data }: { data: RootLoaderData }) {
  const { t } = useTranslation();
  const staff = data.user?.kind === "staff";
  return (
    <header className="bg-brand-700 text-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 focus:text-brand-800">
        {t("nav.skip")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to={staff ? "/staff/queue" : "/"} className="text-white no-underline hover:text-white">
          <span className="block text-lg font-bold sm:text-xl">{t("site.name")}</span>
          <span className="block text-sm text-brand-100">{staff ? t("site.staffTagline") : t("site.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.account")} className="flex flex-wrap items-center gap-4">
          <LanguageSwitch lng={data.lng} />
          {data.user ? (
            <>
              {staff ? (
                <Link to="/staff/queue" className="text-white">
                  {t("nav.queue")}
                </Link>
              ) : (
                <Link to="/applications" className="text-white">
                  {t("nav.myApplications")}
                </Link>
              )}
              <span className="text-sm text-brand-100">{data.user.name}</span>
              <Form method="post" action="/logout">
                <CsrfInput />
                <button type="submit" className="text-white underline">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login" className="text-white">
                {t("nav.signIn")}
              </Link>
              <Link to="/signup" className="text-white">
                {t("nav.signUp")}
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

function Footer({ data }: { data: RootLoaderData }) {
  const { t } = useTranslation();
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-slate-700">
        <p>{t("site.footer")}</p>
        <ul className="flex gap-4">
          <li>
            <Link to="/verify">{t("nav.verify")}</Link>
          </li>
          <li>
            <Link to="/staff/login">{t("nav.staff")}</Link>
          </li>
          {data.outbox ? (
            <li>
              <Link to="/dev/outbox">{t("nav.outbox")}</Link>
            </li>
          ) : null}
        </ul>
      </div>
    </footer>
  );
}

/**
 * Holds the page back until its namespaces are loaded. Navigations run in a transition, so
 * the browser keeps showing the previous page meanwhile; on the server everything is loaded.
 */
function PageTranslations({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  useTranslation(namespaces, { useSuspense: true });
  return children;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData("root") as RootLoaderData | undefined;
  const lng = data?.lng ?? DEFAULT_LANGUAGE;
  const matches = useMatches();
  const key = pageNamespaces(
    matches.map((match) => match.data),
    data?.i18n.namespaces ?? [],
  ).join(",");
  const namespaces = useMemo(() => key.split(","), [key]);
  // A page that needs no script says so (`export const handle = { scripts: false }`) and ships none.
  const scripts = !matches.some((match) => (match.handle as { scripts?: boolean } | undefined)?.scripts === false);
  // Preloads serve the first page only; later pages fetch what they lack (PageTranslations).
  const [preloads] = useState(scripts ? namespaces : []);
  const nonce = useNonce();
  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* The page's texts, fetched while the scripts load (read by app/entry.client.tsx). */}
        {data
          ? preloads.map((ns) => <link key={ns} rel="preload" as="fetch" crossOrigin="anonymous" href={namespaceUrl(lng, ns, data.i18n.version)} data-i18n-ns={ns} />)
          : null}
      </head>
      <body className="flex min-h-screen flex-col">
        <Suspense fallback={null}>
          <PageTranslations namespaces={namespaces}>
            {data ? <Header data={data} /> : null}
            <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-8">
              {children}
            </main>
            {data ? <Footer data={data} /> : null}
          </PageTranslations>
        </Suspense>
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

type ErrorKey = "notFound" | "forbidden" | "csrf" | "generic";

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const rootData = useRouteLoaderData("root") as RootLoaderData | undefined;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key: ErrorKey = status === 404 ? "notFound" : status === 403 ? (isRouteErrorResponse(error) && error.data === "csrf" ? "csrf" : "forbidden") : "generic";
  if (!isRouteErrorResponse(error)) console.error(error);
  // Without the root loader's data (no route matched, or the root loader failed) the
  // translations are not loaded: say it in both languages, from the locale files.
  if (!rootData) {
    return (
      <div className="card">
        {([["zh-CN", zhErrorPage], ["en", enErrorPage]] as const).map(([lng, texts]) => (
          <div key={lng} lang={lng} className="mb-4">
            <h1 className="text-2xl font-bold">{texts[key].title}</h1>
            <p className="mt-2">{texts[key].body}</p>
          </div>
        ))}
        <p>
          <Link to="/">
            <span lang="zh-CN">{zhErrorPage.home}</span> / <span lang="en">{enErrorPage.home}</span>
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="card">
      <h1 className="text-2xl font-bold">{t(`errorPage.${key}.title`)}</h1>
      <p className="mt-3">{t(`errorPage.${key}.body`)}</p>
      <p className="mt-4">
        <Link to="/">{t("errorPage.home")}</Link>
      </p>
    </div>
  );
}

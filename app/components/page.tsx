import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="mb-4">
      <Link to={to} className="inline-flex items-center gap-1">
        <span aria-hidden="true">‹</span> {children}
      </Link>
    </p>
  );
}

export function PageTitle({ children, caption }: { children: ReactNode; caption?: ReactNode }) {
  return (
    <div className="mb-6">
      {caption ? <p className="text-base text-slate-600">{caption}</p> : null}
      <h1 className="text-2xl font-bold sm:text-3xl">{children}</h1>
    </div>
  );
}

export function Notice({ tone = "info", children, role }: { tone?: "info" | "success" | "warning"; children: ReactNode; role?: "status" | "alert" }) {
  const tones = {
    info: "border-brand-600 bg-brand-50",
    success: "border-green-700 bg-green-50",
    warning: "border-amber-600 bg-amber-50",
  } as const;
  return (
    <div role={role} className={`mb-6 rounded-md border-l-4 p-4 ${tones[tone]}`}>
      {children}
    </div>
  );
}

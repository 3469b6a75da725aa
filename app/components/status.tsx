import { useTranslation } from "react-i18next";

const tones: Record<string, string> = {
  draft: "bg-slate-200 text-slate-900",
  in_review: "bg-brand-100 text-brand-800",
  notice: "bg-brand-100 text-brand-800",
  closed: "bg-slate-200 text-slate-900",
  returned: "bg-amber-100 text-amber-900",
  approved: "bg-green-100 text-green-900",
  rejected: "bg-red-100 text-red-900",
  withdrawn: "bg-slate-200 text-slate-900",
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <strong className={`tag ${tones[status] ?? tones.draft}`}>{t(`status.${status}`)}</strong>;
}

export type TimelineEntry = { id: string; at: string; atText: string; type: string; who: string; note: string | null; extra?: React.ReactNode };

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <ol className="relative space-y-4 border-l-2 border-brand-100 pl-5">
      {entries.map((entry) => (
        <li key={entry.id} data-testid="timeline-entry">
          <p className="font-semibold">{t(`events.${entry.type}`)}</p>
          <p className="text-sm text-slate-700">
            <time dateTime={entry.at}>{entry.atText}</time> · {entry.who}
          </p>
          {entry.note ? <p className="mt-1 whitespace-pre-wrap rounded bg-slate-100 p-2">{entry.note}</p> : null}
          {entry.extra}
        </li>
      ))}
    </ol>
  );
}

/**
 * The dashboard's accompaniment line (issue 9 §6), for people who may read accompaniment: the
 * organisation's hearings attended and missed and the people on runs, over the dashboard's dates
 * when they are whole days, else this year so far — with a link to the figures page.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api';
import { t } from '../../../i18n/i18n';
import { Link } from '../../../router';
import { summaryPeriod } from './period';


export function AccompanimentSummary({ from, to }: { from: string; to: string }) {
  const period = summaryPeriod(from, to, new Date().toISOString().slice(0, 10));
  const [f, setF] = useState<{ attendance: { presented: number; missed: number }; people: number } | null>(null);
  useEffect(() => {
    let alive = true;
    api<{ attendance: { presented: number; missed: number }; people: number }>('POST', '/api/v1/accompaniment/figures', period).then(
      (r) => alive && setF(r),
      () => alive && setF(null),
    );
    return () => { alive = false; };
  }, [period.from, period.to]);
  if (!f) return null;
  return (
    <section class="dash-section" aria-labelledby="dash-acc-h">
      <h2 id="dash-acc-h">{t('acc.figures.dashTitle')}</h2>
      <p>{t('acc.figures.dashLine', { presented: f.attendance.presented, missed: f.attendance.missed, people: f.people, from: period.from, to: period.to })}</p>
      <p><Link href="/accompaniment/figures">{t('acc.figures.dashLink')}</Link></p>
    </section>
  );
}

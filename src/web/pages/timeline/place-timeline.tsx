/**
 * A place's timeline (issue 5): for a country or one of its states, how many incidents there were
 * per month, quarter or year and the incidents themselves in date order, a page at a time. The
 * chosen place stays in this page's memory and in POST bodies — never in the URL or the page title
 * (browser history survives a seizure); it is wiped on sign-out or seal. Towns are not offered: the
 * search's memory index holds places no finer than a state (ADR 0013).
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { onReset, useAppState } from '../../state';
import { PageTitle, SelectField } from '../../components/ui';
import { countryName, stateName } from '../../lib/format';
import { countryOptions, stateOptions } from '../../lib/options';
import type { Breakdown, Granularity } from '../../types';
import { usePost } from '../dashboard/use-post';
import { ProblemAlert } from '../dashboard/problem-alert';
import { OrderToggle } from './entries';
import { PlaceCounts, granularityLabel } from './place-counts';
import { PlaceIncidents, type PlaceFilter } from './place-incidents';

interface Choice {
  country: string;
  state: string;
  granularity: Granularity;
}
const none = (): Choice => ({ country: '', state: '', granularity: 'year' });

/** What the page remembers while the session lasts. */
const memory: { choice: Choice; shown: Choice | null; order: 'desc' | 'asc' } = { choice: none(), shown: null, order: 'desc' };
onReset(() => {
  memory.choice = none();
  memory.shown = null;
  memory.order = 'desc';
});

export function PlaceTimelinePage() {
  const { places } = useAppState();
  const [choice, setChoice] = useState<Choice>(memory.choice);
  const [shown, setShown] = useState<Choice | null>(memory.shown);
  const [order, setOrder] = useState<'desc' | 'asc'>(memory.order);
  const [problem, setProblem] = useState('');
  if (!places) return null;

  const change = (c: Choice) => {
    memory.choice = c;
    setChoice(c);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (!choice.country) {
      setProblem(t('timeline.chooseCountry'));
      return;
    }
    setProblem('');
    memory.shown = choice;
    setShown(choice);
  };
  const reorder = (o: 'desc' | 'asc') => {
    memory.order = o;
    setOrder(o);
  };
  const granularities: Granularity[] = ['month', 'quarter', 'year'];
  return (
    <div class="timeline">
      <PageTitle>{t('title.placeTimeline')}</PageTitle>
      <p class="hint">{t('timeline.placeIntro')}</p>
      <form class="tl-place-form" onSubmit={submit} aria-label={t('timeline.choosePlace')} noValidate>
        <div class="grid-2">
          <SelectField id="tl-country" label={t('facet.country')} value={choice.country} onValue={(v) => change({ ...choice, country: v, state: '' })} empty={t('timeline.pickCountry')} options={countryOptions(places)} required errors={problem ? [problem] : undefined} />
          <SelectField id="tl-state" label={t('facet.state')} value={choice.state} onValue={(v) => change({ ...choice, state: v })} empty={t('timeline.wholeCountry')} options={choice.country ? stateOptions(places, choice.country) : []} />
        </div>
        <SelectField id="tl-granularity" label={t('dashboard.countBy')} value={choice.granularity} onValue={(v) => change({ ...choice, granularity: v as Granularity })} options={granularities.map((g) => ({ value: g, label: granularityLabel(g) }))} />
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {t('timeline.show')}
          </button>
        </div>
      </form>
      {shown && <PlaceResults key={`${shown.country}|${shown.state}|${shown.granularity}`} choice={shown} order={order} onOrder={reorder} />}
    </div>
  );
}

function PlaceResults({ choice, order, onOrder }: { choice: Choice; order: 'desc' | 'asc'; onOrder: (o: 'desc' | 'asc') => void }) {
  const { places } = useAppState();
  const filter: PlaceFilter = choice.state ? { state: [choice.state] } : { country: [choice.country] };
  const place = choice.state ? `${stateName(places, choice.state)}, ${countryName(places, choice.country)}` : countryName(places, choice.country);
  const yearly = usePost<Breakdown>('/api/v1/stats/breakdown', { ...filter, dimension: 'country', granularity: 'year' });
  const chosen = usePost<Breakdown>('/api/v1/stats/breakdown', choice.granularity === 'year' ? null : { ...filter, dimension: 'country', granularity: choice.granularity });
  const counts = choice.granularity === 'year' ? yearly : chosen;
  const y = yearly.data;
  const perYear = new Map((y?.buckets ?? []).map((b, i) => [b, y!.totals[i] ?? 0]));
  return (
    <>
      <p class="tl-summary">{t('timeline.placeShown', { place })}</p>
      <OrderToggle order={order} onOrder={onOrder} />
      <section class="dash-section" aria-labelledby="tl-counts-h" aria-busy={counts.busy}>
        <h2 id="tl-counts-h">{t('timeline.countsTitle')}</h2>
        <ProblemAlert error={counts.error} />
        {counts.data && <PlaceCounts breakdown={counts.data} granularity={choice.granularity} order={order} place={place} />}
      </section>
      {y && <PlaceIncidents key={order} filter={filter} order={order} perYear={perYear} undated={y.undated} />}
    </>
  );
}

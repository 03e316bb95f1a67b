/**
 * The dashboard's filters — words, country, kind of act, perpetrator, victim's role, from / to —
 * with the list page's fields (vocabulary selects, partial dates). Applied together with one button;
 * folded away by default so the numbers come first on a phone.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { useAppState } from '../../state';
import { SelectField, TextField } from '../../components/ui';
import { VocabSelect } from '../../components/vocab-select';
import { PartialDateField } from '../../components/date-fields';
import { countryOptions } from '../../lib/options';
import { partsOf, joinParts, type DateParts } from '../incident-form/model';
import { emptyFilters, endsBefore, type Filters } from './model';

type Choice = Omit<Filters, 'from' | 'to'>;

export function FilterForm({ filters, onApply, problems }: { filters: Filters; onApply: (f: Filters) => void; problems: { from?: string[]; to?: string[] } }) {
  const { places } = useAppState();
  const [choice, setChoice] = useState<Choice>(filters);
  const [from, setFrom] = useState<DateParts>(partsOf(filters.from));
  const [to, setTo] = useState<DateParts>(partsOf(filters.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const set = (k: keyof Choice) => (v: string) => setChoice({ ...choice, [k]: v });

  const submit = (e: Event) => {
    e.preventDefault();
    const f = joinParts(from);
    const u = joinParts(to);
    const found: { from?: string; to?: string } = {};
    if (f.problem) found.from = f.problem;
    if (u.problem) found.to = u.problem;
    else if (f.value && u.value && endsBefore(u.value, f.value)) found.to = t('problem.endBeforeStart');
    setErrors(found);
    if (!found.from && !found.to) onApply({ ...choice, from: f.value, to: u.value });
  };
  const clear = () => {
    const none = emptyFilters();
    setChoice(none);
    setFrom(partsOf(''));
    setTo(partsOf(''));
    setErrors({});
    onApply(none);
  };
  const active = Object.values(filters).filter(Boolean).length;
  const any = t('dashboard.any');

  return (
    <details class="dash-filters">
      <summary>{t('list.filtersButton', { count: active })}</summary>
      <form onSubmit={submit} aria-label={t('list.filters')}>
        <TextField id="dash-q" type="search" label={t('dashboard.words')} hint={t('list.searchHint')} value={choice.q} onValue={set('q')} />
        <div class="grid-2">
          {places && <SelectField id="dash-country" label={t('facet.country')} value={choice.country} onValue={set('country')} empty={any} options={countryOptions(places)} />}
          <VocabSelect id="dash-act" label={t('facet.act')} scheme="act" value={choice.act} onValue={set('act')} empty={any} />
          <VocabSelect id="dash-perpetrator" label={t('facet.perpetrator')} scheme="perpetrator" value={choice.perpetrator} onValue={set('perpetrator')} empty={any} />
          <VocabSelect id="dash-role" label={t('facet.role')} scheme="victim_role" value={choice.role} onValue={set('role')} empty={any} />
        </div>
        <div class="grid-2">
          <PartialDateField path="dash.from" legend={t('list.from')} value={from} onValue={setFrom} errors={errors.from ? [errors.from] : problems.from} />
          <PartialDateField path="dash.to" legend={t('list.to')} value={to} onValue={setTo} errors={errors.to ? [errors.to] : problems.to} />
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {t('dashboard.apply')}
          </button>
          <button type="button" class="btn" onClick={clear}>
            {t('list.clearFilters')}
          </button>
        </div>
      </form>
    </details>
  );
}

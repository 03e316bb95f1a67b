/** Where: country → state → town, then crossing, route segment, precision, and the private point. */
import { t } from '../../i18n/i18n';
import { getState } from '../../state';
import { SelectField, TextField, IdentBadge } from '../../components/ui';
import { VocabSelect } from '../../components/vocab-select';
import { countryOptions, stateOptions, crossingOptions } from '../../lib/options';
import { fieldId, type Problems } from '../../lib/problems';
import type { FPlace } from './model';

export function PlaceFields({ value, onValue, problems, detailsOpen, onDetails }: { value: FPlace; onValue: (v: FPlace) => void; problems: Problems; detailsOpen: boolean; onDetails: (open: boolean) => void }) {
  const places = getState().places!;
  const states = stateOptions(places, value.country);
  const set = (patch: Partial<FPlace>) => onValue({ ...value, ...patch });
  const localities = places.localities.filter((l) => (value.state ? l.state === value.state : value.country ? l.country === value.country : true));
  const crossings = crossingOptions(places, value.country);
  const pe = (k: string) => problems.get(`place.${k}`);
  return (
    <div class="group">
      <h2 class="group-legend">{t('form.where')}</h2>
      <div class="grid-3">
        <SelectField
          id={fieldId('place.country')}
          label={t('field.country')}
          value={value.country}
          empty="—"
          options={countryOptions(places)}
          errors={pe('country')}
          onValue={(country) => {
            const st = places.states.find((s) => s.code === value.state);
            const cr = places.crossings.find((c) => c.code === value.crossing);
            set({ country, state: st && st.country === country ? value.state : '', crossing: cr && (!country || cr.countries.includes(country)) ? value.crossing : '' });
          }}
        />
        {(states.length > 0 || value.state) && value.country !== '' && (
          <SelectField id={fieldId('place.state')} label={t('field.state')} value={value.state} empty="—" options={states} errors={pe('state')} onValue={(state) => set({ state })} />
        )}
        <TextField id={fieldId('place.locality')} label={t('field.locality')} value={value.locality} onValue={(locality) => set({ locality })} list="localities" errors={pe('locality')} hint={t('form.localityHint')} />
        <datalist id="localities">
          {localities.map((l) => (
            <option key={`${l.state}:${l.name}`} value={l.name} />
          ))}
        </datalist>
      </div>
      <details class="more" open={detailsOpen} onToggle={(e) => onDetails((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('form.morePlace')}</summary>
        <div class="grid-3">
          <SelectField id={fieldId('place.crossing')} label={t('field.crossing')} value={value.crossing} empty="—" options={crossings} errors={pe('crossing')} onValue={(crossing) => set({ crossing })} />
          <VocabSelect id={fieldId('place.routeSegment')} label={t('field.routeSegment')} scheme="route_segment" value={value.routeSegment} empty="—" errors={pe('routeSegment')} onValue={(routeSegment) => set({ routeSegment })} />
          <SelectField
            id={fieldId('place.precision')}
            label={t('field.precision')}
            hint={t('form.precisionHint')}
            value={value.precision}
            errors={pe('precision')}
            onValue={(precision) => set({ precision })}
            options={[
              { value: '', label: t('precision.auto') },
              { value: 'country', label: t('precision.country') },
              { value: 'state', label: t('precision.state') },
              { value: 'municipality', label: t('precision.municipality') },
              { value: 'locality', label: t('precision.locality') },
              { value: 'crossing', label: t('precision.crossing') },
              { value: 'route', label: t('precision.route') },
              { value: 'unknown', label: t('precision.unknown') },
            ]}
          />
        </div>
        <fieldset class="ident-group">
          <legend>
            {t('form.privatePoint')} <IdentBadge />
          </legend>
          <p class="hint">{t('form.privatePointHint')}</p>
          <div class="grid-2">
            <TextField id={fieldId('place.private.lat')} label={t('field.lat')} inputMode="decimal" value={value.lat} onValue={(lat) => set({ lat })} errors={pe('private.lat') ?? pe('private')} identifying />
            <TextField id={fieldId('place.private.lon')} label={t('field.lon')} inputMode="decimal" value={value.lon} onValue={(lon) => set({ lon })} errors={pe('private.lon')} identifying />
          </div>
          <TextField id={fieldId('place.private.address')} label={t('field.address')} value={value.address} onValue={(address) => set({ address })} errors={pe('private.address')} identifying multiline rows={2} />
        </fieldset>
      </details>
    </div>
  );
}

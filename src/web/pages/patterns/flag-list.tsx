/**
 * Pattern flags grouped by kind (patterns page, person page): a heading and a plain-language
 * sentence with the thresholds in force per kind, then each flag — who (pseudonym, linking to their
 * page), when, how many / which stages / which countries / which perpetrators — and the incidents
 * behind it as links labelled with their reference and day. Nothing depends on colour.
 */
import { t } from '../../i18n/i18n';
import { useAppState } from '../../state';
import { Link } from '../../router';
import { Alert, Row } from '../../components/ui';
import { countryName, partialDate } from '../../lib/format';
import type { PatternAnswer, PatternFlag } from '../../types';
import { FLAG_KINDS, kindExplanation, kindHeading, stagePath, type FlagKind } from './words';

interface Props {
  answer: PatternAnswer;
  /** the level of each kind's heading (a flag's own title is one below) */
  level: 2 | 3;
  /** name the person or organisation in each flag (not on their own page) */
  showVictim: boolean;
  /** list every kind, with "none" under those without a flag (the patterns page) */
  showEmptyKinds: boolean;
  /** the sentence when there is no flag at all */
  emptyText: string;
  emptyClass?: string;
}

function period(from: string, to: string): string {
  return from === to ? partialDate(from) : t('date.range', { start: partialDate(from), end: partialDate(to) });
}

export function FlagList({ answer, level, showVictim, showEmptyKinds, emptyText, emptyClass }: Props) {
  const H = `h${level}` as 'h2' | 'h3';
  const kinds = FLAG_KINDS.map((k) => ({ kind: k, flags: answer.flags.filter((f) => f.kind === k) })).filter((g) => g.flags.length > 0 || (showEmptyKinds && answer.flags.length > 0));
  return (
    <div class="flag-list">
      {answer.truncated && <Alert kind="warning">{t('patterns.truncated', { count: answer.incidents })}</Alert>}
      {answer.flags.length === 0 && <p class={emptyClass ?? 'empty'}>{emptyText}</p>}
      {kinds.map((g) => (
        <section class="flag-group" key={g.kind} aria-labelledby={`flags-h-${g.kind}`}>
          <H id={`flags-h-${g.kind}`}>{kindHeading(g.kind)}</H>
          <p class="hint">{kindExplanation(g.kind, answer.settings)}</p>
          {g.flags.length === 0 ? (
            <p class="muted">{t('patterns.noneOfKind')}</p>
          ) : (
            <ul class="cards flags">
              {g.flags.map((f) => (
                <FlagCard key={flagKey(f)} flag={f} answer={answer} level={level === 2 ? 3 : 4} showVictim={showVictim} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function flagKey(f: PatternFlag): string {
  return f.kind === 'co_perpetrators' ? `${f.kind}:${f.a}:${f.b}` : `${f.kind}:${f.victimId}`;
}

function FlagCard({ flag: f, answer, level, showVictim }: { flag: PatternFlag; answer: PatternAnswer; level: 3 | 4; showVictim: boolean }) {
  const { vocab, places } = useAppState();
  const H = `h${level}` as 'h3' | 'h4';
  const who = f.kind === 'co_perpetrators' ? undefined : answer.actors[f.victimId];
  const perpetrator = (code: string) => vocab?.shortPath('perpetrator', code) ?? code;
  return (
    <li class={`card flag flag-${kindClass(f.kind)}`}>
      {f.kind === 'co_perpetrators' ? (
        <H class="card-title">{t('patterns.pair', { a: perpetrator(f.a), b: perpetrator(f.b) })}</H>
      ) : (
        showVictim && (
          <H class="card-title">
            <Link href={`/people/${f.victimId}`}>{who?.pseudonym ?? t('patterns.unnamed')}</Link>
            {who && <span class="flag-who-kind"> · {who.kind === 'organisation' ? t('actor.organisation') : t('actor.person')}</span>}
          </H>
        )
      )}
      <dl class="facts">
        {f.kind !== 'co_perpetrators' && <Row label={t('patterns.period')}>{period(f.from, f.to)}</Row>}
        {f.kind === 'repeated_targeting' && <Row label={t('patterns.howMany')}>{t('patterns.incidentCount', { count: f.count })}</Row>}
        {f.kind === 'escalation' && <Row label={t('patterns.stages')}>{stagePath(f.stages, answer.settings)}</Row>}
        {f.kind === 'cross_border' && <Row label={t('patterns.countries')}>{f.countries.map((c) => countryName(places, c)).join(', ')}</Row>}
        {f.kind === 'co_perpetrators' && <Row label={t('patterns.together')}>{t('patterns.incidentCount', { count: f.count })}</Row>}
        <Row label={t('patterns.incidents')}>
          <ul class="flag-incidents">
            {f.incidentIds.map((id) => {
              const l = answer.incidentLabels[id];
              return (
                <li key={id}>
                  <Link href={`/incidents/${id}`}>
                    {l ? l.ref : t('title.incident')}
                    {l?.day ? ` · ${partialDate(l.day)}` : ''}
                  </Link>
                </li>
              );
            })}
          </ul>
        </Row>
      </dl>
    </li>
  );
}

function kindClass(k: FlagKind): string {
  return k.replace('_', '-');
}

/** One's check-in plans (/checkins): set a schedule and contacts, check in, end a plan. */
import { t } from '../../i18n/i18n';
import { PageTitle } from '../../components/ui';

export function CheckinsPage() {
  return <PageTitle>{t('title.checkins')}</PageTitle>;
}

/** Check in with one tap (/checkins/:id): the same answer for a normal and a duress check-in. */
import { t } from '../../i18n/i18n';
import { PageTitle } from '../../components/ui';

export function CheckInPage({ id }: { id: string }) {
  void id;
  return <PageTitle>{t('title.checkIn')}</PageTitle>;
}

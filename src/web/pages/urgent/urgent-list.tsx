/** The open urgent cases (/urgent): reference, kind, days counted, owner, overdue steps. */
import { t } from '../../i18n/i18n';
import { PageTitle } from '../../components/ui';

export function UrgentListPage() {
  return <PageTitle>{t('title.urgentList')}</PageTitle>;
}

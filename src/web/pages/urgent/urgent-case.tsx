/** One urgent case (/urgent/:id): status and day counter, checklist with deadlines, notes, appeals, campaigns, closing. */
import { t } from '../../i18n/i18n';
import { PageTitle } from '../../components/ui';

export function UrgentCasePage({ id }: { id: string }) {
  void id;
  return <PageTitle>{t('title.urgentCase')}</PageTitle>;
}

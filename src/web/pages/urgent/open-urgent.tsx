/** Mark an incident urgent (/incidents/:id/urgent): kind, owner, the checklist for that kind with deadlines. */
import { t } from '../../i18n/i18n';
import { PageTitle } from '../../components/ui';

export function OpenUrgentPage({ id }: { id: string }) {
  void id;
  return <PageTitle>{t('title.openUrgent')}</PageTitle>;
}

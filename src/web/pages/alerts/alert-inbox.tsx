/** One's alerts in the app (/alerts): newest first, unread marked, each with its reference and link. */
import { t } from '../../i18n/i18n';
import { PageTitle } from '../../components/ui';

export function AlertInboxPage() {
  return <PageTitle>{t('title.alerts')}</PageTitle>;
}

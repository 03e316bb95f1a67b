/** Where alerts go (/admin/alerts): responders, the e-mail server, webhooks, a test alert, the delivery record. */
import { t } from '../../i18n/i18n';
import { PageTitle } from '../../components/ui';

export function AlertSettingsPage() {
  return <PageTitle>{t('title.alertSettings')}</PageTitle>;
}

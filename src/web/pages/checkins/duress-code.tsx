/** Set or change one's duress code (/checkins/duress). */
import { t } from '../../i18n/i18n';
import { PageTitle } from '../../components/ui';

export function DuressCodePage() {
  return <PageTitle>{t('title.duressCode')}</PageTitle>;
}

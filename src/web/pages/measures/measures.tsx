/** The protection measures registry (/measures): every measure held by the people and organisations one may see, renewals due first. */
import { t } from '../../i18n/i18n';
import { PageTitle } from '../../components/ui';

export function MeasuresPage() {
  return <PageTitle>{t('title.measures')}</PageTitle>;
}

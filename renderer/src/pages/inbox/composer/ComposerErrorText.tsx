import { useTranslation } from 'react-i18next';
import type { ComposerError } from '../../../stores/inbox/composer-store';
import { useInboxFormats } from '../format';

export function ComposerErrorText({ error }: { error: ComposerError }) {
  const { t } = useTranslation();
  const formats = useInboxFormats();
  switch (error.kind) {
    case 'tooLarge':
      return <>{t(`inbox.composer.tooLarge.${error.sender}`, { limit: formats.size(error.limit) })}</>;
    case 'emptyFile':
      return <>{t('inbox.composer.emptyFile')}</>;
    case 'tooLong':
      return <>{t('limits.notSent', { max: error.maxParts })}</>;
    case 'engine':
      return <>{t('inbox.composer.notSent', { message: error.message })}</>;
  }
}

import { PETITION_TYPE_LABELS, PETITION_TYPES, type PetitionType } from '../../../../shared/domain/petition-codes';
import { RadioGroup } from '../../components/RadioGroup';
import { useT } from '../../i18n';

type Props = { value: PetitionType | ''; onChange: (type: PetitionType) => void; error?: string | undefined };

/** The four kinds of petition of OG 27/2002 art. 2, each explained in plain words. */
export function TypeField({ value, onChange, error }: Props) {
  const { t, lang } = useT();
  const options = PETITION_TYPES.map((type) => ({
    value: type,
    label: PETITION_TYPE_LABELS[type][lang],
    hint: t(`form.type.${type}`),
  }));
  return (
    <RadioGroup name="type" legend={t('form.type.legend')} options={options} value={value} onChange={onChange} error={error} required />
  );
}

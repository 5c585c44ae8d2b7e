import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { privacyEn } from './content-en';
import { privacyRo } from './content-ro';

export function PrivacyPage() {
  const { t, lang } = useT();
  const content = lang === 'en' ? privacyEn : privacyRo;
  return (
    <Page title={t('privacy.title')}>
      <p className="lead">{content.intro}</p>
      <p className="hint">{content.updated}</p>
      <div className="prose">
        {content.sections.map((section) => (
          <section key={section.id} aria-labelledby={`privacy-${section.id}`}>
            <h2 id={`privacy-${section.id}`}>{section.title}</h2>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            {section.items && (
              <ul>
                {section.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </Page>
  );
}
